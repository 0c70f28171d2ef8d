#!/usr/bin/env node
import { Command } from 'commander';

/**
 * Each command's module, loaded only when that command runs: the modules pull in PGlite, chDB and
 * the whole server, which costs seconds of start-up that a `qm` call sent to the running server
 * (or `qm token`) does not need. Help for `qm` itself loads them all.
 */
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand(),
  migrate: async () => (await import('./commands/migrate.ts')).migrateCommand(),
  token: async () => (await import('./commands/token.ts')).tokenCommand(),
  projection: async () => (await import('./commands/projection.ts')).projectionCommand(),
  replay: async () => (await import('./commands/replay.ts')).replayCommand(),
  project: async () => (await import('./commands/project.ts')).projectCommand(),
  work: async () => (await import('./commands/work.ts')).workCommand(),
  analytics: async () => (await import('./commands/analytics.ts')).analyticsCommand(),
  stream: async () => (await import('./commands/stream.ts')).streamCommand(),
  mail: async () => (await import('./commands/mail.ts')).mailCommand(),
  backup: async () => (await import('./commands/backup.ts')).backupCommand(),
  restore: async () => (await import('./commands/restore.ts')).restoreCommand(),
  erase: async () => (await import('./commands/privacy.ts')).eraseCommand(),
  privacy: async () => (await import('./commands/privacy.ts')).privacyCommand(),
  auth: async () => (await import('./commands/auth.ts')).authCommand(),
  archive: async () => (await import('./commands/archive.ts')).archiveCommand(),
  seed: async () => (await import('./commands/seed.ts')).seedCommand(),
  import: async () => (await import('./commands/import.ts')).importCommand(),
};

// Traces only when the OTEL_* variables ask for them; started before any command's module is
// imported, so the instrumentations see `pg`, `ioredis` and `http` load.
const { tracingRequested } = await import('../../infra/telemetry/tracing-state.ts');
if (tracingRequested()) (await import('../../infra/telemetry/tracing.ts')).startTracing();

/** `qm`: the operator's and admin's command line. `npm run qm -- <command>` or `npx tsx ops/cli/main.ts`. */
const program = new Command('qm')
  .description(
    'Quartermaster: event-sourced orders and inventory. Configuration comes from the environment (see README).',
  )
  .showHelpAfterError();

const named = process.argv[2];
const load =
  named !== undefined && Object.hasOwn(commands, named) ? [commands[named]!] : Object.values(commands);
for (const command of load) program.addCommand(await command());

await program.parseAsync(process.argv);

#!/usr/bin/env node
import { Command } from 'commander';
import { analyticsCommand } from './commands/analytics.ts';
import { mailCommand } from './commands/mail.ts';
import { migrateCommand } from './commands/migrate.ts';
import { projectCommand } from './commands/project.ts';
import { projectionCommand } from './commands/projection.ts';
import { replayCommand } from './commands/replay.ts';
import { serveCommand } from './commands/serve.ts';
import { streamCommand } from './commands/stream.ts';
import { tokenCommand } from './commands/token.ts';

/** `qm`: the operator's and admin's command line. `npm run qm -- <command>` or `npx tsx ops/cli/main.ts`. */
const program = new Command('qm')
  .description(
    'Quartermaster: event-sourced orders and inventory. Configuration comes from the environment (see README).',
  )
  .showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(tokenCommand());
program.addCommand(projectionCommand());
program.addCommand(replayCommand());
program.addCommand(projectCommand());
program.addCommand(analyticsCommand());
program.addCommand(streamCommand());
program.addCommand(mailCommand());

await program.parseAsync(process.argv);

import { Command } from 'commander';
import type { Config } from '../../../infra/config/config.ts';
import { runWithContext } from '../run-with-context.ts';
import { progressBar } from '../progress-bar.ts';

/** The log must be in PostgreSQL or PGlite: KurrentDB has backups of its own. */
export function requireSqlEventStore(config: Config, command: string): void {
  if (config.eventStore === 'esdb') {
    throw new Error(
      `${command} covers an event log in PostgreSQL or PGlite; this deployment keeps its events in KurrentDB ` +
        '(EVENTSTORE_URL): back that up with KurrentDB’s own backup (file copy of its database), then rebuild the read models with qm replay.',
    );
  }
}

/** `qm backup <file>`: a logical, checksummed, gzip'd export of the event log (see ops/backup/backup-format.ts). */
export function backupCommand(): Command {
  return new Command('backup')
    .description(
      'Write the event log (and idempotency keys, processed webhooks, projection skips) to <file>, gzip’d, with per-table checksums',
    )
    .argument('<file>', 'where to write the backup (e.g. qm-2026-12-05.qmbackup.gz)')
    .action((file: string) =>
      runWithContext(async ({ config, log }) => {
        requireSqlEventStore(config, 'qm backup');
        const { openDatabase } = await import('../../compose/database.ts');
        const { exportBackup } = await import('../../backup/export-backup.ts');
        const database = await openDatabase(config, log);
        const progress = progressBar('rows');
        const started = performance.now();
        try {
          const manifest = await exportBackup(database, file, {
            log,
            onProgress: ({ table, done, total }) => progress(table, done, total),
          });
          progress.stop();
          const seconds = (performance.now() - started) / 1000;
          log.info({ file, manifest, seconds }, 'backup written');
          for (const [table, sum] of Object.entries(manifest.tables)) {
            console.log(`${table}: ${sum.rows} rows, sha256 ${sum.sha256}`);
          }
          console.log(`backup written to ${file} in ${seconds.toFixed(1)} s`);
        } finally {
          progress.stop();
          await database.close();
        }
      }),
    );
}

import { Command } from 'commander';
import { runWithContext } from '../run-with-context.ts';
import { progressBar } from '../progress-bar.ts';
import { requireSqlEventStore } from './backup.ts';

/**
 * `qm restore <file>`: checks the backup's checksums, restores it into an empty database, then
 * rebuilds every read model and the ClickHouse tables from the restored events.
 */
export function restoreCommand(): Command {
  return new Command('restore')
    .description(
      'Restore a qm backup into an empty database (checksums checked first), then rebuild every read model and the analytics from the events',
    )
    .argument('<file>', 'a file written by qm backup')
    .option('--no-rebuild', 'restore the events only; rebuild later with qm replay <projection>')
    .action((file: string, options: { rebuild: boolean }) =>
      runWithContext(async ({ config, log }) => {
        requireSqlEventStore(config, 'qm restore');
        const { openProjectorContext } = await import('../../compose/projectors.ts');
        const { restoreBackup } = await import('../../backup/restore-backup.ts');
        const { rebuildFromEvents, rebuiltAfterRestore } =
          await import('../../backup/rebuild-from-events.ts');
        const context = await openProjectorContext(config, log);
        const progress = progressBar('rows');
        const started = performance.now();
        try {
          const manifest = await restoreBackup(context.database, file, {
            log,
            onProgress: ({ table, done, total }) => progress(table, done, total),
          });
          progress.stop();
          const restored = (performance.now() - started) / 1000;
          log.info({ file, manifest, seconds: restored }, 'backup restored');
          console.log(
            `restored ${manifest.tables.qm_events?.rows ?? 0} events from ${file} in ${restored.toFixed(1)} s`,
          );
          if (!options.rebuild) return;
          const rebuilt = progressBar('events');
          try {
            for (const result of await rebuildFromEvents(context, rebuiltAfterRestore(context), (p) =>
              rebuilt(p.projection, p.events, p.total ?? p.events),
            )) {
              rebuilt.stop();
              console.log(
                `${result.projection}: rebuilt from ${result.events} events in ${result.seconds.toFixed(1)} s`,
              );
            }
          } finally {
            rebuilt.stop();
          }
          console.log(`restore and rebuild done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          progress.stop();
          await context.close();
        }
      }),
    );
}

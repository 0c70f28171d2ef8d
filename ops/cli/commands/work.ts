import { Command } from 'commander';
import { openSystem } from '../../compose/system.ts';
import { firstStopSignal } from '../../server/graceful-shutdown.ts';
import type { WorkerMessage } from '../../server/background-worker.ts';
import { runServiceWithContext } from '../run-with-context.ts';

/**
 * `qm work`: the background half of `qm serve` on PostgreSQL (read-model projectors, the publisher
 * and the consumers), in a process of its own so that it runs on another core than the APIs. `qm
 * serve` starts it, restarts it when it dies, and stops it on shutdown; it stops by itself when its
 * parent goes away. Without Redis it reports each batch's cache invalidations to its parent.
 */
export function workCommand(): Command {
  return new Command('work')
    .description(
      'The projectors, publisher and consumers of one qm serve on PostgreSQL (qm serve starts and supervises it)',
    )
    .option(
      '--no-projectors',
      'only the publisher and the consumers: the read-model projectors run in `qm project` processes',
    )
    .option(
      '--no-analytics',
      'leave the ClickHouse projector to the parent (embedded chDB opens in one process)',
    )
    .action(async (options: { analytics: boolean; projectors: boolean }) => {
      await runServiceWithContext(async ({ config, log }) => {
        if (!config.DATABASE_URL) {
          throw new Error(
            'qm work needs DATABASE_URL: embedded (PGlite) runs everything in qm serve itself, one process.',
          );
        }
        const report = process.send?.bind(process);
        // With Redis the worker's own cache invalidation reaches every API process; without, only
        // the parent's memory can be told.
        const forward =
          report && !config.REDIS_URL
            ? async (effects: { invalidate?: readonly string[] }, _position: unknown, projection: string) => {
                const tags = effects.invalidate ?? [];
                if (tags.length > 0) report({ type: 'invalidate', projection, tags } satisfies WorkerMessage);
              }
            : undefined;
        const system = await openSystem(config, log, {
          projectors: options.projectors,
          fanout: true,
          analyticsSink: options.analytics,
          serveApis: false,
          ...(forward ? { onApplied: forward } : {}),
        });
        report?.({ type: 'ready' } satisfies WorkerMessage);
        log.info(
          { analytics: options.analytics, projectors: options.projectors },
          'qm work: projectors, publisher and consumers running',
        );
        const parentGone = new Promise<string>((resolve) =>
          process.once('disconnect', () => resolve('parent')),
        );
        const why = await Promise.race([firstStopSignal(log), parentGone]);
        log.info({ why }, 'qm work: stopping');
        await system.close();
      });
      process.exit();
    });
}

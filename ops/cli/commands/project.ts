import { Command } from 'commander';
import { once } from 'node:events';
import { dataRootPaths } from '../../../infra/config/data-root.ts';
import { DataRootBusy, liveOwner } from '../../compose/data-root-owner.ts';
import { openProjectorContext, startProjectors } from '../../compose/projectors.ts';
import { openCacheInvalidation } from '../../compose/read-side.ts';
import { runServiceWithContext } from '../run-with-context.ts';

/**
 * `qm project [names...]`: runs projectors in a process of their own until SIGTERM/SIGINT. Several
 * such processes may run: each projector is active in one of them and waits in the others.
 */
export function projectCommand(): Command {
  return new Command('project')
    .description(
      'Run projectors as a standalone process until stopped (default: every read model and the analytics sink)',
    )
    .argument('[names...]', 'projections to run')
    .option('--batch-size <n>', 'events per transaction', (value) => Number(value), 500)
    .action((names: string[], options: { batchSize: number }) =>
      runServiceWithContext(async ({ config, log }) => {
        // On PostgreSQL, projector processes beside the servers are the design; on PGlite they are not.
        const owner = config.DATABASE_URL ? null : liveOwner(config);
        if (owner?.api) {
          throw new DataRootBusy(
            config.QM_DATA_DIR,
            owner,
            dataRootPaths(config).ownerLock,
            'That server already runs every projector, and embedded means one process: qm project has nothing ' +
              'to add beside it. To run projectors in processes of their own, use PostgreSQL (DATABASE_URL) with ' +
              'qm serve --no-projectors.',
          );
        }
        const context = await openProjectorContext(config, log);
        const { catalog } = context;
        const wanted = names.length > 0 ? names : [...catalog.readModels.map((p) => p.name), 'analytics'];
        const readModels = catalog.readModels.filter((p) => wanted.includes(p.name));
        const sinkNames = wanted.filter((name) => !readModels.some((p) => p.name === name));
        const sinks = [];
        const closers: (() => Promise<void>)[] = [];
        try {
          for (const name of sinkNames) {
            const sink = await catalog.openSink(name);
            if (!sink) throw new Error(`unknown projection "${name}"`);
            sinks.push(sink.projection);
            closers.push(() => sink.close());
          }
          const invalidation = await openCacheInvalidation({ config, log, metrics: context.metrics });
          closers.push(() => invalidation.close());
          const running = await startProjectors(
            { ...context, ...(context.openSession ? { openSession: context.openSession } : {}) },
            {
              readModels,
              sinks,
              options: { batchSize: options.batchSize },
              ...(invalidation.onApplied ? { onApplied: invalidation.onApplied } : {}),
            },
          );
          log.info({ projectors: wanted }, 'projectors running; stop with Ctrl+C or SIGTERM');
          await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
          log.info('stopping projectors');
          await running.stop();
        } finally {
          for (const close of closers) await close();
          await context.close();
        }
      }),
    );
}

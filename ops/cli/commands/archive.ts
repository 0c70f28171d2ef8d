import { Command, InvalidArgumentError } from 'commander';
import { runWithContext } from '../run-with-context.ts';
import { progressBar } from '../progress-bar.ts';
import { runningServer } from '../running-server.ts';

function days(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of days, 1 or more');
  return n;
}

/**
 * `qm archive orders --closed-days N`: hot and cold storage for the event log. The streams of
 * orders delivered or cancelled whose last event is older than N days move to the archive table;
 * reads, replays, rebuilds and time travel still see them (see ports/event-archive.ts). Run it
 * from cron, say nightly: each batch is one short transaction, and a rerun picks up where it ended.
 */
export function archiveCommand(): Command {
  const archive = new Command('archive').description(
    'Hot and cold storage: move the streams of long-closed orders out of the hot event log (they stay readable)',
  );
  archive
    .command('orders')
    .description('Archive the streams of orders delivered or cancelled more than --closed-days ago')
    .requiredOption('--closed-days <n>', 'days since the order stream’s last event', days)
    .option('--dry-run', 'count what would move, move nothing')
    .option('--batch <n>', 'streams per transaction', days, 200)
    .action((options: { closedDays: number; dryRun?: boolean; batch: number }) =>
      runWithContext(async ({ config, log }) => {
        if (config.eventStore === 'esdb') {
          throw new Error(
            'qm archive covers an event log in PostgreSQL or PGlite; KurrentDB (EVENTSTORE_URL) tiers its own ' +
              'storage: see "Archiving" in docs/deployment.md.',
          );
        }
        // Embedded, the server owns PGlite: only one process may open the data root.
        if (!config.DATABASE_URL && runningServer(config)) {
          throw new Error('a qm serve process owns the data root; stop it, then run this again');
        }
        const { openDatabase } = await import('../../compose/database.ts');
        const { openEventStore } = await import('../../compose/event-store.ts');
        const { createSqlEventArchive } = await import('../../../infra/event-store/sql/sql-event-archive.ts');
        const { archiveClosedOrders } = await import('../../../commands/orders/archive-closed-orders.ts');
        const { systemClock } = await import('../../../ports/clock.ts');
        const database = await openDatabase(config, log.child({}, { level: 'warn' }));
        const store = await openEventStore(config, database);
        const eventArchive = createSqlEventArchive(database);
        const progress = progressBar('streams');
        try {
          const before = await eventArchive.sizes();
          const result = await archiveClosedOrders(
            { store, archive: eventArchive, clock: systemClock },
            {
              closedDays: options.closedDays,
              batch: options.batch,
              ...(options.dryRun ? { dryRun: true } : {}),
              onProgress: (p) => progress('order streams examined', p.examined, p.examined),
            },
          );
          progress.stop();
          const after = await eventArchive.sizes();
          log.info({ ...result, dryRun: Boolean(options.dryRun), before, after }, 'archive done');
          console.log(
            options.dryRun
              ? `${result.archived} of ${result.examined} quiet order streams are closed and would move (last event before ${result.cutoff})`
              : `archived ${result.archived} order streams (${result.events} events) of ${result.examined} quiet ones; ` +
                  `hot log ${before.hot} → ${after.hot} events, archive ${before.archived} → ${after.archived}`,
          );
        } finally {
          progress.stop();
          await store.close();
          await database.close();
        }
      }),
    );
  return archive;
}

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { exportBackup } from '../../ops/backup/export-backup.ts';
import { restoreBackup } from '../../ops/backup/restore-backup.ts';
import { benchDatabase, type BenchBackend } from '../lib/bench-databases.ts';
import { benchEvents } from '../lib/bench-events.ts';
import { writeResult } from '../lib/results.ts';

/** Events in the log backed up (`QM_BENCH_BACKUP_EVENTS`): the figures are per million, extrapolated. */
const EVENTS = Number(process.env.QM_BENCH_BACKUP_EVENTS ?? 100_000);
const STREAM_EVENTS = 100;

/**
 * `qm backup` and `qm restore` (without the rebuild) on a log of EVENTS StockReserved-sized events
 * in streams of 100: seconds for each, extrapolated linearly to a million events (both stream the
 * log page by page, so the cost per event does not grow with the log).
 */
async function benchBackend(backend: BenchBackend): Promise<void> {
  const log = createLogger('silent');
  const scratch = mkdtempSync(join(tmpdir(), 'qm-bench-backup-'));
  const file = join(scratch, 'bench.qmbackup.gz');
  const source = await benchDatabase(backend);
  const target = await benchDatabase(backend);
  try {
    const store = createSqlEventStore(source.client);
    for (let stream = 0; stream * STREAM_EVENTS < EVENTS; stream += 1) {
      await store.append(`bench-${stream}`, benchEvents(STREAM_EVENTS), 'no_stream');
    }
    await store.close();
    let started = performance.now();
    const manifest = await exportBackup(source.client, file, { log });
    const backupSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await restoreBackup(target.client, file, { log });
    const restoreSeconds = (performance.now() - started) / 1000;
    const events = manifest.tables.qm_events!.rows;
    const perMillion = (seconds: number) => (seconds * 1_000_000) / events;
    writeResult({
      suite: 'backup',
      at: new Date().toISOString(),
      backend,
      metrics: {
        backup_s_per_million_events: { value: perMillion(backupSeconds), unit: 's' },
        restore_s_per_million_events: { value: perMillion(restoreSeconds), unit: 's' },
        backup_events_per_s: { value: events / backupSeconds, unit: 'events/s' },
        restore_events_per_s: { value: events / restoreSeconds, unit: 'events/s' },
        backup_bytes_per_event: { value: statSync(file).size / events, unit: 'bytes' },
      },
      notes: [
        `${events} events in streams of ${STREAM_EVENTS} (QM_BENCH_BACKUP_EVENTS), per-million figures extrapolated linearly`,
        'restore: checksum pass plus insert, without the read-model rebuild (that is `qm replay`, see the read bench)',
        `on ${backend === 'postgres' ? 'the local PostgreSQL 15' : 'PGlite in a temporary folder'}, source and target on one machine`,
      ],
    });
  } finally {
    await source.dispose();
    await target.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function backupBench(options: { backends: string[] }): Promise<void> {
  for (const backend of options.backends) {
    if (backend !== 'pglite' && backend !== 'postgres')
      throw new Error(`backup bench: unknown backend ${backend}`);
    await benchBackend(backend);
  }
}

/**
 * A projector's batch must not hide new events from readers of the global log while it reads and
 * folds. Readers see nothing past the oldest open transaction id (read-statements.ts), so a batch
 * that takes a transaction id early (a row lock on its registration did) holds back every other
 * projector's view of the log for as long as it runs. Its writes wait for the COMMIT
 * (`kyselyWritesAtCommit`), so not even they take one early. PostgreSQL only: PGlite runs one
 * transaction at a time.
 *
 * Nor must its COMMIT wait for the WAL flush while PostgreSQL still counts it as running (see
 * `commitWithoutFlushWait` in batch.ts): a live batch commits with `synchronous_commit` off.
 */
import { describe, expect, it } from 'vitest';
import { comparePositions } from '../../ports/position.ts';
import type { Position } from '../../ports/event-store.ts';
import type { SqlClient, SqlExecutor } from '../../infra/sql/sql-client.ts';
import { startReadModelProjector } from './projector-runner.ts';
import { appendSpread, projectorDeps } from './testing/runtime-fixture.ts';
import { perTestResources } from '../../test-support/per-test-resources.ts';
import { streamCountsProjection } from './testing/stream-counts-projection.ts';

describe('a projector batch in flight on postgres', () => {
  const { database, track } = perTestResources('postgres');

  it.each(['beforeWrite', 'afterWrite'] as const)(
    'leaves what readers of the log can see alone (held %s)',
    async (hook) => {
      const db = await database();
      const deps = projectorDeps(db);
      let entered!: () => void;
      const inBatch = new Promise<void>((resolve) => (entered = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const projection = streamCountsProjection({
        filter: { categories: ['thing'] },
        async [hook]() {
          entered();
          await released;
        },
      });
      track(await startReadModelProjector(deps, projection, { leaseRetryMs: 50 }));
      await appendSpread(deps.store, 'thing', 1, 1);
      // The batch's transaction is open: it has checked its registration, read, folded (and written).
      await inBatch;
      try {
        const later = await appendSpread(deps.store, 'other', 1, 1);
        let head: Position | null = null;
        for (const deadline = Date.now() + 3000; Date.now() < deadline;) {
          head = await deps.store.headPosition();
          if (head && comparePositions(head, later) >= 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(head && comparePositions(head, later)).toBeGreaterThanOrEqual(0);
      } finally {
        release();
      }
    },
  );

  it('commits without waiting for the WAL flush', async () => {
    const db = await database();
    // The real transactions, with what each sends at its commit recorded on the way.
    const scripts: string[][] = [];
    const recording: SqlClient = {
      ...db,
      transaction: (work) =>
        db.transaction((tx) => {
          const sent: string[] = [];
          scripts.push(sent);
          const spied: SqlExecutor = {
            ...tx,
            query: (text, params, name) => tx.query(text, params, name),
            atCommit: (text, params) => {
              sent.push(text);
              tx.atCommit!(text, params);
            },
          };
          return work(spied);
        }),
    };
    const deps = projectorDeps(recording);
    const projection = streamCountsProjection({ filter: { categories: ['thing'] } });
    const projector = track(await startReadModelProjector(deps, projection, { leaseRetryMs: 50 }));
    const position = await appendSpread(deps.store, 'thing', 1, 1);
    expect(await projector.waitFor(position, 5000)).toBe(true);
    const batches = scripts.filter((sent) => sent.some((text) => text.includes('qm_advance_checkpoint')));
    expect(batches.length).toBeGreaterThan(0);
    for (const sent of batches) expect(sent).toContain('set local synchronous_commit to off');
    const [row] = await db.query<{ events: number }>(
      `select sum(events)::int as events from rm_${projection.name}_g1.stream_counts`,
    );
    expect(row?.events).toBe(1);
  });
});

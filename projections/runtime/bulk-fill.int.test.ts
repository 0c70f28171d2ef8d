/**
 * The bulk fill (`bulkFill`, PostgreSQL): what a replay builds the fast way must equal what the
 * careful fill builds, whatever the fill did on the way (models dropped and read back, COPY
 * refusing a key), and a poison event must still be named.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { activeSchema } from './checkpoints.ts';
import { checksumSchema } from './checksum.ts';
import { PoisonEvent } from './poison-event.ts';
import { startReadModelProjector } from './projector-runner.ts';
import { replayProjection, type ReplayOptions } from './replay.ts';
import { appendSpread, countsFromLog, projectorDeps, testEvent } from './testing/runtime-fixture.ts';
import { perTestResources } from '../../test-support/per-test-resources.ts';
import { stagedCountsProjection } from './testing/staged-counts-projection.ts';

/** Projector deps whose log lines are kept, to see which way a replay filled. */
function depsWithLog(db: SqlClient) {
  const lines: { msg: string }[] = [];
  const log = pino(
    { level: 'warn' },
    { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) },
  );
  return { deps: projectorDeps(db, { log }), lines };
}

async function counts(db: SqlClient, schema: string): Promise<Record<string, number>> {
  const rows = await db.query<{ stream: string; events: number }>(`select * from "${schema}".counts`);
  return Object.fromEntries(rows.map((row) => [row.stream, row.events]));
}

describe('bulk replay on postgres', () => {
  const { database, track } = perTestResources('postgres');

  it('builds what the careful fill builds, also when it drops its models and reads them back', async () => {
    const db = await database();
    const { deps, lines } = depsWithLog(db);
    await appendSpread(deps.store, 'thing', 13, 700);
    const projection = stagedCountsProjection();
    const replay = async (options: ReplayOptions) => {
      await replayProjection(deps, { kind: 'read_model', projection }, { batchSize: 50, ...options });
      const schema = await activeSchema(db, projection.name);
      return { schema, sums: await checksumSchema(db, schema) };
    };

    const careful = await replay({ bulk: false });
    expect(await counts(db, careful.schema)).toEqual(await countsFromLog(db, 'thing'));
    const bulk = await replay({});
    expect(bulk.sums).toEqual(careful.sums);
    // Five models at most: every few batches the fill writes what it holds and loads it back.
    const dropping = await replay({ modelLimit: 5 });
    expect(dropping.sums).toEqual(careful.sums);
    expect(lines.map((line) => line.msg)).toEqual([]);

    // The index set aside during the fill is back, and the checkpoint is where the log ends.
    const indexes = await db.query<{ name: string }>(
      'select indexname as name from pg_indexes where schemaname = $1 order by 1',
      [dropping.schema],
    );
    expect(indexes.map((index) => index.name)).toEqual(['counts_pkey', 'keys_by_event', 'keys_pkey']);
    const live = track(await startReadModelProjector(deps, projection, { batchSize: 50, leaseRetryMs: 50 }));
    const more = await appendSpread(deps.store, 'thing', 3, 30);
    expect(await live.waitFor(more, 20_000)).toBe(true);
    expect(await counts(db, dropping.schema)).toEqual(await countsFromLog(db, 'thing'));
  });

  it('a key COPY refuses: the careful fill takes over and keeps the first row, as the live projector does', async () => {
    const db = await database();
    const { deps, lines } = depsWithLog(db);
    await appendSpread(deps.store, 'thing', 5, 200);
    await deps.store.append('thing-a', [testEvent('ThingHappened', { key: 'same' })], 'any');
    await appendSpread(deps.store, 'thing', 5, 200);
    const last = await deps.store.append('thing-b', [testEvent('ThingHappened', { key: 'same' })], 'any');
    const projection = stagedCountsProjection();
    const live = track(await startReadModelProjector(deps, projection, { batchSize: 50, leaseRetryMs: 50 }));
    expect(await live.waitFor(last.position, 20_000)).toBe(true);
    const builtLive = await checksumSchema(db, await activeSchema(db, projection.name));
    await live.stop();

    await replayProjection(deps, { kind: 'read_model', projection }, { batchSize: 50 });
    expect(lines.map((line) => line.msg)).toEqual([
      'the bulk replay failed; filling again batch by batch, which names the event if one is at fault',
    ]);
    expect(await checksumSchema(db, await activeSchema(db, projection.name))).toEqual(builtLive);
  });

  it('a poison event: the bulk fill stops, the careful fill names the event, and the half-built generation goes', async () => {
    const db = await database();
    const { deps } = depsWithLog(db);
    await appendSpread(deps.store, 'thing', 5, 300);
    await deps.store.append('thing-poison', [testEvent('ThingBroke', { poison: true })], 'any');
    await appendSpread(deps.store, 'thing', 5, 100);
    const [poison] = await deps.store.readStream('thing-poison');
    const projection = stagedCountsProjection();

    const failure = await replayProjection(deps, { kind: 'read_model', projection }, { batchSize: 50 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(PoisonEvent);
    expect((failure as PoisonEvent).event.id).toBe(poison!.id);
    expect((failure as Error).message).toContain(`qm projection skip ${projection.name}`);
    const schemas = await db.query<{ name: string }>(
      `select schema_name as name from information_schema.schemata where schema_name like 'rm\\_staged%'`,
    );
    expect(schemas.map((row) => row.name)).toEqual(['rm_staged_counts_g1']);
  });
});

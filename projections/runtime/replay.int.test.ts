import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { activeSchema } from './checkpoints.ts';
import { checksumSchema } from './checksum.ts';
import type { SinkProjection } from './projection.ts';
import { startReadModelProjector, startSinkProjector } from './projector-runner.ts';
import { replayProjection } from './replay.ts';
import { appendSpread, countsFromLog, countsInSchema, projectorDeps } from './testing/runtime-fixture.ts';
import { perTestResources } from '../../test-support/per-test-resources.ts';
import { streamCountsProjection } from './testing/stream-counts-projection.ts';

const things = { categories: ['thing'] };

describe.each(['pglite', 'postgres'] as const)('replay on %s', (backend) => {
  const { database, track } = perTestResources(backend);

  it('rebuilds blue/green: the old generation serves during the fill, then reads switch and the live projector follows', async () => {
    const db = await database();
    const deps = projectorDeps(db);
    const projection = streamCountsProjection({ filter: things });
    const first = await appendSpread(deps.store, 'thing', 9, 400);
    const live = track(await startReadModelProjector(deps, projection, { batchSize: 50, leaseRetryMs: 50 }));
    expect(await live.waitFor(first, 20_000)).toBe(true);

    const during: { schema: string; served: Record<string, number>; log: Record<string, number> }[] = [];
    let appendedDuring = first;
    const result = await replayProjection(
      deps,
      { kind: 'read_model', projection },
      {
        batchSize: 60,
        async onProgress() {
          if (during.length > 0) return;
          // Writes keep coming while the new generation fills; the old one keeps serving them.
          appendedDuring = await appendSpread(deps.store, 'thing', 4, 40);
          expect(await live.waitFor(appendedDuring, 20_000)).toBe(true);
          during.push({
            schema: await activeSchema(db, 'stream_counts'),
            served: await countsInSchema(db, 'rm_stream_counts_g1'),
            log: await countsFromLog(db, 'thing'),
          });
        },
      },
    );
    expect(during).toHaveLength(1);
    expect(during[0]!.schema).toBe('rm_stream_counts_g1');
    expect(during[0]!.served).toEqual(during[0]!.log);
    expect(result.generation).toBe(2);
    expect(await activeSchema(db, 'stream_counts')).toBe('rm_stream_counts_g2');
    const schemas = await db.query<{ n: string }>(
      `select count(*)::text as n from information_schema.schemata where schema_name = 'rm_stream_counts_g1'`,
    );
    expect(schemas[0]!.n).toBe('0');

    // The live projector continues on the new generation: nothing lost, nothing doubled.
    const after = await appendSpread(deps.store, 'thing', 3, 30);
    expect(await live.waitFor(after, 20_000)).toBe(true);
    expect(await countsInSchema(db, 'rm_stream_counts_g2')).toEqual(await countsFromLog(db, 'thing'));

    // Equal to a fresh build of the same log.
    const fresh = streamCountsProjection({ name: 'fresh_counts', filter: things });
    const freshRunner = track(
      await startReadModelProjector(deps, fresh, { batchSize: 500, leaseRetryMs: 50 }),
    );
    expect(await freshRunner.waitFor(after, 20_000)).toBe(true);
    expect(await checksumSchema(db, 'rm_stream_counts_g2')).toEqual(
      await checksumSchema(db, 'rm_fresh_counts_g1'),
    );
  });

  it('replays a sink: reset, then everything delivered again from the start', async () => {
    const db = await database();
    const deps = projectorDeps(db);
    const delivered: string[] = [];
    let resets = 0;
    const sink: SinkProjection = {
      name: 'memory_sink',
      async deliver(events: readonly RecordedEvent[]) {
        delivered.push(...events.map((event) => event.id));
      },
      async reset() {
        resets += 1;
        delivered.length = 0;
      },
    };
    const head = await appendSpread(deps.store, 'thing', 5, 120);
    const runner = track(await startSinkProjector(deps, sink, { batchSize: 25, leaseRetryMs: 50 }));
    expect(await runner.waitFor(head, 20_000)).toBe(true);
    const all = (await deps.store.readAll({ maxCount: 10_000 })).map((event) => event.id);
    expect(new Set(delivered)).toEqual(new Set(all));
    await runner.stop();

    await replayProjection(deps, { kind: 'sink', projection: sink }, { batchSize: 50 });
    expect(resets).toBe(1);
    expect(delivered).toEqual(all);
    expect(await activeSchema(db, 'memory_sink')).toBe('rm_memory_sink_g2');
  });
});

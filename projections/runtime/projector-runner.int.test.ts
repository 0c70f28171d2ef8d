import { describe, expect, it } from 'vitest';
import type { EventStore, Position, RecordedEvent } from '../../ports/event-store.ts';
import { commitReadModelBatch } from './batch.ts';
import { activeSchema, readCheckpoint, reached, waitForCheckpoint } from './checkpoints.ts';
import { projectionStatus } from './projection-status.ts';
import { createLogTail } from './log-tail.ts';
import { ensureRegistered, startReadModelProjector, startSinkProjector } from './projector-runner.ts';
import { readRegistration } from './registry.ts';
import { replayProjection } from './replay.ts';
import { PROJECTION_EVENT_SKIPPED, skipProjectionEvent } from './skip-event.ts';
import { listSkips } from './skips.ts';
import {
  appendSpread,
  countsFromLog,
  countsInSchema,
  projectorDeps,
  testEvent,
} from './testing/runtime-fixture.ts';
import { perTestResources } from '../../test-support/per-test-resources.ts';
import { streamCountsProjection } from './testing/stream-counts-projection.ts';

const things = { categories: ['thing'] };

/**
 * The whole log once it shows `count` events. readAll shows an event only when no older transaction
 * on the server is open (PostgreSQL's xmin horizon is server-wide, and other tests share the
 * server), so a read right after an append may still come back short: wait instead of racing.
 */
async function visibleLog(store: EventStore, count: number): Promise<RecordedEvent[]> {
  await expect.poll(async () => (await store.readAll({})).length, { timeout: 10_000 }).toBe(count);
  return store.readAll({});
}

describe.each(['pglite', 'postgres'] as const)('projector runtime on %s', (backend) => {
  const { database, track } = perTestResources(backend);

  it('applies the log into generation 1 with its checkpoint, and exactly once across a restart', async () => {
    const db = await database();
    const deps = projectorDeps(db);
    const projection = streamCountsProjection({ filter: things });
    const first = await appendSpread(deps.store, 'thing', 7, 300);
    const applied: Position[] = [];
    const runner = await startReadModelProjector(deps, projection, {
      batchSize: 40,
      leaseRetryMs: 50,
      onApplied: (_effects, position) => void applied.push(position),
    });
    expect(await runner.waitFor(first, 20_000)).toBe(true);
    await runner.stop();
    expect(await activeSchema(db, 'stream_counts')).toBe('rm_stream_counts_g1');
    expect(await countsInSchema(db, 'rm_stream_counts_g1')).toEqual(await countsFromLog(db, 'thing'));
    expect(applied.length).toBeGreaterThan(1);

    // Events of another category move the checkpoint without touching the model.
    const other = await deps.store.append('other-1', [testEvent()], 'any');
    const second = await appendSpread(deps.store, 'thing', 5, 120);
    const again = track(await startReadModelProjector(deps, projection, { batchSize: 40, leaseRetryMs: 50 }));
    expect(await again.waitFor(second, 20_000)).toBe(true);
    expect(reached(await readCheckpoint(db, 'stream_counts'), other.position)).toBe(true);
    expect(await countsInSchema(db, 'rm_stream_counts_g1')).toEqual(await countsFromLog(db, 'thing'));
    expect(await waitForCheckpoint(db, ['stream_counts'], second, 1000)).toBe(true);
  });

  it('following the tail, holds back the checkpoint over events it has no use for, until a reader waits or a moment passes', async () => {
    const db = await database();
    const deps = projectorDeps(db);
    const tail = createLogTail(deps.store, { pollIntervalMs: 5 });
    const projection = streamCountsProjection({ filter: things });
    const runner = track(
      await startReadModelProjector(deps, projection, { tail, leaseRetryMs: 50, idleCheckpointMs: 3000 }),
    );
    const thing = await deps.store.append('thing-1', [testEvent()], 'any');
    expect(await runner.waitFor(thing.position, 20_000)).toBe(true);
    // Right after that commit, an event of another category: no transaction for it yet...
    const other = await deps.store.append('other-1', [testEvent()], 'any');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reached(await readCheckpoint(db, 'stream_counts'), other.position)).toBe(false);
    // ...until a reader in this process waits for it: then it is committed at once, well before
    // the hold would end (3 s after the last commit).
    expect(await runner.waitFor(other.position, 1000)).toBe(true);
    expect(reached(await readCheckpoint(db, 'stream_counts'), other.position)).toBe(true);
    // With no reader, the stretch is committed once the hold ends.
    const another = await deps.store.append('other-2', [testEvent()], 'any');
    expect(await waitForCheckpoint(db, ['stream_counts'], another.position, 10_000)).toBe(true);
    await runner.stop();
    await tail.stop();
  });

  it('a sink that paces its checkpoint delivers at once, saves later, saves for a waiting reader, and saves on stop', async () => {
    const db = await database();
    const deps = projectorDeps(db);
    const tail = createLogTail(deps.store, { pollIntervalMs: 5 });
    const delivered: string[] = [];
    const sink = {
      name: 'paced_sink',
      filter: things,
      deliver: async (events: readonly RecordedEvent[]) => void delivered.push(...events.map((e) => e.id)),
      checkpointEveryMs: 60_000,
    };
    const runner = track(await startSinkProjector(deps, sink, { tail, leaseRetryMs: 50 }));
    // Until it holds the lease, waitFor polls the database, which a paced save reaches only later.
    await expect.poll(() => runner.active, { timeout: 10_000 }).toBe(true);
    // The first delivery saves (no save yet); the next ones, a moment later, only deliver.
    const first = await deps.store.append('thing-1', [testEvent()], 'any');
    expect(await runner.waitFor(first.position, 20_000)).toBe(true);
    const second = await deps.store.append('thing-2', [testEvent()], 'any');
    await expect.poll(() => delivered.length, { timeout: 10_000 }).toBe(2);
    expect(reached(await readCheckpoint(db, 'paced_sink'), second.position)).toBe(false);
    // A reader here waiting for a delivered event gets its save at once, not a minute later.
    expect(await runner.waitFor(second.position, 2000)).toBe(true);
    expect(reached(await readCheckpoint(db, 'paced_sink'), second.position)).toBe(true);
    const third = await deps.store.append('thing-3', [testEvent()], 'any');
    await expect.poll(() => delivered.length, { timeout: 10_000 }).toBe(3);
    expect(reached(await readCheckpoint(db, 'paced_sink'), third.position)).toBe(false);
    // Stopping saves what was delivered: a restart sends nothing again.
    await runner.stop();
    expect(reached(await readCheckpoint(db, 'paced_sink'), third.position)).toBe(true);
    const again = track(await startSinkProjector(deps, sink, { tail, leaseRetryMs: 50 }));
    await expect.poll(() => again.active, { timeout: 10_000 }).toBe(true);
    const fourth = await deps.store.append('thing-4', [testEvent()], 'any');
    expect(await again.waitFor(fourth.position, 20_000)).toBe(true);
    expect(delivered).toHaveLength(4);
    await again.stop();
    await tail.stop();
  });

  it('writes rows and checkpoint in one transaction: a failure after the rows are written commits neither', async () => {
    const db = await database();
    const deps = projectorDeps(db);
    const projection = streamCountsProjection({ failAfterWrite: () => true });
    await ensureRegistered(db, { kind: 'read_model', projection });
    await deps.store.append('thing-1', [testEvent(), testEvent()], 'any');
    const events = await visibleLog(deps.store, 2);
    const target = { database: db, generation: 1, previous: null, guard: 'serving' as const };
    await expect(commitReadModelBatch(projection, target, events, events.at(-1)!.position)).rejects.toThrow(
      /injected failure/,
    );
    expect(await countsInSchema(db, 'rm_stream_counts_g1')).toEqual({});
    expect(await readCheckpoint(db, 'stream_counts')).toBeNull();
  });

  it('refuses a stale writer: the checkpoint compare-and-set fails instead of applying twice', async () => {
    const db = await database();
    const deps = projectorDeps(db);
    const projection = streamCountsProjection();
    await ensureRegistered(db, { kind: 'read_model', projection });
    await deps.store.append('thing-1', [testEvent()], 'any');
    const events = await visibleLog(deps.store, 1);
    const end = events.at(-1)!.position;
    const target = { database: db, generation: 1, previous: null, guard: 'serving' as const };
    await commitReadModelBatch(projection, target, events, end);
    await expect(commitReadModelBatch(projection, target, events, end)).rejects.toThrow(
      /moved by another writer/,
    );
    expect(await countsInSchema(db, 'rm_stream_counts_g1')).toEqual({ 'thing-1': 1 });
  });

  it('stops on a poison event naming it; skip appends ProjectionEventSkipped and lets it continue', async () => {
    const db = await database();
    const deps = projectorDeps(db);
    const projection = streamCountsProjection({ filter: things });
    await appendSpread(deps.store, 'thing', 3, 30);
    const poison = await deps.store.append(
      'thing-poison',
      [testEvent('ThingBroke', { poison: true })],
      'any',
    );
    const after = await appendSpread(deps.store, 'thing', 3, 30);
    const runner = track(
      await startReadModelProjector(deps, projection, { batchSize: 25, leaseRetryMs: 50, pausedPollMs: 50 }),
    );
    await expect.poll(() => runner.failure, { timeout: 20_000 }).not.toBeNull();
    const [poisonEvent] = await deps.store.readStream('thing-poison');
    const token = `${poison.position.commit}:${poison.position.prepare}`;
    for (const part of [
      poisonEvent!.id,
      'ThingBroke',
      'thing-poison',
      'revision 0',
      token,
      'qm projection skip',
    ]) {
      expect(runner.failure).toContain(part);
    }
    const registration = await readRegistration(db, 'stream_counts');
    expect(registration?.status).toBe('failed');
    expect(registration?.lastError).toBe(runner.failure);
    // Everything before the poison event is applied, nothing after it.
    expect(reached(await readCheckpoint(db, 'stream_counts'), poison.position)).toBe(false);
    expect(await runner.waitFor(after, 300)).toBe(false);
    const status = await projectionStatus(deps);
    expect(status.projectors[0]).toMatchObject({ name: 'stream_counts', status: 'failed' });
    // The event it stopped on, in fields (the dashboard's System page offers to skip it).
    expect(status.projectors[0]!.stoppedOn).toEqual({
      eventId: poisonEvent!.id,
      type: 'ThingBroke',
      stream: 'thing-poison',
      revision: 0,
      position: token,
    });
    expect(status.projectors[0]!.lagEvents).toBeGreaterThan(0);
    // A failed projector keeps its lease (it waits for the skip), so it still shows who runs it.
    expect(status.projectors[0]!.activeInstance).toEqual(expect.any(String));

    await skipProjectionEvent(deps, {
      projection: 'stream_counts',
      position: poison.position,
      reason: 'test: known bad event',
      actor: { id: 'ops-1', role: 'admin' },
      now: new Date().toISOString(),
    });
    expect(await runner.waitFor(after, 20_000)).toBe(true);
    expect(runner.failure).toBeNull();
    expect((await projectionStatus(deps)).projectors[0]!.stoppedOn).toBeNull();
    expect(await listSkips(db, 10)).toEqual([
      {
        projection: 'stream_counts',
        position: token,
        eventId: poisonEvent!.id,
        reason: 'test: known bad event',
        skippedAt: expect.any(String),
      },
    ]);
    expect(await countsInSchema(db, 'rm_stream_counts_g1')).toEqual(await countsFromLog(db, 'thing'));
    const [audit] = await deps.store.readStream('projection-stream_counts');
    expect(audit).toMatchObject({
      type: PROJECTION_EVENT_SKIPPED,
      data: {
        projection: 'stream_counts',
        position: token,
        eventId: poisonEvent!.id,
        eventType: 'ThingBroke',
        reason: 'test: known bad event',
      },
      metadata: { actor: { id: 'ops-1', role: 'admin' } },
    });
    await runner.stop();
    const afterStop = await projectionStatus(deps);
    expect(afterStop.projectors[0]!.activeInstance).toBeNull();
  });

  it('does not apply with changed code: a version change asks for qm replay', async () => {
    const db = await database();
    const deps = projectorDeps(db);
    await ensureRegistered(db, { kind: 'read_model', projection: streamCountsProjection({ version: 1 }) });
    const position = (await deps.store.append('thing-1', [testEvent()], 'any')).position;
    const runner = track(
      await startReadModelProjector(deps, streamCountsProjection({ version: 2 }), { leaseRetryMs: 50 }),
    );
    await expect.poll(() => runner.failure, { timeout: 20_000 }).toMatch(/qm replay stream_counts/);
    expect(await runner.waitFor(position, 200)).toBe(false);
    expect(await countsInSchema(db, 'rm_stream_counts_g1')).toEqual({});
  });

  it('rebuilds a read model whose code changed by itself when given a rebuild, then follows the log', async () => {
    const db = await database();
    const deps = projectorDeps(db);
    await ensureRegistered(db, { kind: 'read_model', projection: streamCountsProjection({ version: 1 }) });
    await deps.store.append('thing-1', [testEvent()], 'any');
    const rebuilt: number[] = [];
    const runner = track(
      await startReadModelProjector(deps, streamCountsProjection({ version: 2 }), {
        leaseRetryMs: 50,
        rebuild: async (projection) => {
          rebuilt.push(projection.version);
          await replayProjection(deps, { kind: 'read_model', projection });
        },
      }),
    );
    const later = (await deps.store.append('thing-2', [testEvent()], 'any')).position;
    expect(await runner.waitFor(later, 20_000)).toBe(true);
    expect(rebuilt).toEqual([2]);
    expect(runner.failure).toBeNull();
    expect(await readRegistration(db, 'stream_counts')).toMatchObject({ version: 2, activeGeneration: 2 });
    expect(await countsInSchema(db, 'rm_stream_counts_g2')).toEqual({ 'thing-1': 1, 'thing-2': 1 });
  });
});

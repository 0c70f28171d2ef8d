import { describe, expect, it } from 'vitest';
import { stockDecider } from '../../domain/inventory/index.ts';
import { stockStream } from '../../domain/streams.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { loadAggregate } from './load-aggregate.ts';
import { noStateCache } from './state-cache.ts';
import { createUpcasterRegistry, noUpcasters } from './upcasters.ts';

const stored = (
  type: string,
  data: RecordedEvent['data'],
  schemaVersion: number,
  revision = 0,
): RecordedEvent => ({
  id: `00000000-0000-7000-8000-00000000000${revision}`,
  type,
  data,
  metadata: {
    actor: { id: 'a', role: 'admin' },
    correlationId: 'c',
    causationId: null,
    occurredAt: '2026-11-21T10:00:00.000Z',
    schemaVersion,
  },
  stream: stockStream('S1', 'berlin'),
  revision,
  position: { commit: 1n, prepare: BigInt(revision + 1) },
  recordedAt: '2026-11-21T10:00:00.000Z',
});

/**
 * A made-up version 0 of StockReceived that said `qty` and `warehouse` (today: `quantity`,
 * `location`), and a version 0 "GoodsArrived" renamed to StockReceived on its way up.
 */
const registry = createUpcasterRegistry([
  {
    type: 'StockReceived',
    fromVersion: 0,
    upcast: ({ qty, warehouse, ...rest }) => ({ data: { ...rest, quantity: qty!, location: warehouse! } }),
  },
  { type: 'GoodsArrived', fromVersion: -1, upcast: (data) => ({ type: 'StockReceived', data }) },
]);

describe('upcasters', () => {
  it('brings an old event to the current version and leaves current ones alone', () => {
    const old = stored('StockReceived', { sku: 'S1', warehouse: 'berlin', qty: 5, reference: null }, 0);
    const up = registry.upcast(old);
    expect(up).toMatchObject({
      type: 'StockReceived',
      data: { sku: 'S1', location: 'berlin', quantity: 5, reference: null },
      metadata: { schemaVersion: 1, actor: { id: 'a' } },
    });
    const current = stored(
      'StockReceived',
      { sku: 'S1', location: 'berlin', quantity: 5, reference: null },
      1,
    );
    expect(registry.upcast(current)).toBe(current);
    expect(noUpcasters.upcast(old)).toBe(old);
  });

  it('chains steps, renaming on the way', () => {
    const older = stored('GoodsArrived', { sku: 'S1', warehouse: 'berlin', qty: 2, reference: null }, -1);
    expect(registry.upcast(older)).toMatchObject({
      type: 'StockReceived',
      data: { quantity: 2, location: 'berlin' },
      metadata: { schemaVersion: 1 },
    });
  });

  it('refuses two upcasters for one step', () => {
    const step = { type: 'X', fromVersion: 1, upcast: (data: RecordedEvent['data']) => ({ data }) };
    expect(() => createUpcasterRegistry([step, step])).toThrow(/Two upcasters for X version 1/);
  });

  it('is applied when a command loads its stream', async () => {
    const history = [
      stored('StockReceived', { sku: 'S1', warehouse: 'berlin', qty: 5, reference: null }, 0, 0),
      stored('StockReceived', { sku: 'S1', location: 'berlin', quantity: 3, reference: null }, 1, 1),
    ];
    // Only readStream is used by loadAggregate: a store holding these two events.
    const store = {
      readStream: (_stream: string, options: { fromRevision?: number } = {}) =>
        Promise.resolve(history.filter((e) => e.revision >= (options.fromRevision ?? 0))),
    } as unknown as Parameters<typeof loadAggregate>[0];
    const stream = stockStream('S1', 'berlin');
    const loaded = await loadAggregate(store, stockDecider, stream, noStateCache, false, registry);
    expect(loaded).toMatchObject({ revision: 1, state: { onHand: 8 } });
  });
});

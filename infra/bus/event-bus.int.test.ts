import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { EventBus } from './event-bus.ts';
import { busUnderTest, type BusUnderTest } from '../../test-support/bus-under-test.ts';
import { testEvent } from './testing/test-events.ts';
import { waitUntil } from '../../test-support/wait-until.ts';

describe.each(['nats', 'in-process'] as const)('event bus on %s', (kind) => {
  let env: BusUnderTest;
  afterEach(() => env.dispose());

  function collector(
    bus: EventBus,
    durable: string,
    extra: Partial<Parameters<EventBus['consume']>[0]> = {},
  ) {
    const seen: RecordedEvent[] = [];
    const running = bus.consume({
      durable,
      handle: async (event) => void seen.push(event),
      ...extra,
    });
    return { seen, running };
  }

  it('delivers every event once, in order, as recorded, even when published twice', async () => {
    env = busUnderTest(kind);
    const bus = await env.open();
    const events = [
      testEvent('order-1', 'OrderPlaced', { orderId: '1' }),
      testEvent('stock-A@b', 'StockReceived'),
    ];
    await bus.publish(events);
    await bus.publish(events); // the publisher after a crash: the same ids again
    const { seen, running } = collector(bus, 'all');
    await waitUntil('two events', () => seen.length >= 2);
    await bus.publish([testEvent('order-2', 'OrderDelivered')]);
    await waitUntil('three events', () => seen.length >= 3);
    expect(seen.slice(0, 2)).toEqual(events);
    expect(seen.map((e) => e.type)).toEqual(['OrderPlaced', 'StockReceived', 'OrderDelivered']);
    await (await running).stop();
  });

  it('resumes a durable consumer where it acknowledged, and starts a new one from the beginning', async () => {
    env = busUnderTest(kind);
    const bus = await env.open();
    await bus.publish([testEvent('order-1', 'OrderPlaced'), testEvent('order-1', 'PaymentFailed')]);
    const first = collector(bus, 'resumer');
    await waitUntil('first two', () => first.seen.length === 2);
    await (await first.running).stop();

    await bus.publish([testEvent('order-1', 'OrderCancelled')]);
    const again = await env.open(); // a restarted process
    const second = collector(again, 'resumer');
    const fresh = collector(again, 'newcomer');
    await waitUntil('the third', () => second.seen.length === 1 && fresh.seen.length === 3);
    expect(second.seen.map((e) => e.type)).toEqual(['OrderCancelled']);
    expect(fresh.seen.map((e) => e.type)).toEqual(['OrderPlaced', 'PaymentFailed', 'OrderCancelled']);
    await (await second.running).stop();
    await (await fresh.running).stop();
  });

  it('filters by subject and starts from a sequence or only new events when asked', async () => {
    env = busUnderTest(kind);
    const bus = await env.open();
    const p = env.subjectPrefix;
    await bus.publish([testEvent('order-1', 'OrderPlaced'), testEvent('stock-A@b', 'StockReceived')]);
    const orders = collector(bus, 'orders', { subjects: [`${p}.order.>`] });
    const both = collector(bus, 'both', { subjects: [`${p}.order.OrderPlaced`, `${p}.stock.*`] });
    const fromSecond = collector(bus, 'from-2', { deliverFrom: { sequence: 2 } });
    const onlyNew = collector(bus, 'new', { deliverFrom: 'new' });
    await Promise.all([orders.running, both.running, fromSecond.running, onlyNew.running]);
    await bus.publish([testEvent('order-2', 'OrderDelivered')]);
    await waitUntil(
      'deliveries',
      () =>
        orders.seen.length === 2 &&
        both.seen.length === 2 &&
        fromSecond.seen.length === 2 &&
        onlyNew.seen.length === 1,
    );
    expect(orders.seen.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderDelivered']);
    expect(both.seen.map((e) => e.type)).toEqual(['OrderPlaced', 'StockReceived']);
    expect(fromSecond.seen.map((e) => e.type)).toEqual(['StockReceived', 'OrderDelivered']);
    expect(onlyNew.seen.map((e) => e.type)).toEqual(['OrderDelivered']);
    for (const c of [orders, both, fromSecond, onlyNew]) await (await c.running).stop();
  });

  it('redelivers a failed event with backoff, and parks it after the last delivery', async () => {
    env = busUnderTest(kind);
    const bus = await env.open();
    const flaky = testEvent('order-1', 'OrderPlaced');
    const poison = testEvent('order-2', 'OrderPlaced');
    const after = testEvent('order-3', 'OrderPlaced');
    await bus.publish([flaky, poison, after]);
    const attempts = new Map<string, number>();
    const handled: string[] = [];
    const parked: string[] = [];
    const running = await bus.consume({
      durable: 'flaky',
      backoffMs: [10, 20],
      maxDeliver: 3,
      handle: async (event) => {
        const n = (attempts.get(event.id) ?? 0) + 1;
        attempts.set(event.id, n);
        if (event.id === poison.id || (event.id === flaky.id && n < 2)) throw new Error('boom');
        handled.push(event.id);
      },
      onGiveUp: async (event) => void parked.push(event.id),
    });
    await waitUntil('flaky handled and poison parked', () => handled.length === 2 && parked.length === 1);
    expect(new Set(handled)).toEqual(new Set([flaky.id, after.id]));
    expect(parked).toEqual([poison.id]);
    expect(attempts.get(poison.id)).toBe(3);
    expect(attempts.get(flaky.id)).toBe(2);
    await running.stop();
  });

  it('hands handleBatch the events at hand in order, and one by one to handle when a batch throws', async () => {
    env = busUnderTest(kind);
    const bus = await env.open();
    const events = Array.from({ length: 12 }, (_, i) => testEvent(`order-${i}`, 'OrderPlaced'));
    const poison = events[7]!;
    await bus.publish(events);
    const batches: string[][] = [];
    const handled: string[] = [];
    const parked: string[] = [];
    const running = await bus.consume({
      durable: 'batches',
      maxBatch: 5,
      backoffMs: [10],
      maxDeliver: 2,
      handle: async (event) => {
        if (event.id === poison.id) throw new Error('boom');
        handled.push(event.id);
      },
      handleBatch: async (batch) => {
        batches.push(batch.map((event) => event.id));
        if (batch.some((event) => event.id === poison.id)) throw new Error('boom in a batch');
        handled.push(...batch.map((event) => event.id));
      },
      onGiveUp: async (event) => void parked.push(event.id),
    });
    await waitUntil('all handled or parked', () => handled.length === 11 && parked.length === 1);
    // Every event once, in order, the poison parked alone after its own retries.
    expect(handled).toEqual(events.filter((event) => event !== poison).map((event) => event.id));
    expect(parked).toEqual([poison.id]);
    expect(batches.some((batch) => batch.length > 1)).toBe(true);
    expect(batches.every((batch) => batch.length <= 5)).toBe(true);
    expect(batches.flat().filter((id) => id === poison.id)).toHaveLength(1);
    await running.stop();
  });
});

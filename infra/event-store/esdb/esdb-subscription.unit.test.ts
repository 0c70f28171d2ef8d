import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../ports/event-store.ts';
import { esdbSubscription, type SubscriptionSource } from './esdb-subscription.ts';
import { planFilter } from './filters.ts';
import type { EsdbRecord } from './to-recorded-event.ts';

/**
 * Stands in for the client's subscription object (a Readable of resolved events that never ends
 * by itself), so that only our wrapping is under test: checkpoint skipping, filtering, stopping.
 */
function source() {
  const stream = new PassThrough({ objectMode: true });
  let unsubscribed = 0;
  const subscription: SubscriptionSource = Object.assign(stream, {
    unsubscribe: async () => {
      unsubscribed++;
    },
  });
  return {
    subscription,
    push: (...records: EsdbRecord[]) => records.forEach((event) => stream.write({ event })),
    unsubscribed: () => unsubscribed,
    destroyed: () => stream.destroyed,
  };
}

const record = (n: number, streamId = 'order-1', type = 'OrderPlaced'): EsdbRecord => ({
  streamId,
  id: `0192f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
  type,
  revision: BigInt(n),
  created: new Date('2026-11-21T10:00:00.000Z'),
  isJson: true,
  data: { n },
  metadata: {
    actor: { id: 'a', role: 'system' },
    correlationId: 'c',
    causationId: null,
    occurredAt: '2026-11-21T10:00:00.000Z',
    schemaVersion: 1,
  },
  position: { commit: BigInt(n * 100), prepare: BigInt(n * 100) },
});

const everything = planFilter().accepts;

async function collect(iterable: AsyncIterable<RecordedEvent>, count: number): Promise<number[]> {
  const seen: number[] = [];
  for await (const event of iterable) {
    seen.push(event.data.n as number);
    if (seen.length === count) break;
  }
  return seen;
}

describe('esdbSubscription', () => {
  it('skips events up to the exclusive checkpoint', async () => {
    const { subscription, push } = source();
    push(record(3), record(4), record(5), record(6));
    const subscribed = esdbSubscription(subscription, { after: record(4).position!, accepts: everything });
    expect(await collect(subscribed, 2)).toEqual([5, 6]);
  });

  it('drops what the client-side filter refuses, system events included', async () => {
    const { subscription, push } = source();
    push(
      record(1, 'order-1', 'Dropped'),
      record(2, '$projections-x-result', 'Result'),
      record(3, 'order-1', 'Kept'),
    );
    const accepts = planFilter({ categories: ['order'], eventTypes: ['Kept'] }).accepts;
    expect(await collect(esdbSubscription(subscription, { after: null, accepts }), 1)).toEqual([3]);
  });

  it('converts events to ours', async () => {
    const { subscription, push } = source();
    push(record(7));
    const [event] = await (async () => {
      for await (const e of esdbSubscription(subscription, { after: null, accepts: everything })) return [e];
      return [];
    })();
    expect(event).toMatchObject({
      stream: 'order-1',
      revision: 7,
      position: { commit: 700n, prepare: 700n },
    });
  });

  it('resolves a pending next() as done on stop, and unsubscribes once', async () => {
    const { subscription, unsubscribed, destroyed } = source();
    const subscribed = esdbSubscription(subscription, { after: null, accepts: everything });
    const iterator = subscribed[Symbol.asyncIterator]();
    const pending = iterator.next();
    await subscribed.stop();
    await subscribed.stop();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(unsubscribed()).toBe(1);
    expect(destroyed()).toBe(true);
  });

  it('ends the iteration when the abort signal fires', async () => {
    const { subscription, push, unsubscribed } = source();
    const controller = new AbortController();
    const subscribed = esdbSubscription(subscription, {
      after: null,
      accepts: everything,
      signal: controller.signal,
    });
    const seen: number[] = [];
    const iterating = (async () => {
      for await (const event of subscribed) seen.push(event.data.n as number);
    })();
    push(record(1), record(2));
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await iterating;
    expect(seen).toEqual([1, 2]);
    expect(unsubscribed()).toBe(1);
  });

  it('does not start on an already aborted signal', async () => {
    const { subscription, push } = source();
    push(record(1));
    let stops = 0;
    const subscribed = esdbSubscription(subscription, {
      after: null,
      accepts: everything,
      signal: AbortSignal.abort(),
      onStop: () => stops++,
    });
    expect(await collect(subscribed, 1)).toEqual([]);
    await subscribed.stop();
    expect(stops).toBe(1);
  });

  it('unsubscribes when the caller leaves its loop', async () => {
    const { subscription, push, unsubscribed } = source();
    push(record(1), record(2));
    expect(await collect(esdbSubscription(subscription, { after: null, accepts: everything }), 1)).toEqual([
      1,
    ]);
    expect(unsubscribed()).toBe(1);
  });

  it('passes a dropped subscription on as an error, after unsubscribing', async () => {
    const { subscription, unsubscribed } = source();
    const subscribed = esdbSubscription(subscription, { after: null, accepts: everything });
    const failing = collect(subscribed, 1);
    (subscription as unknown as PassThrough).destroy(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    expect(unsubscribed()).toBe(1);
  });
});

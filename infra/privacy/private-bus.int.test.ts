import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { SqlClient } from '../sql/sql-client.ts';
import { busUnderTest, type BusUnderTest } from '../../test-support/bus-under-test.ts';
import { migratedPglite } from '../../test-support/databases.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { testEvent } from '../bus/testing/test-events.ts';
import { createEventPrivacy } from './event-privacy.ts';
import { privateBus } from './private-bus.ts';
import { createSqlPersonalDataKeys } from './sql-personal-data-keys.ts';

const address = {
  name: 'Ottilie Brandwein',
  line1: 'Gartenweg 9',
  line2: null,
  city: 'Lübeck',
  postalCode: '23552',
  region: null,
  country: 'DE',
};

describe.each(['in-process', 'nats'] as const)('the private bus on %s', (kind) => {
  let db: { client: SqlClient; dispose: () => Promise<void> };
  let env: BusUnderTest;
  beforeAll(async () => {
    db = await migratedPglite();
    env = busUnderTest(kind);
  });
  afterAll(async () => {
    await env?.dispose();
    await db?.dispose();
  });

  it('carries personal fields sealed, and opens them for `handle` and for delivery batches alike', async () => {
    const privacy = createEventPrivacy(createSqlPersonalDataKeys(db.client));
    const inner = await env.open();
    const bus = privateBus(inner, privacy);
    const events = Array.from({ length: 6 }, (_, i) =>
      testEvent(`order-o${i}`, 'OrderPlaced', {
        orderId: `o${i}`,
        customerId: `c${i % 2}`,
        currency: 'EUR',
        lines: [],
        shippingAddress: address,
      }),
    );
    await bus.publish(events);

    const wire: RecordedEvent[] = [];
    const onWire = await inner.consume({ durable: 'wire', handle: async (event) => void wire.push(event) });
    const seen: { via: 'handle' | 'batch'; event: RecordedEvent }[] = [];
    const running = await bus.consume({
      durable: 'opened',
      handle: async (event) => void seen.push({ via: 'handle', event }),
      handleBatch: async (batch) =>
        void seen.push(...batch.map((event) => ({ via: 'batch' as const, event }))),
    });
    await waitUntil('every event, both ways', () => seen.length === 6 && wire.length === 6);
    await running.stop();
    await onWire.stop();

    expect(JSON.stringify(wire.map((event) => event.data))).not.toContain('Gartenweg');
    // Published before the consumer started, they come as a batch: opened all the same.
    expect(seen.some(({ via }) => via === 'batch')).toBe(true);
    expect(seen.map(({ event }) => event.data.shippingAddress)).toEqual(events.map(() => address));
  });
});

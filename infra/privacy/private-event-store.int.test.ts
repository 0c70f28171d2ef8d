import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../ports/event-store.ts';
import { createSqlEventStore } from '../event-store/sql/sql-event-store.ts';
import type { SqlClient } from '../sql/sql-client.ts';
import { migratedPglite, migratedPostgres } from '../../test-support/databases.ts';
import { encryptExistingEvents } from './encrypt-existing.ts';
import { createEventPrivacy } from './event-privacy.ts';
import { privateEventStore } from './private-event-store.ts';
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
const placed = (orderId: string, customerId: string): NewEvent => ({
  id: crypto.randomUUID(),
  type: 'OrderPlaced',
  data: { orderId, customerId, currency: 'EUR', lines: [], shippingAddress: address },
  metadata: {
    actor: { id: customerId, role: 'customer' },
    correlationId: 'c',
    causationId: null,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
  },
});
const plainText = (value: unknown) =>
  ['Ottilie', 'Gartenweg', 'Lübeck', '23552'].filter((s) => JSON.stringify(value).includes(s));

const backends = [
  { name: 'PGlite', open: () => migratedPglite() },
  { name: 'PostgreSQL', open: () => migratedPostgres(4) },
];

for (const backend of backends) {
  describe(`crypto-shredding on ${backend.name}`, () => {
    let opened: { client: SqlClient; dispose: () => Promise<void> };
    beforeAll(async () => {
      opened = await backend.open();
    });
    afterAll(() => opened.dispose());

    it('stores sealed fields, reads them opened, and reads them erased once the key is gone', async () => {
      const raw = createSqlEventStore(opened.client);
      const keys = createSqlPersonalDataKeys(opened.client);
      const store = privateEventStore(raw, createEventPrivacy(keys));
      await store.append('order-o1', [placed('o1', 'c1')], 'no_stream');
      await store.append('order-o2', [placed('o2', 'c2')], 'no_stream');

      const stored = await opened.client.query<{ data: unknown }>('select data from qm_events');
      expect(plainText(stored)).toEqual([]);
      expect((await store.readStream('order-o1'))[0]!.data.shippingAddress).toEqual(address);

      await keys.erase('c1');
      const [erased] = await store.readStream('order-o1');
      expect(erased!.data.shippingAddress).toEqual({
        ...address,
        name: '[erased]',
        line1: '[erased]',
        city: '[erased]',
        postalCode: '[erased]',
      });
      // The other customer's data is untouched; the global log reads the same way.
      const all = await store.readAll();
      expect(all.map((event) => (event.data.shippingAddress as { name: string }).name)).toEqual([
        '[erased]',
        'Ottilie Brandwein',
      ]);
      // An erased subject gets no fresh key.
      await store.append('order-o3', [placed('o3', 'c1')], 'no_stream');
      expect(((await store.readStream('order-o3'))[0]!.data.shippingAddress as { name: string }).name).toBe(
        '[erased]',
      );
    });

    it('seals a bought label’s URL with the customer’s key: it prints the recipient’s address', async () => {
      const raw = createSqlEventStore(opened.client);
      const keys = createSqlPersonalDataKeys(opened.client);
      const store = privateEventStore(raw, createEventPrivacy(keys));
      const labelUrl = 'https://labels.example/secret-label-path-9.pdf';
      const label = (orderId: string, customerId?: string): NewEvent => ({
        ...placed(orderId, customerId ?? 'nobody'),
        type: 'ShipmentLabelBought',
        data: {
          orderId,
          ...(customerId ? { customerId } : {}),
          shipmentId: 's1',
          provider: 'easypost',
          providerShipmentId: 'shp_1',
          carrier: 'USPS',
          service: 'Ground',
          trackingNumber: 'T-1',
          labelUrl,
          cost: { amount: 500, currency: 'USD' },
        },
      });
      await store.append('order-l1', [label('l1', 'c-label')], 'no_stream');
      const stored = await opened.client.query<{ data: unknown }>(
        'select data from qm_events where stream = $1',
        ['order-l1'],
      );
      expect(JSON.stringify(stored)).not.toContain('secret-label-path');
      expect((await store.readStream('order-l1'))[0]!.data.labelUrl).toBe(labelUrl);
      await keys.erase('c-label');
      expect((await store.readStream('order-l1'))[0]!.data.labelUrl).toBe('[erased]');
      // A label recorded before it was sealed names no subject: it stays as it was.
      await store.append('order-l2', [label('l2')], 'no_stream');
      expect((await store.readStream('order-l2'))[0]!.data.labelUrl).toBe(labelUrl);
    });

    it('encrypts events written in plain text before, resumably and only once', async () => {
      const raw = createSqlEventStore(opened.client);
      const privacy = createEventPrivacy(createSqlPersonalDataKeys(opened.client));
      await raw.append('order-legacy', [placed('legacy', 'c9')], 'no_stream');
      expect(plainText((await raw.readStream('order-legacy')).map((event) => event.data))).not.toEqual([]);

      const first = await encryptExistingEvents(opened.client, privacy, { batchSize: 1 });
      expect(first.fields).toBeGreaterThanOrEqual(4);
      expect(plainText((await raw.readStream('order-legacy')).map((event) => event.data))).toEqual([]);
      const opened2 = await privateEventStore(raw, privacy).readStream('order-legacy');
      expect(opened2[0]!.data.shippingAddress).toEqual(address);

      const again = await encryptExistingEvents(opened.client, privacy);
      expect(again.done).toBe(0);
      expect(again.fields).toBe(first.fields);
    });

    it('wakes its readers at an append, and at once for one announced since their last look', async () => {
      const store = privateEventStore(
        createSqlEventStore(opened.client, { idlePollIntervalMs: 600_000, quickPollWindowMs: 0 }),
        createEventPrivacy(createSqlPersonalDataKeys(opened.client)),
      );
      const never = new AbortController().signal;
      // Idle polls of ten minutes: only the append itself can end these waits within the test.
      const waiting = store.waitForAppend!(600_000, never);
      await store.append('order-w1', [placed('w1', 'c9')], 'no_stream');
      await waiting;
      const seen = store.appendSequence!();
      await store.append('order-w2', [placed('w2', 'c9')], 'no_stream');
      await store.waitForAppend!(600_000, never, seen);
    });
  });
}

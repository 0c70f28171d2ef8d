import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productEventTypes } from '../../domain/catalog/events.ts';
import { inventoryEventTypes } from '../../domain/inventory/events.ts';
import { locationEventTypes } from '../../domain/locations/events.ts';
import { orderEventTypes } from '../../domain/orders/events.ts';
import { auditProjection } from '../audit/projection.ts';
import { catalogProjection } from '../catalog/projection.ts';
import { inventoryProjection } from '../inventory/projection.ts';
import { ordersProjection } from '../orders/projection.ts';
import type { ReadModelProjection } from '../runtime/projection.ts';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { playSteps, type Step } from './random-shop.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';

/** Every table of every read model, with a key that orders its rows. */
const models: [ReadModelProjection<unknown>, [string, string[]][]][] = [
  [
    catalogProjection() as ReadModelProjection<unknown>,
    [
      ['products', ['product_id']],
      ['price_history', ['product_id', 'revision']],
      ['availability', ['sku', 'location']],
      ['locations', ['location_id']],
    ],
  ],
  [inventoryProjection() as ReadModelProjection<unknown>, [['stock_levels', ['sku', 'location']]]],
  [
    ordersProjection() as ReadModelProjection<unknown>,
    [
      ['orders', ['order_id']],
      ['order_lines', ['order_id', 'line_id']],
      ['order_backorders', ['order_id', 'sku', 'location']],
      ['order_payments', ['event_id']],
      ['order_refunds', ['order_id', 'refund_id']],
      ['order_shipments', ['order_id', 'shipment_id']],
      ['order_timeline', ['event_id']],
    ],
  ],
  [
    auditProjection() as ReadModelProjection<unknown>,
    [
      ['audit_entries', ['event_id']],
      ['audit_entity_state', ['stream']],
    ],
  ],
];

const step = fc.record({ op: fc.nat(40), a: fc.nat(20), b: fc.nat(20), c: fc.nat(40) });
const steps = fc.array(step, { minLength: 10, maxLength: 120 });

describe('random shop histories', () => {
  it('exercise every event type the read models handle', () => {
    const all = fc.sample(steps, { numRuns: 40, seed: 7 }).flatMap((s: Step[]) => playSteps(s));
    const seen = new Set(all.map((e) => e.type));
    // Not drawn here yet: an exchange needs a delivered order and a resolved claim a captured one,
    // which these short histories seldom reach. The mixed workload behind rebuild-equals-live
    // resolves claims; exchanges are checked through HTTP (write-api/after-sale-stripe.int.test.ts).
    const notDrawn = new Set(['LineExchanged', 'ExchangeChargeCaptured', 'ClaimResolved']);
    for (const type of [
      ...productEventTypes,
      ...inventoryEventTypes,
      ...locationEventTypes,
      ...orderEventTypes.filter((type) => !notDrawn.has(type)),
    ]) {
      expect(seen, type).toContain(type);
    }
  });
});

describe.each([
  ['pglite', 12],
  ['postgres', 6],
] as const)('batching on %s', (backend, numRuns) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  it.each(models.map(([p, tables]) => [p.name, p, tables] as const))(
    '%s: one batch, one event at a time and random batches give the same rows',
    async (_name, projection, tables) => {
      await fc.assert(
        fc.asyncProperty(steps, fc.integer({ min: 2, max: 17 }), async (history, size) => {
          const events = playSteps(history);
          const results = [];
          for (const batchSize of [undefined, 1, size]) {
            const spec = await database.spec(projection);
            await spec.given(events, batchSize === undefined ? {} : { batchSize });
            const rows: Record<string, unknown> = {};
            for (const [table, order] of tables) rows[table] = await spec.rows(table, order);
            results.push(rows);
          }
          expect(results[1]).toEqual(results[0]);
          expect(results[2]).toEqual(results[0]);
        }),
        { numRuns: propertyRuns(numRuns) },
      );
    },
  );
});

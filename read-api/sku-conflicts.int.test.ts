import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimLegacySkus } from '../commands/catalog/claim-legacy-skus.ts';
import { toNewEvents } from '../commands/runtime/to-new-events.ts';
import type { ProductCreated } from '../domain/catalog/index.ts';
import { SkuAlreadyUsed } from '../domain/sku-claims/index.ts';
import { uuidV7Ids } from '../infra/ids/uuid-v7-ids.ts';
import { createLogger } from '../infra/logging/logger.ts';
import { commandRuntime } from '../ops/compose/command-runtime.ts';
import { catalogProjection } from '../projections/catalog/projection.ts';
import { replayProjection } from '../projections/runtime/replay.ts';
import { readApiHarness, type ReadApiHarness } from '../test-support/read-api-harness.ts';

type Json = Record<string, unknown> & { items?: Record<string, unknown>[] };
const staff = { role: 'staff', subject: 'staff-1' } as const;

const legacyProduct = (productId: string, sku: string): ProductCreated => ({
  type: 'ProductCreated',
  data: {
    productId,
    sku,
    price: { amount: 500, currency: 'EUR' },
    name: `Legacy ${productId}`,
    description: '',
    brand: 'Acme',
    category: 'legacy',
    attributes: {},
    allowBackorder: false,
  },
});

/**
 * A store written before SKUs were claimed on the write side, holding two products with one SKU
 * (appended here straight to the store, as the old write side did): the catalog projector and its
 * rebuild go on, the read API shows the later product flagged and staff find it in their list.
 */
describe.each(['pglite', 'postgres'] as const)(
  'two products with one SKU in an old store, on %s',
  (backend) => {
    let h: ReadApiHarness;
    const json = async (response: Response) => (await response.json()) as Json;

    beforeAll(async () => {
      h = await readApiHarness(backend, 'memory');
      await h.handlers.createLocation('berlin', 'Berlin', h.context());
      for (const [productId, sku] of [
        ['old-1', 'LEGACY-1'],
        ['old-2', 'LEGACY-1'],
        ['old-3', 'LEGACY-3'],
      ] as const) {
        await h.store.append(
          `product-${productId}`,
          toNewEvents([legacyProduct(productId, sku)], h.context(), uuidV7Ids),
          'no_stream',
        );
      }
      const received = await h.handlers.receiveStock(
        { sku: 'LEGACY-1', location: 'berlin', quantity: 4, reference: null },
        h.context(),
      );
      await h.settle(received.position);
    });
    afterAll(() => h.close());

    const expectFlagged = async () => {
      const later = await json(await h.get('/products/old-2'));
      expect(later).toMatchObject({ skuConflict: true, sku: 'LEGACY-1', stock: { onHand: 4 } });
      expect(await json(await h.get('/products/old-1'))).toMatchObject({
        skuConflict: false,
        stock: { onHand: 4 },
      });
      const listed = (await json(await h.get('/products?category=legacy&limit=100'))).items!.map(
        (p) => p.productId,
      );
      expect(listed.sort()).toEqual(['old-1', 'old-3']);
      const conflicts = await h.get('/staff/sku-conflicts', { as: staff });
      expect(conflicts.status).toBe(200);
      expect((await json(conflicts)).items).toEqual([
        expect.objectContaining({ sku: 'LEGACY-1', heldBy: 'old-1', productId: 'old-2', status: 'active' }),
      ]);
    };

    it('projects both: the later one flagged, out of listings, in the staff list', async () => {
      // `settle` above already saw the catalog pass the stock receipt that follows both creations.
      const [registration] = await h.sql.query<{ status: string }>(
        `select status from qm_projections where name = 'catalog'`,
      );
      expect(registration).toEqual({ status: 'running' });
      await expectFlagged();
      expect((await h.get('/staff/sku-conflicts', { as: { role: 'customer', subject: 'c' } })).status).toBe(
        403,
      );
    });

    it('rebuilds (qm replay catalog) to the same answer', async () => {
      const result = await replayProjection(
        { store: h.store, database: h.sql, log: createLogger('silent') },
        { kind: 'read_model', projection: catalogProjection() },
      );
      expect(result.generation).toBe(2);
      await expectFlagged();
    });

    it('claims the old SKUs for the first product on start, so no new product takes them', async () => {
      const runtime = commandRuntime(h.store);
      expect(await claimLegacySkus(runtime, h.context())).toEqual({ claimed: 2 });
      expect(await claimLegacySkus(runtime, h.context())).toEqual({ claimed: 0 });
      const refused = h.handlers.createProduct({ ...legacyProduct('new-1', 'LEGACY-1').data }, h.context());
      await expect(refused).rejects.toBeInstanceOf(SkuAlreadyUsed);
      await expect(refused).rejects.toMatchObject({ details: { sku: 'LEGACY-1', productId: 'old-1' } });
    });
  },
);

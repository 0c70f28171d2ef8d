import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { shop } from '../testing/shop.ts';
import { catalogProjection } from './projection.ts';
import { searchProducts } from './product-search.ts';
import { productDetail, skuConflicts } from './queries.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(['pglite', 'postgres'] as const)('catalog projection on %s', (backend) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  it('projects created, updated, repriced and discontinued products', async () => {
    const s = shop();
    s.createProduct('p1', 'MUG', 1200, {
      name: 'Mug',
      brand: 'Acme',
      category: 'kitchen',
      attributes: { color: 'red' },
    });
    s.updateProduct('p1', { name: 'Big mug', attributes: { color: 'blue' } });
    s.changePrice('p1', 1000, 'autumn sale');
    s.createProduct('p2', 'PLATE', 800);
    s.discontinue('p2', 'end of line');
    const spec = await database.spec(catalogProjection());
    const tags = await spec.given(s.log.events);

    const rows = await spec.rows('products', ['product_id']);
    expect(rows).toMatchObject([
      {
        product_id: 'p1',
        sku: 'MUG',
        name: 'Big mug',
        attributes: { color: 'blue' },
        status: 'active',
        price_amount: 1000,
        currency: 'EUR',
        lowest_price_30d: 1200,
        revision: 2,
        in_stock: false,
      },
      { product_id: 'p2', status: 'discontinued', discontinued_reason: 'end of line', revision: 1 },
    ]);
    expect(await spec.rows('price_history', ['product_id', 'revision'])).toMatchObject([
      { product_id: 'p1', kind: 'created', old_amount: null, new_amount: 1200, reason: null },
      {
        product_id: 'p1',
        kind: 'changed',
        old_amount: 1200,
        new_amount: 1000,
        reason: 'autumn sale',
        actor_id: 'admin-1',
      },
      { product_id: 'p2', kind: 'created', new_amount: 800 },
    ]);
    expect(tags).toEqual(expect.arrayContaining(['product:p1', 'product:p2', 'listing', 'search']));
    const detail = await spec.read((db) => productDetail(db, 'p1'));
    expect(detail).toMatchObject({
      name: 'Big mug',
      price: { amount: 1000 },
      lowestPrice30d: { amount: 1200 },
    });
    expect(detail?.priceHistory.map((h) => h.newAmount)).toEqual([1200, 1000]);
  });

  it.each([
    ['one batch', undefined],
    ['batches of one', 1],
  ])(
    'flags a later product created with a SKU another product had, instead of stopping (%s)',
    async (_, batchSize) => {
      // Only a store written before SKUs were claimed on the write side holds such a pair.
      const s = shop();
      s.createProduct('p1', 'DUP', 1200);
      s.receive('DUP', 'berlin', 5);
      s.createProduct('p2', 'DUP', 900);
      s.receive('DUP', 'berlin', 2);
      s.changePrice('p2', 800, 'clearance');
      s.createProduct('p3', 'OTHER', 500);
      const spec = await database.spec(catalogProjection());
      await spec.given(s.log.events, batchSize === undefined ? {} : { batchSize });

      expect(await spec.rows('products', ['product_id'])).toMatchObject([
        { product_id: 'p1', sku: 'DUP', sku_conflict: false, on_hand: 7 },
        { product_id: 'p2', sku: 'DUP', sku_conflict: true, on_hand: 7, price_amount: 800 },
        { product_id: 'p3', sku: 'OTHER', sku_conflict: false },
      ]);
      expect(await spec.read((db) => productDetail(db, 'p2'))).toMatchObject({ skuConflict: true });
      expect(await spec.read((db) => productDetail(db, 'p1'))).toMatchObject({ skuConflict: false });
      expect(await spec.read((db) => skuConflicts(db, 10))).toEqual([
        expect.objectContaining({ sku: 'DUP', heldBy: 'p1', productId: 'p2', status: 'active' }),
      ]);
    },
  );

  it('keeps availability per location and in total, from every stock event', async () => {
    const s = shop();
    s.createLocation('berlin', 'Berlin warehouse');
    s.receive('MUG', 'berlin', 10);
    s.createProduct('p1', 'MUG', 1200, { allowBackorder: true });
    s.receive('MUG', 'paris', 5);
    s.stock({
      type: 'AdjustStock',
      data: { sku: 'MUG', location: 'paris', delta: -1, reason: 'damage', note: null },
    });
    s.stock({
      type: 'ReserveStock',
      data: {
        sku: 'MUG',
        location: 'berlin',
        orderId: 'o1',
        quantity: 4,
        expiresAt: '2026-02-01T00:00:00.000Z',
        allowBackorder: true,
      },
    });
    s.stock({
      type: 'ReserveStock',
      data: {
        sku: 'MUG',
        location: 'paris',
        orderId: 'o2',
        quantity: 6,
        expiresAt: '2026-02-01T00:00:00.000Z',
        allowBackorder: true,
      },
    });
    s.stock({
      type: 'ShipStock',
      data: { sku: 'MUG', location: 'berlin', orderId: 'o1', shipmentId: 's1', quantity: 3 },
    });
    s.stock({
      type: 'ReleaseReservation',
      data: {
        sku: 'MUG',
        location: 'berlin',
        orderId: 'o1',
        quantity: 1,
        reason: 'cancelled',
        now: '2026-01-06T00:00:00.000Z',
      },
    });
    s.stock({
      type: 'TransferStockOut',
      data: { sku: 'MUG', location: 'berlin', transferId: 't1', quantity: 2, toLocation: 'paris' },
    });
    // The transfer in fills o2's 2 backordered units (BackorderFilled), in its own decision.
    s.stock({
      type: 'TransferStockIn',
      data: { sku: 'MUG', location: 'paris', transferId: 't1', quantity: 2, fromLocation: 'berlin' },
    });
    const types = new Set(s.log.events.map((e) => e.type));
    expect(types).toEqual(
      new Set([
        'LocationCreated',
        'StockReceived',
        'ProductCreated',
        'StockAdjusted',
        'StockReserved',
        'BackorderRecorded',
        'StockShipped',
        'StockReservationReleased',
        'StockTransferredOut',
        'StockTransferredIn',
        'BackorderFilled',
      ]),
    );
    const spec = await database.spec(catalogProjection());
    await spec.given(s.log.events, { batchSize: 3 });

    expect(await spec.rows('availability', ['sku', 'location'])).toMatchObject([
      { sku: 'MUG', location: 'berlin', on_hand: 5, reserved: 0, available: 5, backordered: 0 },
      { sku: 'MUG', location: 'paris', on_hand: 6, reserved: 6, available: 0, backordered: 0 },
    ]);
    expect(await spec.rows('products', ['product_id'])).toMatchObject([
      { product_id: 'p1', on_hand: 11, reserved: 6, available: 5, backordered: 0, in_stock: true },
    ]);
    const view = (await spec.read((db) => productDetail(db, 'p1')))!.availability;
    expect(view.locations[0]).toMatchObject({
      location: 'berlin',
      locationName: 'Berlin warehouse',
      available: 5,
    });
    expect(view.total).toEqual({ onHand: 11, reserved: 6, available: 5, backordered: 0 });
  });

  it('serves the Omnibus lowest price of the 30 days before the current price took effect', async () => {
    const s = shop();
    s.log.at('2026-01-01T00:00:00.000Z');
    s.createProduct('p1', 'TV', 50000);
    s.log.advance(10 * DAY);
    s.changePrice('p1', 45000); // Jan 11
    s.log.advance(40 * DAY);
    s.changePrice('p1', 60000); // Feb 20: 45000 applied from Jan 11 on
    s.log.advance(20 * DAY);
    s.changePrice('p1', 55000); // Mar 12: within 30 days: 45000 (until Feb 20) and 60000
    const spec = await database.spec(catalogProjection());
    // One price at a time: the product page as it was served after each change.
    const served: unknown[] = [];
    for (const event of s.log.events) {
      await spec.given([event]);
      served.push((await spec.read((db) => productDetail(db, 'p1')))?.lowestPrice30d);
    }
    expect(served).toEqual([
      null,
      { amount: 50000, currency: 'EUR' },
      { amount: 45000, currency: 'EUR' },
      { amount: 45000, currency: 'EUR' },
    ]);
    const [row] = await spec.rows('products', ['product_id']);
    expect(row).toMatchObject({ price_amount: 55000, lowest_price_30d: 45000 });
  });

  it('finds "iPhone" from the typo "iphnoe", and by full text', async () => {
    const s = shop();
    s.createProduct('p1', 'IPH15', 99900, { name: 'iPhone 15 Pro', brand: 'Apple', category: 'phones' });
    s.createProduct('p2', 'GAL24', 89900, { name: 'Galaxy S24', brand: 'Samsung', category: 'phones' });
    s.createProduct('p3', 'MUG', 1200, {
      name: 'Coffee mug',
      brand: 'Acme',
      category: 'kitchen',
      description: 'Holds coffee, not phones.',
    });
    const spec = await database.spec(catalogProjection());
    await spec.given(s.log.events);

    const search = async (query: string) =>
      (await spec.read((db) => searchProducts(db, { query, filters: {}, offset: 0, limit: 20 }))).items;
    const typo = await search('iphnoe');
    expect(typo.map((p) => p.productId)).toEqual(['p1']);
    const phones = await search('phones');
    // Category (weight B) outranks description (weight C).
    expect(
      phones
        .map((p) => p.productId)
        .slice(0, 2)
        .sort(),
    ).toEqual(['p1', 'p2']);
    expect(phones.at(-1)?.productId).toBe('p3');
  });

  it('tags a stock change with its SKU and product, and listings only when in-stock flips', async () => {
    const s = shop();
    s.createProduct('p1', 'MUG', 1200);
    s.receive('MUG', 'berlin', 2);
    const spec = await database.spec(catalogProjection());
    await spec.given(s.log.events.slice(0, 1));
    expect(await spec.given(s.log.events.slice(1))).toEqual(['stock:MUG', 'product:p1', 'listing', 'search']);
    const more = s.receive('MUG', 'berlin', 3);
    expect(await spec.given(more)).toEqual(['stock:MUG', 'product:p1']);
  });
});

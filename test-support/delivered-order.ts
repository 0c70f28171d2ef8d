import { expect } from 'vitest';
import { berlinAddress } from './addresses.ts';
import type { Caller, WriteApiHarness } from './write-api-harness.ts';

/**
 * A delivered, paid order of one line (`L1`, `quantity` units of a 20.00 EUR product) placed by
 * `customer` over the command API, paid by bank transfer (manual payments), shipped from Berlin and
 * delivered: the start of every after-sale test that needs no card payment (claims, step-up).
 */
export async function deliveredOrderOverHttp(
  h: WriteApiHarness,
  options: { orderId: string; sku: string; quantity: number; customer: Caller; admin: Caller },
): Promise<void> {
  const { orderId, sku, quantity, customer, admin } = options;
  expect((await h.post('/locations', { locationId: 'berlin', name: 'Berlin' }, admin)).status).toBe(201);
  const product = { productId: 'p1', sku, name: 'Vase', brand: 'Acme', category: 'home' };
  expect(
    (await h.post('/products', { ...product, price: { amount: 2000, currency: 'EUR' } }, admin)).status,
  ).toBe(201);
  const receipt = { sku, location: 'berlin', quantity: quantity + 1 };
  expect((await h.post('/stock/receipts', receipt, admin)).status).toBe(200);
  const placed = await h.post(
    '/orders',
    { orderId, currency: 'EUR', lines: [{ productId: 'p1', quantity }], shippingAddress: berlinAddress },
    customer,
  );
  expect(placed.status, await placed.clone().text()).toBe(201);
  const { order } = (await placed.json()) as {
    order: { totals: { total: { amount: number; currency: string } } };
  };
  const ctx = () => h.context({ id: admin.subject, role: 'admin' });
  await h.handlers.recordManualPayment({ orderId, reference: 'bank-1', amount: order.totals.total }, ctx());
  await h.handlers.shipOrder(
    {
      orderId,
      shipmentId: 's1',
      location: 'berlin',
      carrier: 'DHL',
      trackingNumber: 'T1',
      lines: [{ lineId: 'L1', quantity }],
    },
    ctx(),
  );
  await h.handlers.deliverOrder(orderId, ctx());
}

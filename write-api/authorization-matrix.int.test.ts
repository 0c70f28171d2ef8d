import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEditPreviewTag } from '../commands/orders/edit-preview-tag.ts';
import { mintToken } from '../infra/auth/mint-token.ts';
import { mailedCode } from '../test-support/mailed-code.ts';
import { roles, type Role } from '../infra/auth/actor.ts';
import { allPermissions, builtInGrants, type Permission } from '../infra/auth/grants.ts';
import { waitUntil } from '../test-support/wait-until.ts';
import { writeApiHarness, type WriteApiHarness } from '../test-support/write-api-harness.ts';
import { definition } from '../domain/testing/promotion-fixtures.ts';

/**
 * The authorization matrix: every write route of the command API, who may call it, and proof that
 * everyone else is refused before anything is appended. A route added without a row here fails the
 * first test, so the matrix cannot silently fall behind the API.
 *
 * Who may call a route is generated from the permission table: the route's permission is read from
 * its `x-permission` in the OpenAPI document, and the roles allowed are those whose grants hold
 * it. Each row also states who could call it when routes checked role names (`before`), and the
 * first test proves the table reproduces exactly that. Custom roles are checked too: a role
 * granting only the route's permission gets through, one granting every other permission does not.
 */

const address = { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const SKU = 'MATRIX-1';
const PRODUCT = 'matrix-product';
/** A token from someone who does not hold the API's secret: it must count as no token at all. */
const FORGED_SECRET = 'not-the-secret-of-this-api-but-just-as-long-0123456789';

/** One call a route can succeed on: its path parameters, a valid body, and the stream it writes. */
interface Target {
  params: Record<string, string>;
  body: unknown;
  stream: string;
  /** Request headers the call needs (a confirm's If-Match), beside the token and Idempotency-Key. */
  headers?: Record<string, string>;
}

interface Row {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the OpenAPI document. */
  path: string;
  /** Who could call it when routes checked role names (new routes: who may now). */
  before: readonly Role[];
  /**
   * The resource belongs to a customer, and a customer may act on their own only. Another customer
   * gets 404 (`assertOwnerOrRoles`: ids cannot be probed); for placing an order, naming another
   * customer is 403. `creates`: the caller makes its own resource (a cart, a wishlist entry, a claim
   * with the cart's secret), so there is no other customer's to reach.
   */
  customerActsOnOwnOnly: false | { otherCustomer: 403 | 404 } | 'self' | 'creates';
  /** The code another customer's 404 carries, where the route's own "not found" answers it. */
  otherCode?: string;
  /** Sets up a fresh resource (owned by `owner` where owned) that the call succeeds on. */
  prepare(owner: string): Promise<Target>;
  /** The answer says what was done (sessions revoked), with no consistency token. */
  answersWithoutPosition?: true;
  /**
   * Answers without appending (a price quote): 200 with nothing appended; owned by no one unless
   * `customerActsOnOwnOnly` says whose it is (an order's extra payment).
   */
  readOnly?: true;
  /** Answers 202 and appends from a job that runs on (an import): the success waits for its events. */
  appendsLater?: true;
}

describe.each(['pglite', 'postgres'] as const)('authorization matrix on %s', (backend) => {
  let h: WriteApiHarness;
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}-${++counter}`;
  const admin = () => h.context({ id: 'setup-admin', role: 'admin' });

  // Setup goes through the handlers, not the API under test.
  async function createProduct(): Promise<string> {
    const productId = fresh('product');
    await h.handlers.createProduct(
      {
        productId,
        sku: fresh('SKU'),
        name: 'Spanner',
        description: '',
        brand: 'Acme',
        category: 'tools',
        attributes: {},
        allowBackorder: false,
        price: eur(900),
      },
      admin(),
    );
    return productId;
  }
  async function createLocation(): Promise<string> {
    const locationId = fresh('loc');
    await h.handlers.createLocation(locationId, 'Somewhere', admin());
    return locationId;
  }
  async function placeOrder(owner: string) {
    const orderId = fresh('order');
    const placed = await h.handlers.placeOrder(
      {
        orderId,
        customerId: owner,
        currency: 'EUR',
        lines: [{ productId: PRODUCT, quantity: 1 }],
        shippingAddress: { ...address, line2: null, region: null },
      },
      admin(),
    );
    const line = placed.order.lines[0]!;
    return {
      orderId,
      total: placed.order.totals.total,
      lineId: line.lineId,
      location: line.allocations[0]!.location,
    };
  }
  async function paidOrder(owner: string) {
    const order = await placeOrder(owner);
    await h.handlers.recordManualPayment(
      { orderId: order.orderId, reference: fresh('bank'), amount: order.total },
      admin(),
    );
    return order;
  }
  async function shippedOrder(owner: string) {
    const order = await paidOrder(owner);
    await h.handlers.shipOrder(
      {
        orderId: order.orderId,
        shipmentId: fresh('shipment'),
        location: order.location,
        carrier: 'DHL',
        trackingNumber: fresh('track'),
        lines: [{ lineId: order.lineId, quantity: 1 }],
      },
      admin(),
    );
    return order;
  }
  const stockAt = (location: string) => `stock-${SKU}@${location}`;
  async function requestedReturn(owner: string) {
    const order = await shippedOrder(owner);
    await h.handlers.deliverOrder(order.orderId, admin());
    const returnId = fresh('return');
    await h.handlers.requestReturn(
      {
        returnId,
        orderId: order.orderId,
        lines: [{ lineId: order.lineId, quantity: 1 }],
        reason: 'damaged',
        note: null,
        photos: [],
        openedBy: 'customer',
      },
      h.context({ id: owner, role: 'customer' }),
    );
    return { ...order, returnId };
  }
  async function authorizedReturn(owner: string) {
    const order = await requestedReturn(owner);
    await h.handlers.authorizeReturn({ returnId: order.returnId, note: null }, admin());
    return order;
  }

  const matrix: Row[] = [
    {
      method: 'POST',
      path: '/products',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const productId = fresh('new-product');
        return {
          params: {},
          body: {
            productId,
            sku: fresh('NEW-SKU'),
            name: 'Chisel',
            brand: 'Acme',
            category: 'tools',
            price: eur(1500),
          },
          stream: `product-${productId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/imports/products',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      answersWithoutPosition: true,
      appendsLater: true,
      prepare: async () => {
        const productId = fresh('imported');
        return {
          params: {},
          body: `productId,sku,name,brand,category,priceAmount,priceCurrency\n${productId},${fresh('IMP-SKU')},Rasp,Acme,tools,1100,EUR\n`,
          headers: { 'content-type': 'text/csv' },
          stream: `product-${productId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/products/{productId}/update',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const productId = await createProduct();
        return {
          params: { productId },
          body: { changes: { name: 'Adjustable spanner' } },
          stream: `product-${productId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/products/{productId}/price',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const productId = await createProduct();
        return {
          params: { productId },
          body: { price: eur(1), reason: 'a price a customer would like' },
          stream: `product-${productId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/products/{productId}/discontinue',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const productId = await createProduct();
        return { params: { productId }, body: { reason: 'end of line' }, stream: `product-${productId}` };
      },
    },
    {
      method: 'POST',
      path: '/locations',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const locationId = fresh('new-loc');
        return { params: {}, body: { locationId, name: 'Munich' }, stream: `location-${locationId}` };
      },
    },
    {
      method: 'POST',
      path: '/locations/{locationId}/rename',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const locationId = await createLocation();
        return { params: { locationId }, body: { name: 'Renamed' }, stream: `location-${locationId}` };
      },
    },
    {
      method: 'POST',
      path: '/stock/receipts',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => ({
        params: {},
        body: { sku: SKU, location: 'berlin', quantity: 5 },
        stream: stockAt('berlin'),
      }),
    },
    {
      method: 'POST',
      path: '/stock/adjustments',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => ({
        params: {},
        body: { sku: SKU, location: 'berlin', delta: 1, reason: 'found' },
        stream: stockAt('berlin'),
      }),
    },
    {
      method: 'POST',
      path: '/stock/transfers',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => ({
        params: {},
        body: { sku: SKU, from: 'berlin', to: 'hamburg', quantity: 1 },
        stream: stockAt('berlin'),
      }),
    },
    {
      method: 'POST',
      path: '/stock/thresholds',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => ({
        params: {},
        body: { sku: SKU, location: 'berlin', threshold: ++counter },
        stream: stockAt('berlin'),
      }),
    },
    {
      method: 'POST',
      path: '/replenishment/policies',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => ({
        params: {},
        body: { sku: SKU, location: 'berlin', leadTimeDays: (++counter % 300) + 1, serviceLevel: null },
        stream: `replenishment-${SKU}@berlin`,
      }),
    },
    {
      method: 'POST',
      path: '/replenishment/suggestions/{suggestionId}/dismiss',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        // A forecast below the reorder point is what opens a suggestion to dismiss.
        const sku = fresh('REPL');
        const forecast = await h.handlers.recordForecast(
          {
            sku,
            location: 'berlin',
            leadTimeDemand: 10,
            safetyStock: 2,
            forecastErrorSd: 1,
            leadTimeDays: 5,
            serviceLevel: 0.95,
            reviewPeriodDays: 7,
            method: 'holt',
            demandClass: 'smooth',
            historyDays: 30,
            asOf: '2026-11-21T10:00:00.000Z',
          },
          h.context({ id: 'forecasting', role: 'system' }),
        );
        const suggested = forecast.events.find((event) => event.type === 'ReplenishmentSuggested')!;
        return {
          params: { suggestionId: suggested.data.suggestionId as string },
          body: { sku, location: 'berlin' },
          stream: `replenishment-${sku}@berlin`,
        };
      },
    },
    {
      method: 'POST',
      path: '/orders',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: { otherCustomer: 403 },
      prepare: async (owner) => {
        const orderId = fresh('new-order');
        return {
          params: {},
          body: {
            orderId,
            customerId: owner,
            currency: 'EUR',
            lines: [{ productId: PRODUCT, quantity: 1 }],
            shippingAddress: address,
          },
          stream: `order-${orderId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/cancel',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: { otherCustomer: 404 },
      prepare: async (owner) => {
        const { orderId } = await placeOrder(owner);
        return { params: { orderId }, body: { note: 'changed my mind' }, stream: `order-${orderId}` };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/cancel-lines',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: { otherCustomer: 404 },
      prepare: async (owner) => {
        // Two units, so one can go and the order stands.
        const orderId = fresh('order');
        const placed = await h.handlers.placeOrder(
          {
            orderId,
            customerId: owner,
            currency: 'EUR',
            lines: [{ productId: PRODUCT, quantity: 2 }],
            shippingAddress: { ...address, line2: null, region: null },
          },
          admin(),
        );
        const lineId = placed.order.lines[0]!.lineId;
        return {
          params: { orderId },
          body: { lines: [{ lineId, quantity: 1 }] },
          stream: `order-${orderId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/payments/attempts',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: { otherCustomer: 404 },
      prepare: async (owner) => {
        // Its payment failed: a new attempt may be opened.
        const { orderId, total } = await placeOrder(owner);
        await h.handlers.applyPaymentNotification(
          {
            providerEventId: fresh('evt'),
            kind: 'payment_failed',
            orderId,
            paymentId: `manual_${orderId}`,
            amount: total.amount,
            currency: total.currency,
            reason: 'declined',
          },
          admin(),
        );
        return { params: { orderId }, body: {}, stream: `order-${orderId}` };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/edit',
      before: ['staff', 'admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => {
        // Not yet paid (the manual provider opens nothing online): the edit raises its total.
        const { orderId, lineId } = await placeOrder(owner);
        const body = { add: [], raise: [{ lineId, quantity: 1 }] };
        const preview = await h.handlers.previewOrderEdit({ orderId, ...body }, admin());
        const headers = { 'if-match': formatEditPreviewTag(preview.tag) };
        return { params: { orderId }, body, stream: `order-${orderId}`, headers };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/payments/extra',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: { otherCustomer: 404 },
      readOnly: true,
      prepare: async (owner) => {
        // Paid, then raised by an edit: the difference is owed by an extra payment.
        const { orderId, lineId } = await paidOrder(owner);
        await h.handlers.editOrder({ orderId, add: [], raise: [{ lineId, quantity: 1 }] }, admin());
        return { params: { orderId }, body: {}, stream: `order-${orderId}` };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/edit/preview',
      before: ['staff', 'admin'],
      customerActsOnOwnOnly: false,
      readOnly: true,
      prepare: async (owner) => {
        const { orderId, lineId } = await placeOrder(owner);
        return {
          params: { orderId },
          body: { raise: [{ lineId, quantity: 1 }] },
          stream: `order-${orderId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/shipments',
      before: ['staff', 'admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => {
        const { orderId, lineId, location } = await paidOrder(owner);
        return {
          params: { orderId },
          body: { location, carrier: 'DHL', trackingNumber: fresh('T'), lines: [{ lineId, quantity: 1 }] },
          stream: `order-${orderId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/delivered',
      before: ['staff', 'admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => {
        const { orderId } = await shippedOrder(owner);
        return { params: { orderId }, body: {}, stream: `order-${orderId}` };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/refunds',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => {
        const { orderId } = await paidOrder(owner);
        return {
          params: { orderId },
          body: { amount: eur(100), reason: 'scratched' },
          stream: `order-${orderId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/payments/manual',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => {
        const { orderId, total } = await placeOrder(owner);
        return {
          params: { orderId },
          body: { reference: fresh('transfer'), amount: total },
          stream: `order-${orderId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/payments/capture',
      before: ['staff', 'admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => {
        // Authorized, not captured: what a card provider's webhook leaves behind when captures wait.
        const { orderId, total } = await placeOrder(owner);
        await h.handlers.applyPaymentNotification(
          {
            providerEventId: fresh('evt'),
            kind: 'payment_authorized',
            orderId,
            paymentId: `manual_${orderId}`,
            amount: total.amount,
            currency: total.currency,
          },
          admin(),
        );
        return { params: { orderId }, body: {}, stream: `order-${orderId}` };
      },
    },
  ];

  matrix.push(
    {
      method: 'POST',
      path: '/orders/{orderId}/claims',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: { otherCustomer: 404 },
      prepare: async (owner) => {
        const { orderId, lineId } = await shippedOrder(owner);
        return {
          params: { orderId },
          body: { claimId: fresh('claim'), lineId, quantity: 1, reason: 'damaged' },
          stream: `order-${orderId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/claims/{claimId}/resolve',
      before: ['staff', 'admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => {
        const { orderId, lineId } = await shippedOrder(owner);
        const claimId = fresh('claim');
        await h.handlers.openClaim({ orderId, claimId, lineId, quantity: 1, reason: 'missing' }, admin());
        return { params: { orderId, claimId }, body: { resolution: 'refund' }, stream: `order-${orderId}` };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/exchanges',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: { otherCustomer: 404 },
      prepare: async (owner) => {
        const { orderId, lineId, location } = await shippedOrder(owner);
        await h.handlers.deliverOrder(orderId, admin());
        // A replacement with stock of its own, so the exchange reserves it.
        const productId = fresh('exchange-product');
        const sku = fresh('EXCHANGE');
        await h.handlers.createProduct(
          {
            productId,
            sku,
            name: 'Wrench',
            description: '',
            brand: 'Acme',
            category: 'tools',
            attributes: {},
            allowBackorder: false,
            price: eur(900),
          },
          admin(),
        );
        await h.handlers.receiveStock({ sku, location, quantity: 1, reference: null }, admin());
        return {
          params: { orderId },
          body: { lineId, quantity: 1, productId, reason: 'too small' },
          stream: `order-${orderId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/orders/{orderId}/returns',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: { otherCustomer: 404 },
      prepare: async (owner) => {
        const { orderId, lineId } = await shippedOrder(owner);
        await h.handlers.deliverOrder(orderId, admin());
        const returnId = fresh('new-return');
        return {
          params: { orderId },
          body: { returnId, lines: [{ lineId, quantity: 1 }], reason: 'damaged' },
          stream: `return-${returnId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/returns/{returnId}/authorize',
      before: ['staff', 'admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => {
        const { returnId } = await requestedReturn(owner);
        return { params: { returnId }, body: { note: null }, stream: `return-${returnId}` };
      },
    },
    {
      method: 'POST',
      path: '/returns/{returnId}/reject',
      before: ['staff', 'admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => {
        const { returnId } = await requestedReturn(owner);
        return { params: { returnId }, body: { reason: 'worn' }, stream: `return-${returnId}` };
      },
    },
    {
      method: 'POST',
      path: '/returns/{returnId}/receipts',
      before: ['staff', 'admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => {
        const { returnId, lineId, location } = await authorizedReturn(owner);
        return {
          params: { returnId },
          body: { location, lines: [{ lineId, quantity: 1, disposition: 'restock' }] },
          // The return's last event is the automatic refund, by the system: the stock shows who received it.
          stream: stockAt(location),
        };
      },
    },
    {
      method: 'POST',
      path: '/returns/policy',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => ({
        params: {},
        body: {
          defaultWindowDays: (++counter % 3000) + 1,
          reasons: ['damaged', 'other'],
          instructions: 'Send it back with the RMA number on the parcel.',
        },
        stream: 'returnpolicy-shop',
      }),
    },
  );

  async function customRole(): Promise<string> {
    const name = fresh('role');
    await h.handlers.defineRole({ name, description: '', permissions: ['audit:read'] }, admin());
    return name;
  }
  matrix.push(
    {
      method: 'POST',
      path: '/roles',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const name = fresh('new-role');
        return { params: {}, body: { name, permissions: ['stock:read'] }, stream: `role-${name}` };
      },
    },
    {
      method: 'POST',
      path: '/roles/{name}/permissions',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const name = await customRole();
        return { params: { name }, body: { permissions: ['stock:read'] }, stream: `role-${name}` };
      },
    },
    {
      method: 'POST',
      path: '/roles/{name}/retire',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const name = await customRole();
        return { params: { name }, body: {}, stream: `role-${name}` };
      },
    },
  );

  /** A saved report of the builder, ready to be scheduled, unscheduled or deleted. */
  const reportBody = { name: 'Revenue', definition: { measure: 'revenue', by: ['currency'], lastDays: 7 } };
  const reportSchedule = {
    cadence: 'daily',
    time: '08:00',
    timeZone: 'Europe/Berlin',
    recipients: ['ops@example.com'],
  };
  async function savedReport(scheduled = false): Promise<string> {
    const reportId = fresh('report');
    await h.handlers.saveReport(
      {
        reportId,
        name: 'Revenue',
        definition: {
          ...reportBody.definition,
          by: ['currency'],
          filters: {},
          granularity: 'day',
          limit: 10,
          measure: 'revenue',
        },
      },
      admin(),
    );
    if (scheduled) {
      await h.handlers.scheduleReport(
        { reportId, schedule: { ...reportSchedule, cadence: 'daily', weekday: null, format: 'csv' } },
        admin(),
      );
    }
    return reportId;
  }
  matrix.push(
    {
      method: 'PUT',
      path: '/reports/{reportId}',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const reportId = fresh('report');
        return { params: { reportId }, body: reportBody, stream: `report-${reportId}` };
      },
    },
    {
      method: 'PUT',
      path: '/reports/{reportId}/schedule',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const reportId = await savedReport();
        return { params: { reportId }, body: reportSchedule, stream: `report-${reportId}` };
      },
    },
    {
      method: 'DELETE',
      path: '/reports/{reportId}/schedule',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const reportId = await savedReport(true);
        return { params: { reportId }, body: undefined, stream: `report-${reportId}` };
      },
    },
    {
      method: 'DELETE',
      path: '/reports/{reportId}',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const reportId = await savedReport();
        return { params: { reportId }, body: undefined, stream: `report-${reportId}` };
      },
    },
  );

  /** A promotion definition as the API takes it; `codes` picks how it is unlocked. */
  const promotionDefinition = (codes: { mode: 'automatic' } | { mode: 'unique' }, priority = 0) => ({
    name: 'Ten off',
    rules: {
      minSubtotal: null,
      minQuantity: null,
      productIds: [],
      categories: [],
      brands: [],
      customerGroups: [],
      firstOrderOnly: false,
      startsAt: null,
      endsAt: null,
      channels: [],
      currency: 'EUR',
    },
    action: { kind: 'order_percent' as const, basisPoints: 1000 },
    stacking: 'combinable' as const,
    priority,
    codes,
    limits: { counts: 'orders' as const, total: null, perCustomer: null, perCode: null },
  });
  /** A fresh promotion, made through the handlers, active when asked. */
  async function promotion(
    state: 'draft' | 'active',
    codes: { mode: 'automatic' } | { mode: 'unique' } = { mode: 'automatic' },
  ) {
    const promotionId = fresh('promo');
    await h.handlers.createPromotion({ promotionId, definition: promotionDefinition(codes) }, admin());
    if (state === 'active') await h.handlers.activatePromotion(promotionId, admin());
    return promotionId;
  }
  const lifecycleRow = (verb: string, state: 'draft' | 'active', body: unknown = {}): Row => ({
    method: 'POST',
    path: `/promotions/{promotionId}/${verb}`,
    before: ['admin'],
    customerActsOnOwnOnly: false,
    prepare: async () => {
      const promotionId = await promotion(state);
      return { params: { promotionId }, body, stream: `promotion-${promotionId}` };
    },
  });
  matrix.push(
    {
      method: 'POST',
      path: '/promotions',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const promotionId = fresh('promo');
        return {
          params: {},
          body: { promotionId, definition: promotionDefinition({ mode: 'automatic' }) },
          stream: `promotion-${promotionId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/promotions/{promotionId}/definition',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const promotionId = await promotion('active');
        return {
          params: { promotionId },
          body: { definition: promotionDefinition({ mode: 'automatic' }, 5) },
          stream: `promotion-${promotionId}`,
        };
      },
    },
    lifecycleRow('activate', 'draft'),
    lifecycleRow('pause', 'active'),
    lifecycleRow('archive', 'draft'),
    lifecycleRow('expire', 'active', { reason: 'ended_by_staff' }),
    {
      method: 'POST',
      path: '/promotions/{promotionId}/codes',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const promotionId = await promotion('draft', { mode: 'unique' });
        const generationId = fresh('gen');
        return {
          params: { promotionId },
          body: { generationId, count: 2 },
          stream: `coupongen-${generationId}`,
        };
      },
    },
  );

  /** A product of a category of its own, so a mass change of that category moves it alone. */
  async function productOfOwnCategory(): Promise<string> {
    const category = fresh('category');
    await h.handlers.createProduct(
      {
        productId: fresh('product'),
        sku: fresh('SKU'),
        name: 'Jug',
        description: '',
        brand: 'Acme',
        category,
        attributes: {},
        allowBackorder: false,
        price: eur(1200),
      },
      admin(),
    );
    return category;
  }
  const massChange = (changeId: string, category: string) => ({
    changeId,
    reason: 'kitchen sale',
    categories: [category],
    adjustment: { kind: 'percent', basisPoints: -1000 },
    rounding: { kind: 'price_point', ending: 99 },
  });
  matrix.push(
    {
      method: 'POST',
      path: '/price-changes',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const [productId, changeId] = [await createProduct(), fresh('change')];
        return {
          params: {},
          body: {
            changeId,
            effectiveAt: '2099-01-01T00:00:00Z',
            reason: 'new year',
            prices: [{ productId, price: eur(1000) }],
          },
          stream: `pricechange-${changeId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/price-changes/{changeId}/cancel',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const [productId, changeId] = [await createProduct(), fresh('change')];
        await h.handlers.schedulePriceChange(
          {
            changeId,
            effectiveAt: '2099-01-01T00:00:00Z',
            reason: 'new year',
            prices: [{ productId, price: eur(1000) }],
          },
          admin(),
        );
        return { params: { changeId }, body: {}, stream: `pricechange-${changeId}` };
      },
    },
    {
      method: 'POST',
      path: '/mass-price-changes/preview',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      readOnly: true,
      prepare: async () => {
        const changeId = fresh('change');
        return {
          params: {},
          body: massChange(changeId, await productOfOwnCategory()),
          stream: `pricechange-${changeId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/scheduled-mass-price-changes',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const changeId = fresh('change');
        return {
          params: {},
          body: {
            ...massChange(changeId, await productOfOwnCategory()),
            effectiveAt: '2099-01-01T00:00:00Z',
          },
          stream: `pricechange-${changeId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/mass-price-changes',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const changeId = fresh('change');
        return {
          params: {},
          body: massChange(changeId, await productOfOwnCategory()),
          stream: `pricechange-${changeId}`,
        };
      },
    },
  );

  /** A fresh price list holding `mug`'s price, created through the handlers. */
  async function priceList(): Promise<string> {
    const priceListId = fresh('list');
    await h.handlers.createPriceList(
      { priceListId, name: 'Wholesale', currency: 'EUR', customerGroups: ['wholesale'], priority: 0 },
      admin(),
    );
    await h.handlers.setPriceListPrices(
      priceListId,
      [{ productId: 'mug', tiers: [{ minQuantity: 1, amount: 900 }] }],
      admin(),
    );
    return priceListId;
  }
  matrix.push(
    {
      method: 'POST',
      path: '/price-lists',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const priceListId = fresh('list');
        return {
          params: {},
          body: { priceListId, name: 'USD', currency: 'USD', customerGroups: [], priority: 0 },
          stream: `pricelist-${priceListId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/price-lists/{priceListId}/prices',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const priceListId = await priceList();
        return {
          params: { priceListId },
          body: { prices: [{ productId: 'tee', tiers: [{ minQuantity: 1, amount: 500 }] }] },
          stream: `pricelist-${priceListId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/price-lists/{priceListId}/prices/remove',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const priceListId = await priceList();
        return { params: { priceListId }, body: { productIds: ['mug'] }, stream: `pricelist-${priceListId}` };
      },
    },
    {
      method: 'POST',
      path: '/price-lists/{priceListId}/archive',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const priceListId = await priceList();
        return { params: { priceListId }, body: {}, stream: `pricelist-${priceListId}` };
      },
    },
  );

  /** A customer account `id`, signed up once (through the handlers, not the API under test). */
  async function customerAccount(id: string): Promise<string> {
    if ((await h.store.streamRevision(`customer-${id}`)) === null) {
      await h.accounts.customers.signUp(
        {
          customerId: id,
          email: `${id}@example.com`,
          name: 'Ada',
          password: 'matrix passphrase 1',
          marketingConsent: false,
        },
        admin(),
      );
    }
    return `customer-${id}`;
  }
  const bookAddress = { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
  async function savedAddress(owner: string): Promise<string> {
    const addressId = fresh('addr');
    await h.accounts.customers.saveAddress(
      owner,
      { addressId, label: 'Home', address: { ...bookAddress, line2: null, region: null }, isDefault: false },
      admin(),
    );
    return addressId;
  }
  async function invitedStaff(): Promise<string> {
    const staffId = fresh('staff');
    await h.accounts.staff.inviteStaff(
      { staffId, email: `${staffId}@example.com`, name: null, roles: ['staff'] },
      admin(),
    );
    return staffId;
  }
  matrix.push(
    {
      method: 'PATCH',
      path: '/me',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'self',
      prepare: async (owner) => ({
        params: {},
        body: { name: fresh('Name') },
        stream: await customerAccount(owner),
      }),
    },
    {
      method: 'POST',
      path: '/me/addresses',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'self',
      prepare: async (owner) => ({
        params: {},
        body: { label: 'Work', address: bookAddress },
        stream: await customerAccount(owner),
      }),
    },
    {
      method: 'PUT',
      path: '/me/addresses/{addressId}',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'self',
      prepare: async (owner) => {
        const stream = await customerAccount(owner);
        const addressId = await savedAddress(owner);
        return { params: { addressId }, body: { label: fresh('label'), address: bookAddress }, stream };
      },
    },
    {
      method: 'DELETE',
      path: '/me/addresses/{addressId}',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'self',
      prepare: async (owner) => {
        const stream = await customerAccount(owner);
        return { params: { addressId: await savedAddress(owner) }, body: {}, stream };
      },
    },
    {
      method: 'PUT',
      path: '/me/consent',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'self',
      prepare: async (owner) => {
        const stream = await customerAccount(owner);
        // Granted first (unless it is already), so withdrawing it is a change.
        await h.accounts.customers.recordConsent(owner, true, 'profile', admin()).catch(() => undefined);
        return { params: {}, body: { granted: false }, stream };
      },
    },
    {
      method: 'PUT',
      path: '/me/preferences',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'self',
      prepare: async (owner) => ({
        params: {},
        body: { marketing: false, reminder: true },
        stream: await customerAccount(owner),
      }),
    },
    {
      method: 'PUT',
      path: '/customers/{customerId}/groups',
      before: ['staff', 'admin'],
      customerActsOnOwnOnly: false,
      prepare: async (owner) => ({
        params: { customerId: owner },
        body: { groups: [fresh('group')] },
        stream: await customerAccount(owner),
      }),
    },
    {
      method: 'POST',
      path: '/staff/invitations',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const staffId = fresh('invitee');
        return {
          params: {},
          body: { staffId, email: `${staffId}@example.com`, roles: ['staff'] },
          stream: `staff-${staffId}`,
        };
      },
    },
    {
      method: 'POST',
      path: '/staff/invitations/{staffId}/revoke',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const staffId = await invitedStaff();
        return { params: { staffId }, body: {}, stream: `staff-${staffId}` };
      },
    },
    {
      method: 'PUT',
      path: '/staff/{staffId}/roles',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const staffId = await invitedStaff();
        return { params: { staffId }, body: { roles: [fresh('role')] }, stream: `staff-${staffId}` };
      },
    },
    {
      method: 'POST',
      path: '/staff/{staffId}/sessions/revoke-all',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      answersWithoutPosition: true,
      prepare: async () => {
        const staffId = await invitedStaff();
        return { params: { staffId }, body: {}, stream: `auth-${staffId}` };
      },
    },
  );

  // Carts and wishlists (docs/carts.md): each caller acts on its own; another customer's cart is not found.
  const cartAddress = { ...address, line2: null, region: null };
  async function cartOf(owner: string, withLine = false): Promise<string> {
    const cartId = fresh('cart');
    await h.handlers.createCart({ cartId, customerId: owner, currency: 'EUR' }, admin());
    if (withLine)
      await h.handlers.addLine(
        cartId,
        { customerId: owner, secret: null },
        { productId: PRODUCT, quantity: 1 },
        admin(),
      );
    return cartId;
  }
  const cartRow = (
    method: Row['method'],
    path: string,
    body: (cartId: string) => unknown,
    withLine = false,
  ): Row => ({
    method,
    path,
    before: ['customer', 'staff', 'admin'],
    customerActsOnOwnOnly: 'self',
    otherCode: 'cart_not_found',
    prepare: async (owner) => {
      const cartId = await cartOf(owner, withLine);
      return { params: { cartId, productId: PRODUCT }, body: body(cartId), stream: `cart-${cartId}` };
    },
  });
  matrix.push(
    {
      method: 'POST',
      path: '/carts',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'creates',
      prepare: async () => {
        const cartId = fresh('cart');
        return { params: {}, body: { cartId, currency: 'EUR' }, stream: `cart-${cartId}` };
      },
    },
    cartRow('POST', '/carts/{cartId}/lines', () => ({ productId: PRODUCT, quantity: 1 })),
    cartRow('PUT', '/carts/{cartId}/lines/{productId}', () => ({ quantity: 2 }), true),
    cartRow('DELETE', '/carts/{cartId}/lines/{productId}', () => ({}), true),
    cartRow('PUT', '/carts/{cartId}/email', () => ({ email: 'ada@example.com', marketingConsent: true })),
    cartRow('PUT', '/carts/{cartId}/shipping-address', () => ({ shippingAddress: cartAddress })),
    cartRow('PUT', '/carts/{cartId}/shipping-method', () => ({ shippingMethodId: 'standard' })),
    cartRow('POST', '/carts/{cartId}/checkout/start', () => ({}), true),
    cartRow('POST', '/carts/{cartId}/coupons', () => ({ code: 'matrix10' }), true),
    {
      ...cartRow('DELETE', '/carts/{cartId}/coupons/{code}', () => ({})),
      prepare: async (owner) => {
        const cartId = await cartOf(owner, true);
        await h.handlers.applyCoupon(cartId, { customerId: owner, secret: null }, 'MATRIX10', admin());
        return { params: { cartId, code: 'matrix10' }, body: {}, stream: `cart-${cartId}` };
      },
    },
    {
      ...cartRow('POST', '/carts/{cartId}/checkout', () => ({})),
      prepare: async (owner) => {
        const cartId = await cartOf(owner, true);
        await h.handlers.setShippingAddress(
          cartId,
          { customerId: owner, secret: null },
          cartAddress,
          admin(),
        );
        return { params: { cartId }, body: {}, stream: `cart-${cartId}` };
      },
    },
    {
      method: 'POST',
      path: '/carts/{cartId}/claim',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'creates',
      prepare: async () => {
        const cartId = fresh('guest-cart');
        const { secret } = await h.handlers.createCart(
          { cartId, customerId: null, currency: 'EUR' },
          admin(),
        );
        return { params: { cartId }, body: { secret, mergeInto: null }, stream: `cart-${cartId}` };
      },
    },
    {
      method: 'POST',
      path: '/me/wishlist',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'creates',
      // A fresh product each time: the caller's wishlist refuses one it already holds.
      prepare: async (owner) => ({
        params: {},
        body: { productId: await createProduct() },
        stream: `wishlist-${owner}`,
      }),
    },
    {
      method: 'POST',
      path: '/me/wishlist/{productId}/move-to-cart',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'self',
      otherCode: 'cart_not_found',
      prepare: async (owner) => {
        const cartId = await cartOf(owner);
        await h.handlers.addToWishlist(owner, PRODUCT, admin()).catch(() => undefined);
        return { params: { productId: PRODUCT }, body: { cartId, quantity: 1 }, stream: `cart-${cartId}` };
      },
    },
    {
      method: 'DELETE',
      path: '/me/wishlist/{productId}',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: 'self',
      otherCode: 'wishlist_item_not_found',
      prepare: async (owner) => {
        const productId = await createProduct();
        await h.handlers.addToWishlist(owner, productId, admin());
        return { params: { productId }, body: {}, stream: `wishlist-${owner}` };
      },
    },
  );

  // Last: once a shipping zone exists, every placement needs a shipping method, and the rows above
  // place orders without one.
  const zone = (zoneId: string) => ({
    zoneId,
    name: 'Matrix land',
    countries: ['DE'],
    regions: [],
    postalPrefixes: [],
    methods: [
      {
        methodId: `${zoneId}-standard`,
        name: 'Standard',
        currency: 'EUR',
        rate: { kind: 'flat' as const, amount: 490 },
        freeOver: null,
        minDays: 1,
        maxDays: 3,
      },
    ],
  });
  const taxRegion = (regionId: string) => ({
    regionId,
    country: 'DE',
    region: regionId,
    pricesIncludeTax: true,
    ratesBps: { standard: 1900 },
    shippingTaxClass: null,
  });
  matrix.push(
    {
      method: 'POST',
      path: '/shipping/zones',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => ({ params: {}, body: zone(fresh('zone')), stream: 'shipping-shop' }),
    },
    {
      method: 'POST',
      path: '/shipping/zones/{zoneId}/remove',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const zoneId = fresh('zone');
        await h.handlers.setShippingZone(zone(zoneId), admin());
        return { params: { zoneId }, body: {}, stream: 'shipping-shop' };
      },
    },
    {
      method: 'POST',
      path: '/tax/regions',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => ({ params: {}, body: taxRegion(fresh('state')), stream: 'tax-shop' }),
    },
    {
      method: 'POST',
      path: '/tax/regions/{regionId}/remove',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        const regionId = fresh('state');
        await h.handlers.setTaxRegion(taxRegion(regionId), admin());
        return { params: { regionId }, body: {}, stream: 'tax-shop' };
      },
    },
    {
      method: 'POST',
      path: '/tax/rounding',
      before: ['admin'],
      customerActsOnOwnOnly: false,
      prepare: async () => {
        // Per line first (unless it is already), so per total is a change.
        await h.handlers.setTaxRounding('line', admin()).catch(() => undefined);
        return { params: {}, body: { rounding: 'total' }, stream: 'tax-shop' };
      },
    },
    {
      method: 'POST',
      path: '/pricing/quote',
      before: ['customer', 'staff', 'admin'],
      customerActsOnOwnOnly: false,
      readOnly: true,
      prepare: async () => ({
        params: {},
        body: { currency: 'EUR', lines: [{ productId: PRODUCT, quantity: 2 }] },
        stream: 'shipping-shop',
      }),
    },
  );

  /**
   * Routes on the caller's own login session and second factor (`/auth/logout`, `/auth/step-up`,
   * `/me/2fa/*`, `/me/sessions/*`): they take the account and session from the token, so there is
   * no one else's to name. Each call gets an account of its own, logged in through the handlers
   * (its token names that session), so one row's second factor never meets another's.
   */
  interface CallerTarget extends Target {
    subject: string;
    sessionId: string;
  }
  interface CallerRow {
    method: 'POST' | 'DELETE';
    path: string;
    before: readonly Role[];
    prepare(account: {
      subject: string;
      sessionId: string;
    }): Promise<Omit<Target, 'params'> & Partial<Target>>;
  }
  const PASSWORD = 'matrix passphrase 1';
  const codeAt = (secret: string) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: h.clock.now().getTime() });
  async function loggedIn(): Promise<{ subject: string; sessionId: string }> {
    const subject = fresh('login');
    const email = `${subject}@example.com`;
    const as = h.context({ id: subject, role: 'customer' });
    await h.accounts.customers.signUp(
      { customerId: subject, email, name: null, password: PASSWORD, marketingConsent: false },
      as,
    );
    await h.accounts.customers.verifyEmail(email, await mailedCode(h.sql, email, 'email-verification'), as);
    const login = await h.auth!.handlers.login(
      { email, password: PASSWORD, ip: '127.0.0.1', userAgent: 'matrix' },
      as,
    );
    if (login.outcome !== 'tokens') throw new Error(`login: ${login.outcome}`);
    return { subject, sessionId: login.sessionId };
  }
  const seen = { ip: '127.0.0.1', userAgent: 'matrix' };
  /** TOTP on for `subject`, and the clock a step on, so the next code is unspent. */
  async function withTotp(subject: string): Promise<string> {
    const as = h.context({ id: subject, role: 'customer' });
    const { secret } = await h.auth!.handlers.startTotp(subject, subject, as);
    await h.auth!.handlers.confirmTotp(subject, codeAt(secret), seen, as);
    h.clock.advance(30_000);
    return secret;
  }
  const callerRows: CallerRow[] = [
    {
      method: 'POST',
      path: '/auth/logout',
      before: ['customer', 'staff', 'admin'],
      prepare: async ({ sessionId }) => ({ body: {}, stream: `session-${sessionId}` }),
    },
    {
      method: 'POST',
      path: '/auth/step-up',
      before: ['customer', 'staff', 'admin'],
      prepare: async ({ subject }) => ({
        body: { code: codeAt(await withTotp(subject)) },
        stream: `auth-${subject}`,
      }),
    },
    {
      method: 'POST',
      path: '/me/2fa/totp',
      before: ['customer', 'staff', 'admin'],
      prepare: async ({ subject }) => ({ body: {}, stream: `auth-${subject}` }),
    },
    {
      method: 'POST',
      path: '/me/2fa/totp/confirm',
      before: ['customer', 'staff', 'admin'],
      prepare: async ({ subject }) => {
        const as = h.context({ id: subject, role: 'customer' });
        const { secret } = await h.auth!.handlers.startTotp(subject, subject, as);
        return { body: { code: codeAt(secret) }, stream: `auth-${subject}` };
      },
    },
    {
      method: 'POST',
      path: '/me/2fa/totp/disable',
      before: ['customer', 'staff', 'admin'],
      prepare: async ({ subject }) => ({
        body: { code: codeAt(await withTotp(subject)) },
        stream: `auth-${subject}`,
      }),
    },
    {
      method: 'DELETE',
      path: '/me/sessions/{sessionId}',
      before: ['customer', 'staff', 'admin'],
      prepare: async ({ sessionId }) => ({ params: { sessionId }, body: {}, stream: `session-${sessionId}` }),
    },
    {
      method: 'POST',
      path: '/me/sessions/revoke-all',
      before: ['customer', 'staff', 'admin'],
      prepare: async ({ subject }) => ({ body: {}, stream: `auth-${subject}` }),
    },
  ];
  const prepareCaller = async (row: CallerRow): Promise<CallerTarget> => {
    const account = await loggedIn();
    const target = await row.prepare(account);
    return { params: {}, ...target, ...account };
  };
  /** A token for the caller's own session, with `role` (and `roles`) as the test needs. */
  const sessionCall = async (
    row: CallerRow,
    target: CallerTarget,
    as: { role: Role; roles?: readonly string[] } | null,
    path: string,
  ) => {
    const headers: Record<string, string> = as
      ? {
          authorization: `Bearer ${await h.auth!.sessionToken({ ...as, subject: target.subject }, target.sessionId)}`,
        }
      : {};
    return h.send(row.method, path, target.body, null, headers);
  };

  /** Reads the command API answers from the event streams (a session list must not lag a revocation). */
  interface ReadRow {
    path: string;
    before: readonly Role[];
    /** The path's parameters, and the query the route needs to answer 200. */
    prepare(): Promise<{ params: Record<string, string>; query?: string }>;
  }
  const readRows: ReadRow[] = [
    {
      path: '/imports/{importId}',
      before: ['admin'],
      prepare: async () => {
        const started = await h.send(
          'POST',
          '/imports/products',
          'productId,sku,name,brand,category,priceAmount,priceCurrency\n',
          { role: 'admin', subject: 'admin-1' },
          { 'content-type': 'text/csv' },
        );
        return { params: { importId: ((await started.json()) as { importId: string }).importId } };
      },
    },
    { path: '/me/sessions', before: ['customer', 'staff', 'admin'], prepare: async () => ({ params: {} }) },
    {
      path: '/staff/{staffId}/sessions',
      before: ['admin'],
      prepare: async () => ({ params: { staffId: await invitedStaff() } }),
    },
    {
      path: '/shipping/options',
      before: ['customer', 'staff', 'admin'],
      prepare: async () => ({
        params: {},
        query: `currency=EUR&lines=${PRODUCT}*1&country=DE&postalCode=10115`,
      }),
    },
  ];

  const url = (row: { path: string }, target: Pick<Target, 'params'>) =>
    row.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = target.params[name];
      if (value === undefined) throw new Error(`${row.path}: no value for {${name}}`);
      return encodeURIComponent(value);
    });

  /**
   * Every event the store holds, read from its table. Not `headPosition()`: on a PostgreSQL cluster
   * shared with other work, the head readers see lags behind commits while any transaction on the
   * cluster is open (README, "Caveat for operators"), so an unchanged head would not prove that
   * nothing was appended, and a lagging one moves on its own.
   */
  const appended = async () => {
    const [row] = await h.sql.query<{ count: number; last: string }>(
      'select count(*)::int as count, coalesce(max(position), 0)::text as last from qm_events',
    );
    return row;
  };

  /** The call, and proof that it appended nothing at all: not to its stream, not anywhere. */
  async function refused(row: { path: string }, target: Target, send: (path: string) => Promise<Response>) {
    const before = await appended();
    const revision = await h.store.streamRevision(target.stream);
    const response = await send(url(row, target));
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { status: number; code: string };
    expect(problem.status).toBe(response.status);
    expect(await h.store.streamRevision(target.stream)).toBe(revision);
    expect(await appended()).toEqual(before);
    return { status: response.status, code: problem.code };
  }

  /** Each route's permission, as its OpenAPI operation declares it. */
  const permissionOf = new Map<string, Permission>();
  const allowedRoles = (row: { method: string; path: string }) => {
    const permission = permissionOf.get(`${row.method} ${row.path}`);
    if (!permission) throw new Error(`${row.method} ${row.path} declares no x-permission`);
    return roles.filter((role) => builtInGrants[role].has(permission));
  };
  const only = (permission: Permission) => `only-${permission}`;
  const allBut = (permission: Permission) => `all-but-${permission}`;

  beforeAll(async () => {
    // The promotions' discount stage, for the coupon code a cart row enters (MATRIX10).
    h = await writeApiHarness(backend, { auth: true, promotions: {} });
    const doc = (await (await h.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-permission'?: Permission }>>;
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (operation['x-permission'])
          permissionOf.set(`${method.toUpperCase()} ${path}`, operation['x-permission']);
      }
    }
    // For every permission, a custom role granting just it, and one granting all but it.
    for (const permission of allPermissions) {
      const rest = allPermissions.filter((other) => other !== permission);
      await h.handlers.defineRole(
        { name: only(permission), description: '', permissions: [permission] },
        admin(),
      );
      await h.handlers.defineRole({ name: allBut(permission), description: '', permissions: rest }, admin());
    }
    const ctx = admin();
    await h.handlers.createPromotion(
      {
        promotionId: 'matrix-coupon',
        definition: definition(
          { kind: 'order_percent', basisPoints: 1000 },
          { codes: { mode: 'shared', code: 'MATRIX10' } },
        ),
      },
      ctx,
    );
    await h.handlers.activatePromotion('matrix-coupon', ctx);
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    await h.handlers.createLocation('hamburg', 'Hamburg', ctx);
    await h.handlers.createProduct(
      {
        productId: PRODUCT,
        sku: SKU,
        name: 'Hammer',
        description: '',
        brand: 'Acme',
        category: 'tools',
        attributes: {},
        allowBackorder: false,
        price: eur(1299),
      },
      ctx,
    );
    await h.handlers.receiveStock({ sku: SKU, location: 'berlin', quantity: 500, reference: null }, ctx);
  });
  afterAll(() => h.dispose());

  it('has a row for every write route of the OpenAPI document, and no other', async () => {
    const response = await h.app.request('/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; 'x-public'?: string }>>;
    };
    const writeMethods = new Set(['post', 'put', 'patch', 'delete']);
    const documented = Object.entries(doc.paths)
      .flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => writeMethods.has(method))
          // Anonymous account routes (sign-up, reset, accepting an invitation): covered below.
          .filter((method) => !operations[method]?.['x-public'])
          .map((method) => `${method.toUpperCase()} ${path}`),
      )
      // Stripe signs its webhook; it takes no bearer token, so it is not part of this matrix.
      .filter((route) => route !== 'POST /webhooks/stripe')
      .sort();
    expect([...matrix, ...callerRows].map((row) => `${row.method} ${row.path}`).sort()).toEqual(documented);
    // And the document says each of them needs a bearer token and names its permission.
    for (const row of [...matrix, ...callerRows]) {
      expect(doc.paths[row.path]?.[row.method.toLowerCase()]?.security, row.path).toEqual([
        { bearerAuth: [] },
      ]);
      expect(permissionOf.get(`${row.method} ${row.path}`), row.path).toBeDefined();
    }
  });

  it('lets anyone call exactly the anonymous account routes, which take no token', async () => {
    const doc = (await (await h.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; 'x-public'?: string }>>;
    };
    const open = Object.entries(doc.paths)
      .flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => operation['x-public'])
          .map(([method, operation]) => {
            expect(operation.security, path).toBeUndefined();
            return `${method.toUpperCase()} ${path}`;
          }),
      )
      .sort();
    expect(open).toEqual([
      'DELETE /guest-carts/{cartId}/coupons/{code}',
      'DELETE /guest-carts/{cartId}/lines/{productId}',
      'GET /.well-known/jwks.json',
      'POST /auth/login',
      'POST /auth/login/totp',
      'POST /auth/password-reset',
      'POST /auth/password-reset/confirm',
      'POST /auth/refresh',
      'POST /cart-restore/{cartId}',
      'POST /customers',
      'POST /customers/verify',
      'POST /guest-carts',
      'POST /guest-carts/{cartId}/checkout',
      'POST /guest-carts/{cartId}/checkout/start',
      'POST /guest-carts/{cartId}/coupons',
      'POST /guest-carts/{cartId}/lines',
      'POST /staff/invitations/accept',
      'PUT /guest-carts/{cartId}/email',
      'PUT /guest-carts/{cartId}/lines/{productId}',
      'PUT /guest-carts/{cartId}/shipping-address',
      'PUT /guest-carts/{cartId}/shipping-method',
    ]);
  });

  it('has a row for every GET route of the command API that takes a token, and no other', async () => {
    const doc = (await (await h.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; 'x-public'?: string }>>;
    };
    const documented = Object.entries(doc.paths)
      .filter(([, operations]) => operations.get && !operations.get['x-public'])
      .map(([path]) => path)
      .sort();
    expect(readRows.map((row) => row.path).sort()).toEqual(documented);
    for (const row of readRows) {
      expect(doc.paths[row.path]?.get?.security, row.path).toEqual([{ bearerAuth: [] }]);
    }
  });

  it('reproduces, from the permission table, exactly who could call each route before', () => {
    for (const row of matrix) expect(allowedRoles(row), `${row.method} ${row.path}`).toEqual([...row.before]);
    for (const row of callerRows)
      expect(allowedRoles(row), `${row.method} ${row.path}`).toEqual([...row.before]);
    for (const row of readRows)
      expect(allowedRoles({ method: 'GET', path: row.path }), `GET ${row.path}`).toEqual([...row.before]);
  });

  for (const row of callerRows) {
    describe(`${row.method} ${row.path} (the caller's own session)`, () => {
      const permission = () => permissionOf.get(`${row.method} ${row.path}`)!;

      it('answers 401 without a token, or with a forged one, appending nothing', async () => {
        const target = await prepareCaller(row);
        const noToken = await refused(row, target, (path) => sessionCall(row, target, null, path));
        expect(noToken).toEqual({ status: 401, code: 'unauthenticated' });
        const forged = await mintToken({ secret: FORGED_SECRET, role: 'admin', subject: target.subject });
        const forgedAnswer = await refused(row, target, (path) =>
          h.send(row.method, path, target.body, null, { authorization: `Bearer ${forged}` }),
        );
        expect(forgedAnswer).toEqual({ status: 401, code: 'unauthenticated' });
      });

      it.each(roles)('answers 403 to a %s token when its role lacks the permission', async (role) => {
        if (allowedRoles(row).includes(role)) return;
        const target = await prepareCaller(row);
        const answer = await refused(row, target, (path) => sessionCall(row, target, { role }, path));
        expect(answer).toEqual({ status: 403, code: 'forbidden' });
      });

      it('answers 403 to a custom role granting every permission but this one, appending nothing', async () => {
        const target = await prepareCaller(row);
        const as = { role: 'staff' as const, roles: [allBut(permission())] };
        const answer = await refused(row, target, (path) => sessionCall(row, target, as, path));
        expect(answer).toEqual({ status: 403, code: 'forbidden' });
      });

      it.each([...roles, 'custom' as const])(
        'lets a %s token holding the permission through: 2xx, events appended as the caller',
        async (kind) => {
          if (kind !== 'custom' && !allowedRoles(row).includes(kind)) return;
          const role: Role = kind === 'custom' ? 'staff' : kind;
          const target = await prepareCaller(row);
          const revision = await h.store.streamRevision(target.stream);
          const as = kind === 'custom' ? { role, roles: [only(permission())] } : { role };
          const response = await sessionCall(row, target, as, url(row, target));
          expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(300);
          expect((await h.store.streamRevision(target.stream))!).toBeGreaterThan(revision ?? -1);
          const [last] = await h.store.readStream(target.stream, { direction: 'backwards', maxCount: 1 });
          expect(last?.metadata).toMatchObject({ actor: { id: target.subject, role } });
        },
      );
    });
  }

  for (const row of readRows) {
    describe(`GET ${row.path}`, () => {
      const permission = () => permissionOf.get(`GET ${row.path}`)!;
      const get = async (as: { role: Role; subject: string; roles?: readonly string[] } | null) => {
        const { params, query } = await row.prepare();
        const path = url(row, { params }) + (query ? `?${query}` : '');
        const headers: Record<string, string> = as
          ? { authorization: `Bearer ${await h.token(as.role, as.subject, as.roles)}` }
          : {};
        return h.app.request(path, { headers });
      };
      it('answers 401 without a token, 403 to roles lacking the permission, 200 to holders', async () => {
        expect((await get(null)).status).toBe(401);
        for (const role of roles) {
          const status = (await get({ role, subject: `${role}-1` })).status;
          expect(status, role).toBe(
            allowedRoles({ method: 'GET', path: row.path }).includes(role) ? 200 : 403,
          );
        }
        const holder = await get({ role: 'staff', subject: 'clerk-1', roles: [only(permission())] });
        expect(holder.status).toBe(200);
        const stranger = await get({ role: 'staff', subject: 'clerk-2', roles: [allBut(permission())] });
        expect(stranger.status).toBe(403);
      });
    });
  }

  for (const row of matrix) {
    describe(`${row.method} ${row.path}`, () => {
      const allowed = () => allowedRoles(row);

      it('answers 401 without a token, or with a forged one, appending nothing', async () => {
        const target = await row.prepare('cust-owner');
        const noToken = await refused(row, target, (path) =>
          h.send(row.method, path, target.body, null, target.headers),
        );
        expect(noToken).toEqual({ status: 401, code: 'unauthenticated' });
        const forged = await mintToken({ secret: FORGED_SECRET, role: 'admin', subject: 'admin-1' });
        const forgedAnswer = await refused(row, target, (path) =>
          h.send(row.method, path, target.body, null, {
            ...target.headers,
            authorization: `Bearer ${forged}`,
          }),
        );
        expect(forgedAnswer).toEqual({ status: 401, code: 'unauthenticated' });
      });

      it.each(roles)(
        'answers 403 to a %s token when its role lacks the permission (a customer even on its own order)',
        async (role) => {
          if (allowed().includes(role)) return;
          // The customer here owns the resource: ownership never stands in for a permission.
          const subject = role === 'customer' ? 'cust-owner' : `${role}-9`;
          const target = await row.prepare('cust-owner');
          const answer = await refused(row, target, (path) =>
            h.send(row.method, path, target.body, { role, subject }, target.headers),
          );
          expect(answer).toEqual({ status: 403, code: 'forbidden' });
        },
      );

      it('answers 403 to a custom role granting every permission but this one, appending nothing', async () => {
        const permission = permissionOf.get(`${row.method} ${row.path}`)!;
        const target = await row.prepare('cust-owner');
        const as = { role: 'staff' as const, subject: 'clerk-9', roles: [allBut(permission)] };
        const answer = await refused(row, target, (path) =>
          h.send(row.method, path, target.body, as, target.headers),
        );
        expect(answer).toEqual({ status: 403, code: 'forbidden' });
      });

      const own = row.customerActsOnOwnOnly;
      // A route on one's own account (`/me`) cannot name another's: a customer without one finds nothing.
      const otherCustomer = own === 'self' ? 404 : own && own !== 'creates' ? own.otherCustomer : 403;
      const otherCode =
        row.otherCode ??
        (own === 'self' ? 'customer_not_found' : otherCustomer === 404 ? 'not_found' : 'forbidden');
      if (own !== 'creates')
        it(`answers ${otherCustomer} to another customer's token, appending nothing`, async () => {
          if (row.readOnly && !row.customerActsOnOwnOnly) return; // owned by no one: every customer may ask
          const target = await row.prepare('cust-owner');
          const answer = await refused(row, target, (path) =>
            h.send(
              row.method,
              path,
              target.body,
              { role: 'customer', subject: 'cust-intruder' },
              target.headers,
            ),
          );
          expect(answer).toEqual({ status: otherCustomer, code: otherCode });
        });

      it.each([...roles, 'custom' as const])(
        'lets a %s token holding the permission through: 2xx, events appended',
        async (kind) => {
          const permission = permissionOf.get(`${row.method} ${row.path}`)!;
          if (kind !== 'custom' && !allowed().includes(kind)) return;
          const role: Role = kind === 'custom' ? 'staff' : kind;
          const owner = 'cust-owner';
          // A custom role acting on a customer's own resource does so as that customer.
          const subject = role === 'customer' || kind === 'custom' ? owner : `${role}-1`;
          // A route on one's own account acts on the caller's: each caller gets one to act on.
          const ownsIt = row.customerActsOnOwnOnly === 'self' || row.customerActsOnOwnOnly === 'creates';
          const target = await row.prepare(ownsIt ? subject : owner);
          const revision = await h.store.streamRevision(target.stream);
          const as = kind === 'custom' ? { role, subject, roles: [only(permission)] } : { role, subject };
          const response = await h.send(row.method, url(row, target), target.body, as, target.headers);
          if (row.readOnly) {
            expect(response.status, await response.text()).toBe(200);
            expect(await h.store.streamRevision(target.stream)).toBe(revision);
            return;
          }
          const body = (await response.json()) as { position?: unknown };
          expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(200);
          expect(response.status, JSON.stringify(body)).toBeLessThan(300);
          if (!row.answersWithoutPosition) expect(body.position).toMatch(/^\d+:\d+$/);
          if (row.appendsLater) {
            await waitUntil(
              'the job to append',
              async () => (await h.store.streamRevision(target.stream)) !== null,
            );
          }
          const after = await h.store.streamRevision(target.stream);
          expect(after).not.toBeNull();
          expect(after!).toBeGreaterThan(revision ?? -1);
          const [last] = await h.store.readStream(target.stream, { direction: 'backwards', maxCount: 1 });
          expect(last?.metadata).toMatchObject({ actor: { id: subject, role } });
        },
      );
    });
  }
});

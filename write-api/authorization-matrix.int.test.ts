import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../infra/auth/mint-token.ts';
import { roles, type Role } from '../infra/auth/actor.ts';
import { allPermissions, builtInGrants, type Permission } from '../infra/auth/grants.ts';
import { writeApiHarness, type WriteApiHarness } from '../test-support/write-api-harness.ts';

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
   * customer is 403.
   */
  customerActsOnOwnOnly: false | { otherCustomer: 403 | 404 } | 'self';
  /** Sets up a fresh resource (owned by `owner` where owned) that the call succeeds on. */
  prepare(owner: string): Promise<Target>;
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
  );

  const url = (row: Row, target: Target) =>
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
  async function refused(row: Row, target: Target, send: (path: string) => Promise<Response>) {
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
  const allowedRoles = (row: Row) => {
    const permission = permissionOf.get(`${row.method} ${row.path}`);
    if (!permission) throw new Error(`${row.method} ${row.path} declares no x-permission`);
    return roles.filter((role) => builtInGrants[role].has(permission));
  };
  const only = (permission: Permission) => `only-${permission}`;
  const allBut = (permission: Permission) => `all-but-${permission}`;

  beforeAll(async () => {
    h = await writeApiHarness(backend);
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
    expect(matrix.map((row) => `${row.method} ${row.path}`).sort()).toEqual(documented);
    // And the document says each of them needs a bearer token and names its permission.
    for (const row of matrix) {
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
      'POST /auth/password-reset',
      'POST /auth/password-reset/confirm',
      'POST /customers',
      'POST /customers/verify',
      'POST /staff/invitations/accept',
    ]);
  });

  it('reproduces, from the permission table, exactly who could call each route before', () => {
    for (const row of matrix) expect(allowedRoles(row), `${row.method} ${row.path}`).toEqual([...row.before]);
  });

  for (const row of matrix) {
    describe(`${row.method} ${row.path}`, () => {
      const allowed = () => allowedRoles(row);

      it('answers 401 without a token, or with a forged one, appending nothing', async () => {
        const target = await row.prepare('cust-owner');
        const noToken = await refused(row, target, (path) => h.send(row.method, path, target.body, null));
        expect(noToken).toEqual({ status: 401, code: 'unauthenticated' });
        const forged = await mintToken({ secret: FORGED_SECRET, role: 'admin', subject: 'admin-1' });
        const forgedAnswer = await refused(row, target, (path) =>
          h.send(row.method, path, target.body, null, { authorization: `Bearer ${forged}` }),
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
            h.send(row.method, path, target.body, { role, subject }),
          );
          expect(answer).toEqual({ status: 403, code: 'forbidden' });
        },
      );

      it('answers 403 to a custom role granting every permission but this one, appending nothing', async () => {
        const permission = permissionOf.get(`${row.method} ${row.path}`)!;
        const target = await row.prepare('cust-owner');
        const as = { role: 'staff' as const, subject: 'clerk-9', roles: [allBut(permission)] };
        const answer = await refused(row, target, (path) => h.send(row.method, path, target.body, as));
        expect(answer).toEqual({ status: 403, code: 'forbidden' });
      });

      const own = row.customerActsOnOwnOnly;
      // A route on one's own account (`/me`) cannot name another's: a customer without one finds nothing.
      const otherCustomer = own === 'self' ? 404 : own ? own.otherCustomer : 403;
      const otherCode =
        own === 'self' ? 'customer_not_found' : otherCustomer === 404 ? 'not_found' : 'forbidden';
      it(`answers ${otherCustomer} to another customer's token, appending nothing`, async () => {
        const target = await row.prepare('cust-owner');
        const answer = await refused(row, target, (path) =>
          h.send(row.method, path, target.body, { role: 'customer', subject: 'cust-intruder' }),
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
          const target = await row.prepare(row.customerActsOnOwnOnly === 'self' ? subject : owner);
          const revision = await h.store.streamRevision(target.stream);
          const as = kind === 'custom' ? { role, subject, roles: [only(permission)] } : { role, subject };
          const response = await h.send(row.method, url(row, target), target.body, as);
          const body = (await response.json()) as { position?: unknown };
          expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(200);
          expect(response.status, JSON.stringify(body)).toBeLessThan(300);
          expect(body.position).toMatch(/^\d+:\d+$/);
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

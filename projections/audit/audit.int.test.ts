import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { shop, simpleOrder } from '../testing/shop.ts';
import { auditProjection } from './projection.ts';
import { auditEntries, type AuditKeyset, type AuditQuery } from './queries.ts';

const staff = { id: 'staff-7', role: 'staff' } as const;
const customer = { id: 'c1', role: 'customer' } as const;
const system = { id: 'system', role: 'system' } as const;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

function history() {
  const s = shop();
  s.log.at('2026-01-05T09:00:00.000Z');
  s.createLocation('berlin', 'Berlin');
  s.renameLocation('berlin', 'Berlin warehouse');
  s.createProduct('p1', 'MUG', 1200, { name: 'Mug' });
  s.updateProduct('p1', { name: 'Big mug' }, staff);
  s.changePrice('p1', 1000, 'autumn sale');
  s.discontinue('p1', 'end of line');
  s.receive('MUG', 'berlin', 10, staff);
  s.stock(
    {
      type: 'ReserveStock',
      data: {
        sku: 'MUG',
        location: 'berlin',
        orderId: 'o9',
        quantity: 2,
        expiresAt: '2026-02-01T00:00:00.000Z',
        allowBackorder: false,
      },
    },
    system,
  );
  s.stock(
    {
      type: 'ShipStock',
      data: { sku: 'MUG', location: 'berlin', orderId: 'o9', shipmentId: 's9', quantity: 2 },
    },
    system,
  );
  s.log.at('2026-01-06T09:00:00.000Z');
  s.stock(
    {
      type: 'AdjustStock',
      data: { sku: 'MUG', location: 'berlin', delta: -3, reason: 'damage', note: 'dropped' },
    },
    staff,
  );
  s.stock({ type: 'SetLowStockThreshold', data: { sku: 'MUG', location: 'berlin', threshold: 4 } });
  s.order(
    simpleOrder('o1', 'c1', [{ lineId: 'l1', sku: 'MUG', quantity: 1, unitPrice: 1000, location: 'berlin' }]),
    customer,
  );
  s.order({ type: 'AuthorizePayment', data: { orderId: 'o1', paymentRef: 'pi', amount: eur(1500) } }, system);
  s.order(
    {
      type: 'CancelOrder',
      data: { orderId: 'o1', reason: 'requested', note: 'customer called', now: '2026-01-06T10:00:00.000Z' },
    },
    staff,
  );
  s.log.record(
    'projection-orders',
    {
      type: 'ProjectionEventSkipped',
      data: {
        projection: 'orders',
        position: '5:5',
        eventId: 'e5',
        eventType: 'OrderPlaced',
        reason: 'corrupt data',
      },
    },
    { actor: system },
  );
  return s.log.events;
}

describe.each(['pglite', 'postgres'] as const)('audit projection on %s', (backend) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  it('records every staff and admin action and projection skips, with before, after and reason', async () => {
    const spec = await database.spec(auditProjection());
    const tags = await spec.given(history(), { batchSize: 4 });
    const rows = await spec.rows('audit_entries', ['position_commit']);
    expect(
      rows.map((r) => [r.event_type, r.actor_id, r.entity_type, r.entity_id, r.before, r.after, r.reason]),
    ).toEqual([
      ['LocationCreated', 'admin-1', 'location', 'berlin', null, { name: 'Berlin' }, null],
      [
        'LocationRenamed',
        'admin-1',
        'location',
        'berlin',
        { name: 'Berlin' },
        { name: 'Berlin warehouse' },
        null,
      ],
      [
        'ProductCreated',
        'admin-1',
        'product',
        'p1',
        null,
        expect.objectContaining({ sku: 'MUG', price: eur(1200) }),
        null,
      ],
      ['ProductUpdated', 'staff-7', 'product', 'p1', { name: 'Mug' }, { name: 'Big mug' }, null],
      ['PriceChanged', 'admin-1', 'product', 'p1', { price: eur(1200) }, { price: eur(1000) }, 'autumn sale'],
      [
        'ProductDiscontinued',
        'admin-1',
        'product',
        'p1',
        { status: 'active' },
        { status: 'discontinued' },
        'end of line',
      ],
      ['StockReceived', 'staff-7', 'stock', 'MUG@berlin', { onHand: 0 }, { onHand: 10 }, null],
      ['StockAdjusted', 'staff-7', 'stock', 'MUG@berlin', { onHand: 8 }, { onHand: 5 }, 'damage: dropped'],
      ['LowStockThresholdSet', 'admin-1', 'stock', 'MUG@berlin', { threshold: null }, { threshold: 4 }, null],
      [
        'OrderCancelled',
        'staff-7',
        'order',
        'o1',
        null,
        { status: 'cancelled' },
        'requested', // the note is personal text: it stays in data only,
      ],
      ['ProjectionEventSkipped', 'system', 'projection', 'orders', null, null, 'corrupt data'],
    ]);
    expect(tags).toEqual(['audit', 'audit', 'audit', 'audit']);
  });

  it('lists account activity with IP and user agent, without secrets, and erases the IP and user agent with the account', async () => {
    const spec = await database.spec(auditProjection());
    const { log } = shop();
    log.at('2026-03-01T09:00:00.000Z');
    const self = { actor: { id: 'c9', role: 'customer' as const } };
    const seen = { ip: '203.0.113.9', userAgent: 'Firefox/140' };
    log.record(
      'auth-c9',
      { type: 'LoginFailed', data: { accountId: 'c9', reason: 'password', ...seen, at: '' } },
      self,
    );
    log.record(
      'auth-c9',
      {
        type: 'LoginSucceeded',
        data: { accountId: 'c9', sessionId: 's9', methods: ['password'], ...seen, at: '' },
      },
      self,
    );
    log.record(
      'auth-c9',
      { type: 'TotpEnrolmentStarted', data: { accountId: 'c9', secret: 'JBSWY3DPEHPK3PXP', at: '' } },
      self,
    );
    log.record(
      'session-s9',
      {
        type: 'SessionRevoked',
        data: { sessionId: 's9', accountId: 'c9', reason: 'password-reset', at: '' },
      },
      self,
    );
    log.record(
      'customer-c9',
      {
        type: 'CustomerPasswordChanged',
        data: { customerId: 'c9', passwordHash: 'scrypt$secret', reason: 'reset', at: '' },
      },
      self,
    );
    log.record(
      'staff-s7',
      {
        type: 'StaffRolesChanged',
        data: { staffId: 's7', roles: ['admin'], previous: ['staff'], reason: 'lead', at: '' },
      },
      { actor: { id: 'admin-1', role: 'admin' } },
    );
    // Another account's login stays as it is when c9 is erased.
    log.record(
      'auth-c8',
      {
        type: 'LoginSucceeded',
        data: { accountId: 'c8', sessionId: 's8', methods: ['password'], ...seen, at: '' },
      },
      { actor: { id: 'c8', role: 'customer' } },
    );
    await spec.given(log.events);
    const rows = async () =>
      (await spec.rows('audit_entries', ['position_commit'])).map((r) => [
        r.event_type,
        r.actor_id,
        r.entity_type,
        r.entity_id,
        r.data,
        r.after,
      ]);
    const before = await rows();
    expect(before.map((row) => row.slice(0, 5))).toEqual([
      ['LoginFailed', 'c9', 'auth', 'c9', expect.objectContaining(seen)],
      ['LoginSucceeded', 'c9', 'auth', 'c9', expect.objectContaining(seen)],
      ['TotpEnrolmentStarted', 'c9', 'auth', 'c9', { accountId: 'c9', at: '' }],
      ['SessionRevoked', 'c9', 'session', 's9', expect.objectContaining({ reason: 'password-reset' })],
      ['CustomerPasswordChanged', 'c9', 'customer', 'c9', { customerId: 'c9', reason: 'reset', at: '' }],
      ['StaffRolesChanged', 'admin-1', 'staff', 's7', expect.objectContaining({ roles: ['admin'] })],
      ['LoginSucceeded', 'c8', 'auth', 'c8', expect.objectContaining(seen)],
    ]);
    // What the audit API answers: the activity and where it came from, as the entry's `after`.
    expect(before.map((row) => row[5])).toEqual([
      expect.objectContaining({ reason: 'password', ...seen }),
      expect.objectContaining({ methods: ['password'], ...seen }),
      { accountId: 'c9', at: '' },
      expect.objectContaining({ reason: 'password-reset' }),
      { customerId: 'c9', reason: 'reset', at: '' },
      { roles: ['admin'] },
      expect.objectContaining(seen),
    ]);

    log.record(
      'privacy-c9',
      { type: 'CustomerErased', data: { customerId: 'c9', orderIds: [], reason: null } },
      { actor: { id: 'admin-1', role: 'admin' } },
    );
    await spec.given(log.events.slice(-1));
    const erased = { ip: '[erased]', userAgent: '[erased]' };
    const after = await rows();
    expect(after.map((row) => row[5])).toEqual([
      expect.objectContaining(erased),
      expect.objectContaining(erased),
      { accountId: 'c9', at: '' },
      expect.objectContaining({ reason: 'password-reset' }),
      { customerId: 'c9', reason: 'reset', at: '' },
      { roles: ['admin'] },
      expect.objectContaining(seen),
    ]);
    expect(after.map((row) => row[4])).toEqual([
      expect.objectContaining(erased),
      expect.objectContaining(erased),
      { accountId: 'c9', at: '' },
      expect.objectContaining({ reason: 'password-reset' }),
      { customerId: 'c9', reason: 'reset', at: '' },
      expect.objectContaining({ roles: ['admin'] }),
      expect.objectContaining(seen),
    ]);
  });

  it('answers by actor, entity and time range', async () => {
    const spec = await database.spec(auditProjection());
    await spec.given(history());
    const actions = async (query: Omit<AuditQuery, 'limit'>) =>
      (await spec.read((db) => auditEntries(db, { ...query, limit: 100 }))).items.map((e) => e.action);
    expect(await actions({ actorId: 'staff-7' })).toEqual([
      'OrderCancelled',
      'StockAdjusted',
      'StockReceived',
      'ProductUpdated',
    ]);
    expect(await actions({ entityType: 'product', entityId: 'p1' })).toHaveLength(4);
    const day2 = { from: '2026-01-06T00:00:00.000Z', to: '2026-01-07T00:00:00.000Z' };
    expect(await actions(day2)).toEqual([
      'ProjectionEventSkipped',
      'OrderCancelled',
      'LowStockThresholdSet',
      'StockAdjusted',
    ]);
    const first = await spec.read((db) => auditEntries(db, { ...day2, limit: 2 }));
    const second = await spec.read((db) => auditEntries(db, { ...day2, limit: 2, after: first.next! }));
    expect(second.items.map((e) => e.action)).toEqual(['LowStockThresholdSet', 'StockAdjusted']);
    expect(second.next).toBeNull();
  });

  it('pages newest first by keyset, each entry once, the last page without a next keyset', async () => {
    const spec = await database.spec(auditProjection());
    await spec.given(history());
    const all = await spec.read((db) => auditEntries(db, { limit: 200 }));
    expect(all.items).toHaveLength(11);
    expect(all.next).toBeNull();
    const paged: string[] = [];
    let after: AuditKeyset | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await spec.read((db) => auditEntries(db, { limit: 2, after }));
      paged.push(...page.items.map((e) => e.eventId));
      if (page.next === null) break;
      after = page.next;
    }
    expect(paged).toEqual(all.items.map((e) => e.eventId));
    expect(all.items[0]).toEqual({
      eventId: expect.any(String),
      at: '2026-01-06T09:00:00.005Z',
      actor: { id: 'system', role: 'system' },
      entity: { type: 'projection', id: 'orders', stream: 'projection-orders' },
      action: 'ProjectionEventSkipped',
      before: null,
      after: null,
      reason: 'corrupt data',
      correlationId: expect.any(String),
      position: expect.stringMatching(/^\d+:\d+$/),
    });
  });
});

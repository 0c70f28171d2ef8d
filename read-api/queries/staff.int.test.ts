import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditProjection } from '../../projections/audit/projection.ts';
import { openSpecDatabase, type SpecDatabase } from '../../projections/testing/projection-spec.ts';
import { shop } from '../../projections/testing/shop.ts';
import { auditEntries, type AuditKeyset } from './staff.ts';

const staff = { id: 'staff-7', role: 'staff' } as const;

function history() {
  const s = shop();
  s.log.at('2026-01-05T09:00:00.000Z');
  s.createLocation('berlin', 'Berlin');
  s.createProduct('p1', 'MUG', 1200, { name: 'Mug' });
  s.updateProduct('p1', { name: 'Big mug' }, staff);
  s.changePrice('p1', 1000, 'autumn sale');
  s.receive('MUG', 'berlin', 10, staff);
  return s.log.events;
}

describe.each(['pglite', 'postgres'] as const)("the read API's audit query on %s", (backend) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  it('pages newest first by keyset, each entry once, the last page without a next keyset', async () => {
    const spec = await database.spec(auditProjection());
    await spec.given(history());
    const all = await spec.read((db) => auditEntries(db, { limit: 200 }));
    expect(all.items.map((e) => e.action)).toEqual([
      'StockReceived',
      'PriceChanged',
      'ProductUpdated',
      'ProductCreated',
      'LocationCreated',
    ]);
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
    const byStaff = await spec.read((db) => auditEntries(db, { actorId: 'staff-7', limit: 10 }));
    expect(byStaff.items.map((e) => e.action)).toEqual(['StockReceived', 'ProductUpdated']);
  });
});

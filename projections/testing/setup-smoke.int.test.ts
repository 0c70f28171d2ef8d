import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupAudit } from '../audit/setup.ts';
import { setupCatalog } from '../catalog/setup.ts';
import { setupInventory } from '../inventory/setup.ts';
import { setupOrders } from '../orders/setup.ts';
import type { ReadModelProjection } from '../runtime/projection.ts';
import { openSpecDatabase, type SpecDatabase } from './projection-spec.ts';

const setups: ReadModelProjection<never>[] = [
  { name: 'catalog', version: 1, setup: setupCatalog as never, apply: async () => undefined },
  { name: 'inventory', version: 1, setup: setupInventory as never, apply: async () => undefined },
  { name: 'orders', version: 1, setup: setupOrders as never, apply: async () => undefined },
  { name: 'audit', version: 1, setup: setupAudit as never, apply: async () => undefined },
];

describe.each(['pglite', 'postgres'] as const)('read-model setup on %s', (backend) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  it.each(setups.map((s) => [s.name, s] as const))(
    'creates the %s tables in an empty schema',
    async (_name, projection) => {
      const spec = await database.spec(projection);
      const tables = await database.client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = $1`,
        [spec.schema],
      );
      expect(tables.length).toBeGreaterThan(0);
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { hasOrdered } from '../../projections/orders/queries.ts';
import type { OrdersDatabase } from '../../projections/orders/tables.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { productInput } from '../../test-support/product-input.ts';
import { readApiHarness, type ReadApiHarness } from '../../test-support/read-api-harness.ts';
import { createReadModels } from './read-models.ts';

/** The executor, with the statements sent through it written down. */
function recording(sql: SqlExecutor): { sql: SqlExecutor; sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    sql: {
      ...sql,
      query: (text, params, name) => {
        sent.push(text);
        return sql.query(text, params, name);
      },
    },
  };
}

describe('read models: a read stamped with its position, and a lookup without', () => {
  let h: ReadApiHarness;

  beforeAll(async () => {
    h = await readApiHarness('pglite', 'memory');
    await h.handlers.createLocation('berlin', 'Berlin warehouse', h.context());
    await h.handlers.createProduct(productInput('hammer', { allowBackorder: true }), h.context());
    const lines = [{ productId: 'hammer', quantity: 1 }];
    const order = await h.handlers.placeOrder(
      { orderId: 'o-1', customerId: 'ada', currency: 'EUR', lines, shippingAddress: berlinAddress },
      h.context({ id: 'ada', role: 'customer' }),
    );
    await h.settle(order.position);
  });
  afterAll(async () => h?.close());

  it('answers the same rows; only the read asks for the checkpoint', async () => {
    const { sql, sent } = recording(h.sql);
    const readModels = createReadModels(sql);

    const read = await readModels.read<OrdersDatabase, { ordered: boolean; stamped: boolean }>(
      'orders',
      async (view) => ({ ordered: await hasOrdered(view.db, 'ada'), stamped: view.position !== null }),
    );
    expect(read).toEqual({ ordered: true, stamped: true });
    const checkpointQueries = () => sent.filter((text) => text.includes('qm_projection_checkpoints')).length;
    expect(checkpointQueries()).toBe(1);

    sent.length = 0;
    const looked = await readModels.lookup<OrdersDatabase, boolean>('orders', (db) => hasOrdered(db, 'ada'));
    expect(looked).toBe(true);
    expect(await readModels.lookup<OrdersDatabase, boolean>('orders', (db) => hasOrdered(db, 'bob'))).toBe(
      false,
    );
    expect(checkpointQueries()).toBe(0);
    // The schema was resolved by the read a moment ago: the lookups sent their data queries only.
    expect(sent).toHaveLength(2);
  });

  it('refuses a lookup of a read model that is not built, as a read', async () => {
    const readModels = createReadModels(h.sql);
    await expect(readModels.lookup('no-such-model', () => Promise.resolve(1))).rejects.toMatchObject({
      status: 503,
    });
  });
});

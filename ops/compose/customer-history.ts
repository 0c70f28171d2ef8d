import type { CustomerHistory } from '../../commands/command-handlers.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { hasOrdered } from '../../projections/orders/queries.ts';
import type { OrdersDatabase } from '../../projections/orders/tables.ts';
import { createReadModels } from '../../read-api/http/read-models.ts';

/**
 * The customers' past orders from the orders read model, for first-order promotions: one indexed
 * probe per priced customer cart. The read model trails the log by its projector's lag, so an
 * order placed a moment ago may not count yet (a promotion that must never go twice to one
 * customer also sets its per-customer limit, which the write side keeps exactly). While the read
 * model cannot be read, nobody counts as a first-time buyer and a warning is logged: a discount is
 * never given on a guess.
 */
export function readModelCustomerHistory(database: SqlExecutor, log: Pick<Logger, 'warn'>): CustomerHistory {
  const readModels = createReadModels(database);
  return {
    async hasOrdered(customerId) {
      try {
        return await readModels.read<OrdersDatabase, boolean>('orders', (view) =>
          hasOrdered(view.db, customerId),
        );
      } catch (error) {
        log.warn({ err: error }, 'orders read model unreadable: no first-order discounts meanwhile');
        return true;
      }
    },
  };
}

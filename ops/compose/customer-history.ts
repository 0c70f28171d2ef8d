import type { CustomerHistory } from '../../commands/command-handlers.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { hasOrdered } from '../../projections/orders/queries.ts';
import type { OrdersDatabase } from '../../projections/orders/tables.ts';
import { createReadModels } from '../../read-api/http/read-models.ts';

/** How long a customer seen with an order is taken to have one without asking again. */
const ORDERED_TTL_MS = 2_000;
const MAX_REMEMBERED = 10_000;

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
  // Customers seen with an order, until when: a cart prices on every change, and a shopper who
  // has ordered asks again and again. Only a yes is kept, and briefly: it can only withhold a
  // first-order discount (never give one), for at most `ORDERED_TTL_MS` after the customer's only
  // order was cancelled, within the read model's own lag.
  const ordered = new Map<string, number>();
  return {
    async hasOrdered(customerId) {
      const until = ordered.get(customerId);
      if (until !== undefined && until > Date.now()) return true;
      ordered.delete(customerId);
      try {
        const answer = await readModels.lookup<OrdersDatabase, boolean>('orders', (db) =>
          hasOrdered(db, customerId),
        );
        if (answer) {
          ordered.set(customerId, Date.now() + ORDERED_TTL_MS);
          // Bounded: the oldest entry goes first (Map order is insertion order).
          if (ordered.size > MAX_REMEMBERED) ordered.delete(ordered.keys().next().value!);
        }
        return answer;
      } catch (error) {
        log.warn({ err: error }, 'orders read model unreadable: no first-order discounts meanwhile');
        return true;
      }
    },
  };
}

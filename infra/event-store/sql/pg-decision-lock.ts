import type { DecisionLock } from '../../../ports/decision-lock.ts';
import type { SqlClient } from '../../sql/sql-client.ts';

/**
 * `DecisionLock` on PostgreSQL: a transaction-level advisory lock, held by an open transaction on
 * a connection of `client` until release. Give it a small pool of its own: a holder loads and
 * appends on the store's pool, so waiters holding those connections could starve it.
 *
 * Keys use the two-integer advisory key space, which never meets the single-bigint keys the
 * multi-stream append locks streams with (`append-multi-statement.ts`): a holder's own append
 * must not wait for its lock. The transaction writes nothing, so it takes no transaction id and
 * never holds back what readers of the global log can see.
 */
export function pgDecisionLock(client: SqlClient): DecisionLock {
  return {
    acquire(key) {
      return new Promise((resolve, reject) => {
        let release!: () => void;
        const released = new Promise<void>((r) => (release = r));
        let held = false;
        const done = client
          .transaction(async (tx) => {
            await tx.query(`select pg_advisory_xact_lock(hashtext('qm_decide'), hashtext($1))`, [key]);
            held = true;
            resolve({
              release: async () => {
                release();
                await done;
              },
            });
            await released;
          })
          .catch((error: unknown) => {
            if (!held) reject(error instanceof Error ? error : new Error(String(error)));
          });
      });
    },
  };
}

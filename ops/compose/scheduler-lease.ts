import type { Lease } from '../../ports/lease.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlSession } from '../../infra/sql/pg-session.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { acquireLease, instanceHolder } from '../../projections/runtime/instance-lease.ts';

export interface SchedulerLeaseDeps {
  /** Holds the lease rows (`qm_projection_leases`, shared with the projectors). */
  database: SqlExecutor;
  /** A dedicated PostgreSQL session for the advisory lock; left out on PGlite (one process). */
  openSession?: (() => Promise<SqlSession>) | undefined;
  log: Logger;
}

export interface SchedulerLeaseOptions {
  /** How long a lease lasts unrenewed (default 15 s): a hung holder is replaced after it. */
  leaseMs?: number;
  /** How often a standby instance tries to take over (default 1 s). */
  retryMs?: number;
  /** Names this instance in the lease row (default host:pid:random). */
  holder?: string;
}

/**
 * The scheduler `name`'s lease across processes, on the projectors' lease machinery: a holder that
 * dies frees its advisory lock with its session, so a standby takes over within `retryMs`. The row
 * is named `scheduler:<name>`, so it can never be mistaken for a projector's.
 */
export function schedulerLease(
  deps: SchedulerLeaseDeps,
  name: string,
  options: SchedulerLeaseOptions = {},
): Lease {
  const holder = options.holder ?? instanceHolder();
  return {
    acquire: (signal) =>
      acquireLease(
        {
          database: deps.database,
          openSession: deps.openSession,
          name: `scheduler:${name}`,
          holder,
          leaseMs: options.leaseMs ?? 15_000,
          retryMs: options.retryMs ?? 1000,
          log: deps.log.child({ scheduler: name }),
        },
        signal,
      ),
  };
}

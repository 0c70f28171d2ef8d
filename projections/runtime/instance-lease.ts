import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SqlSession } from '../../infra/sql/pg-session.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { sleep } from './sleep.ts';

export interface LeaseOptions {
  database: SqlExecutor;
  /**
   * Opens a dedicated PostgreSQL session for the advisory lock. Without it (PGlite: one process)
   * the lease row alone decides who runs.
   */
  openSession?: (() => Promise<SqlSession>) | undefined;
  name: string;
  /** Unique per instance (host, pid, random), recorded in the lease row. */
  holder: string;
  /** How long a lease lasts without renewal; renewed every third of it. */
  leaseMs: number;
  /** How often a waiting instance tries again. */
  retryMs: number;
  log: Logger;
}

/** Names one instance in a lease row, so an operator can tell which host and process holds it. */
export function instanceHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** The right to run one projector, until released or lost. */
export interface HeldLease {
  /** Aborts when the lease is lost: taken over, or the session holding the lock died. */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

/** The two keys of a lease's advisory lock: the leases' key space, and the lease's name (`$1`). */
const [SPACE_KEY, NAME_KEY] = [`hashtext('qm_projection')`, `hashtext($1)`];
const LOCK = `${SPACE_KEY}, ${NAME_KEY}`;

/**
 * Waits until this instance may run the projector `name`, or until `signal` aborts (then `null`).
 *
 * On PostgreSQL the holder keeps a session-level advisory lock on a dedicated connection, so the
 * server frees it the moment the holder's process dies, and a waiting instance takes over within
 * `retryMs`. The lease row (renewed every `leaseMs / 3`) adds what a lock cannot see: a holder whose
 * connection is alive but whose process hangs stops renewing, and once its lease has expired a
 * waiting instance ends that holder's session to free the lock. A holder that wakes up after being
 * replaced finds the row taken (it stops), and its in-flight batch fails on the checkpoint's
 * compare-and-set, so nothing is applied twice.
 */
export async function acquireLease(options: LeaseOptions, signal: AbortSignal): Promise<HeldLease | null> {
  const { database, name, holder, leaseMs, log } = options;
  let session: SqlSession | null = null;
  while (!signal.aborted) {
    try {
      if (options.openSession && (await lockHeld(database, name))) {
        // A standby asks over its pool first: opening a session only to be refused the lock cost a
        // PostgreSQL backend start per lease per retry (a second process beside `qm serve` waits on
        // six scheduler leases, once a second each, for as long as it runs).
        await endHungHolder(database, name, log);
      } else if (options.openSession) {
        session = await options.openSession();
        const [row] = await session.query<{ locked: boolean }>(
          `select pg_try_advisory_lock(${LOCK}) as locked`,
          [name],
        );
        if (row?.locked) {
          await writeLease(database, name, holder, session.pid, leaseMs, true);
          return hold(options, session);
        }
        await endHungHolder(database, name, log);
        // Only a holder keeps its session: a standby holding one per lease it waits for (every
        // projector and scheduler of every standby process) took more of PostgreSQL's connection
        // slots than the pools themselves, and the fleet's API processes ran out of them.
        await session.close();
        session = null;
      } else if (await writeLease(database, name, holder, null, leaseMs, false)) {
        return hold(options, null);
      }
    } catch (error) {
      log.warn({ err: error, projection: name }, 'projector lease: could not try the lock; retrying');
      await session?.close();
      session = null;
    }
    await sleep(options.retryMs, signal);
  }
  return null;
}

/** Whether some session holds the lock of `name` in this database (`pg_locks`, read over the pool). */
async function lockHeld(db: SqlExecutor, name: string): Promise<boolean> {
  // A two-key advisory lock shows its keys as classid and objid (oids: the int4 keys wrap), objsubid 2.
  const [row] = await db.query<{ held: boolean }>(
    `select exists (
       select 1 from pg_locks
       where locktype = 'advisory' and granted and objsubid = 2
         and database = (select oid from pg_database where datname = current_database())
         and classid = (${SPACE_KEY})::oid and objid = (${NAME_KEY})::oid
     ) as held`,
    [name],
  );
  return row?.held === true;
}

/** Takes the lease row: always when `force` (this instance holds the lock), else only if it is free or expired. */
async function writeLease(
  db: SqlExecutor,
  name: string,
  holder: string,
  pid: number | null,
  leaseMs: number,
  force: boolean,
): Promise<boolean> {
  const rows = await db.query(
    `insert into qm_projection_leases (name, holder, backend_pid, expires_at)
     values ($1, $2, $3, now() + $4 * interval '1 millisecond')
     on conflict (name) do update
       set holder = excluded.holder, backend_pid = excluded.backend_pid, expires_at = excluded.expires_at
       where $5 or qm_projection_leases.expires_at < now() or qm_projection_leases.holder = excluded.holder
     returning 1 as ok`,
    [name, holder, pid, leaseMs, force],
  );
  return rows.length === 1;
}

/** The lock is held but its lease expired: the holder hangs. End its session so the lock is freed. */
async function endHungHolder(db: SqlExecutor, name: string, log: Logger): Promise<void> {
  const [row] = await db.query<{ holder: string; backend_pid: number | null }>(
    `select holder, backend_pid from qm_projection_leases where name = $1 and expires_at < now()`,
    [name],
  );
  if (!row?.backend_pid) return;
  log.warn(
    { projection: name, holder: row.holder, pid: row.backend_pid },
    'projector lease expired while its holder still holds the lock: ending the hung holder session',
  );
  await db.query('select pg_terminate_backend($1)', [row.backend_pid]);
}

function hold(options: LeaseOptions, session: SqlSession | null): HeldLease {
  const { database, name, holder, leaseMs, log } = options;
  const lost = new AbortController();
  let validUntil = Date.now() + leaseMs;
  const lose = (reason: string) => {
    if (lost.signal.aborted) return;
    log.warn({ projection: name, holder, reason }, 'projector lease lost; this instance stops projecting');
    lost.abort(new Error(reason));
  };
  void session?.ended.then(() => lose('the session holding the advisory lock ended'));
  const renew = async () => {
    try {
      const rows = await database.query(
        `update qm_projection_leases set expires_at = now() + $3 * interval '1 millisecond'
         where name = $1 and holder = $2 returning 1 as ok`,
        [name, holder, leaseMs],
      );
      if (rows.length === 0) lose('another instance took the lease over');
      else validUntil = Date.now() + leaseMs;
    } catch (error) {
      if (Date.now() > validUntil) lose('could not renew the lease before it expired');
      else log.warn({ err: error, projection: name }, 'projector lease renewal failed; retrying');
    }
  };
  const timer = setInterval(() => void renew(), Math.max(10, Math.floor(leaseMs / 3)));
  return {
    lost: lost.signal,
    async release() {
      clearInterval(timer);
      lost.abort(new Error('released'));
      await database
        .query('delete from qm_projection_leases where name = $1 and holder = $2', [name, holder])
        .catch(() => undefined);
      if (session) {
        await session.query(`select pg_advisory_unlock(${LOCK})`, [name]).catch(() => undefined);
        await session.close();
      }
    },
  };
}

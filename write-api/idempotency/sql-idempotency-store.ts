import { randomUUID } from 'node:crypto';
import { createMicroBatch } from '../../infra/async/micro-batch.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import {
  DEFAULT_IDEMPOTENCY_LOCK_MS,
  DEFAULT_IDEMPOTENCY_TTL_MS,
  retryAfterMs,
  type ClaimOutcome,
  type IdempotencyStore,
} from './idempotency-store.ts';

export interface SqlIdempotencyStoreOptions {
  /** How long a key and its recorded answer live. Default 24 hours. */
  ttlMs?: number;
  /** How long an unfinished claim blocks its key (see `DEFAULT_IDEMPOTENCY_LOCK_MS`). */
  lockMs?: number;
  /** The store's clock; tests move it. */
  now?: () => Date;
}

/** An idempotency store that can also drop its expired keys. */
export interface SqlIdempotencyStore extends IdempotencyStore {
  /** Deletes the keys expired by now; returns how many. Run it now and then (e.g. hourly). */
  purgeExpired(): Promise<number>;
}

interface KeyRow {
  fingerprint: string;
  status: number | null;
  headers: [string, string][] | null;
  body: Uint8Array | null;
  locked_until: Date | string;
}

/**
 * Idempotency keys in the `qm_idempotency_keys` table (migration 0002), on PostgreSQL or PGlite.
 * Claims are atomic through the primary key (`insert ... on conflict do nothing`), so concurrent
 * identical requests, even on different processes, run their handler once.
 */
export function createSqlIdempotencyStore(
  sql: SqlExecutor,
  options: SqlIdempotencyStoreOptions = {},
): SqlIdempotencyStore {
  const ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
  const lockMs = options.lockMs ?? DEFAULT_IDEMPOTENCY_LOCK_MS;
  const now = options.now ?? (() => new Date());
  const later = (from: Date, ms: number) => new Date(from.getTime() + ms).toISOString();

  /**
   * A fresh key's claim, the common case: many requests' claims go as one insert, committed without
   * waiting for the WAL flush (`synchronous_commit` off for that statement alone). Safe, because a
   * claim only matters once its request has appended, and the append commits after the claim and
   * flushes the WAL up to itself, the claim's commit record included: no crash keeps a request's
   * events and loses its claim (whose `resumed` makes the retry answer those events instead of
   * deciding again). A claim lost with nothing appended leaves a retry to run as new, as it should.
   * Each write request was waiting for two flushes, the claim's and its append's.
   */
  const insertClaims = createMicroBatch(async (claims: NewClaim[]) => {
    const inserted = await sql.query<{ token: string }>(
      `insert into qm_idempotency_keys (scope, key, fingerprint, token, created_at, locked_until, expires_at)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[],
                            $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
       where set_config('synchronous_commit', 'off', true) is not null
       on conflict (scope, key) do nothing
       returning token`,
      columns(claims, ['scope', 'key', 'fingerprint', 'token', 'createdAt', 'lockedUntil', 'expiresAt']),
      'qm_idempotency_claim',
    );
    const won = new Set(inserted.map((row) => row.token));
    return claims.map((claim) => won.has(claim.token));
  });

  /**
   * Answers recorded for many requests in one update, committed without waiting for the WAL flush
   * (`synchronous_commit` off for that statement alone). Safe, because the event log is the record
   * of what ran: should a crash lose a recorded answer, its claim lapses and the retry that takes it
   * over is told it resumes a dead run, finds the events that run appended, and answers them.
   */
  const recordAnswers = createMicroBatch(async (answers: Answer[]) => {
    await sql.query(
      `update qm_idempotency_keys k
       set status = v.status, headers = v.headers::jsonb, body = decode(v.body, 'hex')
       from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[])
            as v(scope, key, token, status, headers, body)
       where k.scope = v.scope and k.key = v.key and k.token = v.token
         and set_config('synchronous_commit', 'off', true) is not null`,
      columns(answers, ['scope', 'key', 'token', 'status', 'headers', 'body']),
      'qm_idempotency_complete',
    );
    return answers.map(() => undefined);
  });

  async function claimOnce(
    scope: string,
    key: string,
    fingerprint: string,
    fresh: boolean,
  ): Promise<ClaimOutcome | null> {
    const at = now();
    const token = randomUUID();
    const claim = { scope, key, token };
    const times = [at.toISOString(), later(at, lockMs), later(at, ttlMs)] as const;
    // Most keys are new: try the insert first, together with every other request's.
    if (fresh) {
      const [createdAt, lockedUntil, expiresAt] = times;
      const row = { scope, key, fingerprint, token, createdAt, lockedUntil, expiresAt };
      if (await insertClaims(row)) return { outcome: 'claimed', claim, resumed: false };
    }
    // An expired answer, or a lapsed claim of this same request (its holder died), no longer holds
    // the key: one update takes it over, so of two concurrent retries exactly one does (the row lock
    // makes the second see the first's fresh lock). A lapsed claim of another request keeps the key:
    // that is a reuse of the key (422).
    const [takenOver] = await sql.query<{ resumed: boolean }>(
      `with old as (
         select scope, key, (status is null and expires_at > $4::timestamptz) as lapsed
         from qm_idempotency_keys where scope = $1 and key = $2 for update
       )
       update qm_idempotency_keys k
       set fingerprint = $3, token = $7, status = null, headers = null, body = null,
           created_at = $4::timestamptz, locked_until = $5::timestamptz, expires_at = $6::timestamptz
       from old
       where k.scope = old.scope and k.key = old.key
         and (k.expires_at <= $4::timestamptz
              or (k.status is null and k.locked_until <= $4::timestamptz and k.fingerprint = $3))
       returning old.lapsed as resumed`,
      [scope, key, fingerprint, ...times, token],
    );
    if (takenOver) return { outcome: 'claimed', claim, resumed: takenOver.resumed };
    if (!fresh) {
      const inserted = await sql.query(
        `insert into qm_idempotency_keys (scope, key, fingerprint, token, created_at, locked_until, expires_at)
         values ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7::timestamptz)
         on conflict (scope, key) do nothing
         returning token`,
        [scope, key, fingerprint, token, ...times],
      );
      if (inserted.length > 0) return { outcome: 'claimed', claim, resumed: false };
    }
    const [row] = await sql.query<KeyRow>(
      'select fingerprint, status, headers, body, locked_until from qm_idempotency_keys where scope = $1 and key = $2',
      [scope, key],
    );
    if (!row) return null; // Released between our insert and select: the key is free again.
    if (row.status === null) {
      const lockedUntil = new Date(row.locked_until).getTime();
      return {
        outcome: 'in_flight',
        fingerprint: row.fingerprint,
        retryAfterMs: retryAfterMs(lockedUntil, at.getTime(), lockMs),
      };
    }
    return {
      outcome: 'completed',
      fingerprint: row.fingerprint,
      response: { status: row.status, headers: row.headers ?? [], body: new Uint8Array(row.body ?? []) },
    };
  }

  return {
    lockMs,
    async claim({ scope, key, fingerprint }) {
      for (let attempt = 0; attempt < 5; attempt++) {
        // After a lost race (the key was released meanwhile) the takeover goes first, as the slow path.
        const outcome = await claimOnce(scope, key, fingerprint, attempt === 0);
        if (outcome) return outcome;
      }
      throw new Error(`Idempotency key ${key} keeps being claimed and released; giving up.`);
    },
    async renew(claim) {
      await sql.query(
        `update qm_idempotency_keys set locked_until = $4::timestamptz
         where scope = $1 and key = $2 and token = $3 and status is null`,
        [claim.scope, claim.key, claim.token, later(now(), lockMs)],
      );
    },
    async complete(claim, response) {
      await recordAnswers({
        ...claim,
        status: response.status,
        headers: JSON.stringify(response.headers),
        body: Buffer.from(response.body).toString('hex'),
      });
    },
    async release(claim) {
      await sql.query('delete from qm_idempotency_keys where scope = $1 and key = $2 and token = $3', [
        claim.scope,
        claim.key,
        claim.token,
      ]);
    },
    purgeExpired: () => purgeExpiredIdempotencyKeys(sql, now()),
    async forgetAnswersMentioning(values) {
      if (values.length === 0) return 0;
      const rows = await sql.query(
        `delete from qm_idempotency_keys
         where body is not null
           and exists (select 1 from unnest($1::text[]) as v(value)
                       where position(v.value in convert_from(body, 'UTF8')) > 0)
         returning key`,
        [values],
      );
      return rows.length;
    },
  };
}

interface NewClaim {
  scope: string;
  key: string;
  fingerprint: string;
  token: string;
  createdAt: string;
  lockedUntil: string;
  expiresAt: string;
}

interface Answer {
  scope: string;
  key: string;
  token: string;
  status: number;
  /** JSON of the replayable headers. */
  headers: string;
  /** The body, hex-encoded (arrays of bytea travel as text on every driver). */
  body: string;
}

/** One array parameter per column, for `unnest`: rows go to PostgreSQL as a handful of arrays. */
function columns<Row, Key extends keyof Row>(rows: readonly Row[], keys: readonly Key[]): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key]));
}

/** Deletes every idempotency key expired at `at`; returns how many. */
export async function purgeExpiredIdempotencyKeys(sql: SqlExecutor, at: Date = new Date()): Promise<number> {
  const [row] = await sql.query<{ purged: number }>(
    `with purged as (delete from qm_idempotency_keys where expires_at <= $1::timestamptz returning 1)
     select count(*)::int as purged from purged`,
    [at.toISOString()],
  );
  return row?.purged ?? 0;
}

import type { SigningKeys } from '../infra/auth/signing-keys.ts';
import type { EventStore } from '../ports/event-store.ts';
import type { Position } from '../ports/position.ts';
import type { AnalyticsClient } from '../infra/analytics/analytics-client.ts';
import type { ReadThroughCache } from '../infra/cache/read-through-cache.ts';
import type { HttpGuards } from '../infra/http/http-guards.ts';
import type { ImportJobs } from '../infra/imports/import-jobs.ts';
import type { Logger } from '../infra/logging/logger.ts';
import type { SqlExecutor } from '../infra/sql/sql-client.ts';
import type { TokenVerifier } from './http/auth.ts';
import type { DashboardRoutesDeps } from './routes/dashboard-routes.ts';

/** One backend this process depends on, for `/admin/health`: what it is, and a round trip to it. */
export interface BackendCheck {
  /** `eventStore`, `readModels`, `cache`, `analytics`, `bus`. */
  name: string;
  /** Which implementation: `postgres`, `pglite`, `esdb`, `redis`, `memory`, `chdb`, `clickhouse`, `nats`, ... */
  kind: string;
  /** Resolves when it answers; throws saying why when not. */
  check(): Promise<void>;
}

/** Everything the read API needs, passed in by the composition root (no globals, no container). */
export interface ReadApiDeps {
  /** The read-model database (a read-only role or replica is enough: the read API never writes). */
  db: SqlExecutor;
  /** Product detail, listings and search answers; invalidated by what the projectors apply. */
  cache: ReadThroughCache;
  /** The same verifier as the write API (`verifierFromConfig`), so both accept the same tokens. */
  verifier: TokenVerifier;
  /** This server's signing keys: their public half at `/.well-known/jwks.json`. */
  signingKeys?: SigningKeys;
  log: Logger;
  /** How long a read carrying a consistency token waits for its projection (`QM_READ_WAIT_MS`). */
  consistencyWaitMs: number;
  /**
   * Admin: every projector's position and lag and the event store's head, as JSON (the runtime's
   * `projectionStatus`, bound to the database and event store by the composition root).
   */
  projectionStatus: () => Promise<unknown>;
  /**
   * When the projectors run in this process: their own wait (woken per batch, no polling). Without
   * it the read API polls the checkpoints table, which works from any process.
   */
  waitForProjections?: (names: readonly string[], position: Position, timeoutMs: number) => Promise<boolean>;
  /**
   * The event log's visible head (`EventStore.headPosition`): a consistency token beyond it is
   * refused instead of waited for. Without it, any well-formed token is waited for.
   */
  headPosition?: () => Promise<Position | null>;
  /**
   * Whether a token beyond the head names a committed event (`EventStore.isCommitted`): such a
   * token is real, only hidden by an older transaction still running, and is waited for like any
   * other. Without it, a token still beyond the head after a short grace is refused.
   */
  isCommitted?: (position: Position) => Promise<boolean>;
  /** The command API's imports in this process, pushed on `/live/events` (`import-progress`). */
  imports?: ImportJobs;
  /** Admin time travel (`/admin/streams/...`) reads the event store; mounted when given. */
  store?: EventStore;
  /** Admin analytics reports (`/admin/analytics/...`), best a read-only client; mounted when given. */
  analytics?: AnalyticsClient;
  /** Headers, CORS, block list, per-address rate limits, body limit, timeout (`http-guards.ts`). */
  guards?: HttpGuards;
  /**
   * Every backend of this process, for `/admin/health` (the System page). A function, because the
   * composition root opens some (the bus) after the read API; left out, the route is not mounted.
   */
  backends?: () => readonly BackendCheck[];
  /** The admin dashboard's static files under `/dashboard` (`routes/dashboard-routes.ts`). */
  dashboard?: DashboardRoutesDeps;
}

import { z } from 'zod';
import { commaList, isIpRule, isOrigin } from './http-settings.ts';
import { parseRateBudgetOverrides } from './rate-budget-overrides.ts';

/**
 * Everything configurable, read from the environment once at start-up. No variable set means the
 * embedded mode: PGlite in a data folder, no services needed. Each URL set switches one part to its
 * server: the same code paths, the same tests.
 */
const configSchema = z.object({
  /**
   * The embedded data root: PGlite in `pglite/`, chDB in `analytics/`, the JWT secret in `secrets/`
   * (see data-root.ts); `memory://` for a throwaway store.
   */
  QM_DATA_DIR: z.string().min(1).default('.data'),
  /** PostgreSQL for events (unless EVENTSTORE_URL) and read models. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * A hot-standby replica of DATABASE_URL's database: the read API reads its models there. A read
   * carrying a consistency token waits (up to QM_READ_WAIT_MS) until the replica has replayed the
   * projectors' checkpoints past the token, and is marked `X-Stale` when it has not.
   */
  READ_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** EventStoreDB/KurrentDB for events, e.g. `kurrentdb://127.0.0.1:2113?tls=false`. */
  EVENTSTORE_URL: z.string().min(1).optional(),
  /** Picks the event store explicitly; by default: esdb if EVENTSTORE_URL, else postgres if DATABASE_URL, else pglite. */
  QM_EVENT_STORE: z.enum(['pglite', 'postgres', 'esdb']).optional(),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  HOST: z.string().default('127.0.0.1'),
  /** The command (write) API. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The storefront/staff read API: its own port, so reads and writes scale and cache apart (CQRS). */
  READ_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Stripe: set the secret key to take card payments; without it the manual provider records payments. */
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key (sk_test_...)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .startsWith('whsec_', 'must be a Stripe webhook signing secret (whsec_...)')
    .optional(),
  /** Points the Stripe SDK elsewhere (a local stand-in for tests), e.g. http://127.0.0.1:12111. */
  STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** EasyPost: set the API key (and the webhook secret) to buy labels and take tracking webhooks. */
  QM_EASYPOST_API_KEY: z.string().min(1).optional(),
  QM_EASYPOST_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Points the EasyPost SDK elsewhere (a local stand-in for tests), e.g. http://127.0.0.1:12112/v2/. */
  QM_EASYPOST_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The address parcels leave from, printed on labels: JSON with name, line1, line2, city, postalCode, region, country. */
  QM_SHIP_FROM: z.string().min(2).optional(),
  /** Capture the payment when it is authorized, or when the order ships. */
  QM_CAPTURE_AT: z.enum(['authorization', 'shipment']).default('shipment'),
  QM_RESERVATION_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(15),
  /** How long starting checkout holds a cart's stock (docs/carts.md), in seconds: default 10 minutes. */
  QM_CHECKOUT_HOLD_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60 * 60)
    .default(600),
  /** Units of one SKU one cart may hold during checkout. */
  QM_CHECKOUT_HOLD_MAX_PER_CART: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Units of one SKU one customer may hold over all its carts and all locations. */
  QM_CHECKOUT_HOLD_MAX_PER_CUSTOMER: z.coerce.number().int().min(1).max(100_000).default(20),
  /**
   * The abandoned-cart reminder sequence (with marketing consent): a cart with an email gets step
   * N once it has sat untouched the N-th of these many minutes, comma-separated and increasing
   * (default: after 1 hour, then after 24 hours). Touching the cart starts the sequence over.
   */
  QM_CART_REMINDER_STEPS_MINUTES: z
    .string()
    .default('60,1440')
    .transform((text, ctx) => {
      const steps = text.split(',').map((part) => Number(part.trim()));
      const valid =
        steps.length >= 1 &&
        steps.length <= 10 &&
        steps.every(
          (n, i) => Number.isInteger(n) && n >= 1 && n <= 30 * 24 * 60 && (i === 0 || n > steps[i - 1]!),
        );
      if (!valid)
        ctx.addIssue({
          code: 'custom',
          message: 'must be 1 to 10 increasing whole minutes, such as 60,1440',
        });
      return steps;
    }),
  /**
   * The storefront page that restores an abandoned cart (`https://shop.example/cart/restore`): each
   * reminder links to it with `cart`, `step` and `token` in the query, and the page posts them to
   * `POST /cart-restore/{cartId}`. Unset: reminders name the cart without a link.
   */
  QM_STOREFRONT_CART_RESTORE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * A promotion whose codes are `unique`: each reminded cart gets one single-use code of it, applied
   * when the shopper restores the cart from the reminder's link. Unset: no recovery code.
   */
  QM_CART_RECOVERY_PROMOTION: z
    .string()
    .regex(/^[A-Za-z0-9._~:+=-]{1,64}$/, 'must be a promotion id')
    .optional(),
  QM_ALLOCATION_STRATEGY: z.enum(['single-location-first', 'split-greedy']).default('single-location-first'),
  /**
   * When set, `/metrics` answers only requests with `Authorization: Bearer <METRICS_TOKEN>` (16
   * characters at least): the metrics name routes, projections and volumes.
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * When set, `/metrics` is served on this port only (beside `/health/*`), not on the API ports:
   * a port the balancer does not expose, for Prometheus alone.
   */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** `/health/ready` fails while a projector of this process is further behind than this, in seconds. */
  QM_READY_MAX_LAG_SECONDS: z.coerce.number().min(0).max(86_400).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Shared secret for HS256 tokens (what `qm token` signs with). 32 characters at least: a shorter
   * HMAC key can be brute-forced offline from any token it signed.
   */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Where an identity provider publishes its signing keys; tokens are then verified against them. */
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** When set, tokens must carry this `iss`. */
  AUTH_ISSUER: z.string().min(1).optional(),
  /** When set, tokens must carry this `aud`. */
  AUTH_AUDIENCE: z.string().min(1).optional(),
  /**
   * The longest a token may live (`exp` minus `iat`, and `exp` minus now), in seconds; tokens must
   * carry `exp`. A token that never expires stays usable for as long as it leaks.
   */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(31_536_000).default(86_400),
  /** Lifetime of the access tokens login issues, in seconds (default 15 minutes). */
  QM_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /** How long a login's refresh-token family lives, in seconds (default 30 days). */
  QM_REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(31_536_000).default(2_592_000),
  /** Roles that must have a second factor (comma-separated); without one their login may only enrol. */
  QM_REQUIRE_2FA_ROLES: z
    .string()
    .default('admin')
    .transform((value) =>
      value
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean),
    ),
  /** Refunds and role changes need a second factor passed within this many minutes. */
  QM_STEP_UP_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** Encrypts the signing keys' private halves at rest (else AUTH_JWT_SECRET; else stored plain). */
  QM_SIGNING_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** A signing key older than this many days is rotated (the old one verifies for the overlap). */
  QM_SIGNING_KEY_ROTATION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * NATS with JetStream for the event fan-out, e.g. `nats://127.0.0.1:4222`; without it an
   * in-process bus. A cluster's servers comma-separated (`nats://a:4222,nats://b:4222`): the client
   * starts with any of them and fails over to the others.
   */
  NATS_URL: z
    .string()
    .refine(
      (value) =>
        value.split(',').every((url) => z.url({ protocol: /^(nats|tls|wss?)$/ }).safeParse(url).success),
      'one nats:// (or tls://, ws://, wss://) URL, or several comma-separated',
    )
    .optional(),
  /**
   * Copies JetStream keeps of the event stream (1, or 3 or 5 on a cluster): with 3, the stream
   * survives the loss of one server, and publishes pause only while a new leader is elected.
   */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  /** The JetStream stream holding the events, and the subject prefix (`<prefix>.<category>.<type>`). */
  NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('QM_EVENTS'),
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('events'),
  /** How long a consumer may hold a message unacknowledged before JetStream redelivers it. */
  NATS_ACK_WAIT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** SMTP for notification mail, e.g. `smtp://user:pass@mail.example.com:587`; without it mail goes to the outbox (`qm mail list`). */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From address of notification mail. */
  QM_MAIL_FROM: z.string().min(3).default('Quartermaster <no-reply@quartermaster.invalid>'),
  /** Who receives stock alerts (low stock, back in stock): one address or several, comma-separated. */
  QM_ADMIN_EMAIL: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((address) => address.trim())
        .filter((address) => address.length > 0),
    )
    .pipe(z.array(z.email()))
    .default([]),
  /** Mail attempts before a delivery is parked for admins, and how long a sender holds a claimed mail. */
  QM_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(6),
  QM_MAIL_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Redis for the read API's cache (shared by every process); without it each process caches in memory. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /**
   * Rate-limit budgets that differ from the defaults (infra/http/rate-budgets.ts), as
   * `<budget>.<ip|account>=<points>/<seconds>` separated by commas, e.g.
   * `read.ip=2400/60,login.account=5/900`. Budgets: read, write, login, reset, 2fa, signup. Counted in
   * Redis when REDIS_URL is set (shared by every API process), else in this process's memory.
   */
  QM_RATE_LIMITS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const parsed = parseRateBudgetOverrides(value);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  /**
   * How many reverse proxies in front of the APIs append to `X-Forwarded-For`: the client address
   * is then the entry that many places from the right. 0 (default): the socket's peer, and the
   * header is ignored, since any client can write it.
   */
  QM_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Addresses and CIDR ranges refused with 403 on both APIs, comma-separated (`203.0.113.0/24,2001:db8::/32`). */
  QM_IP_BLOCKLIST: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const rules = commaList(value);
      for (const rule of rules) {
        if (!isIpRule(rule))
          ctx.addIssue({ code: 'custom', message: `${rule} is not an IP address or CIDR range` });
      }
      return rules;
    }),
  /** The largest request body any route reads, in bytes (413 beyond it). */
  QM_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(1_048_576),
  /** The largest body of an upload route (CSV imports under `/imports/`), in bytes. */
  QM_UPLOAD_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(52_428_800),
  /**
   * Browser origins allowed to call the APIs with credentials (CORS), comma-separated, e.g.
   * `https://shop.example.com`. Empty (default): no cross-origin browser access. `*` is refused:
   * with credentials it would let any site act as its visitors.
   */
  QM_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const origins = commaList(value);
      for (const origin of origins) {
        if (!isOrigin(origin)) {
          ctx.addIssue({
            code: 'custom',
            message: `${origin} is not an origin (scheme://host[:port], no path; * is not allowed)`,
          });
        }
      }
      return origins;
    }),
  /** How long a handler may run before the request is answered 503 (the work is not cancelled). */
  QM_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** How long a client may take to send the request headers before the connection is answered 408 and closed. */
  QM_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** How long a read carrying a consistency token waits for its projection before answering stale. */
  QM_READ_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /** Safety-net lifetime of a cached read answer; events invalidate entries long before. */
  QM_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** ClickHouse server for analytics, e.g. http://127.0.0.1:8123; without it, embedded chDB in CHDB_PATH. */
  CLICKHOUSE_URL: z.url({ protocol: /^https?$/ }).optional(),
  CLICKHOUSE_USER: z.string().min(1).optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  /** The database holding the analytics tables (on the server and in chDB alike). */
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)')
    .default('analytics'),
  /**
   * A ClickHouse cluster (from the server's `remote_servers`) to keep the analytics tables on as
   * replicated tables, with Keeper: every CREATE and DROP runs `ON CLUSTER`, and each MergeTree
   * becomes its Replicated twin (one shard, every replica holding all rows). Only with CLICKHOUSE_URL.
   */
  CLICKHOUSE_CLUSTER: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)')
    .optional(),
  /** Where embedded chDB keeps its files; by default `analytics/` inside QM_DATA_DIR. */
  CHDB_PATH: z.string().min(1).optional(),
  /** Supplier lead time in days for reorder points, unless a SKU and location has its own policy. */
  QM_LEAD_TIME_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Cycle service level the safety stock is sized for (chance of no stockout in a lead time). */
  QM_SERVICE_LEVEL: z.coerce.number().min(0.5).max(0.9999).default(0.95),
  /** Days of expected demand a replenishment suggestion orders beyond the reorder point. */
  QM_REVIEW_PERIOD_DAYS: z.coerce.number().int().min(0).max(365).default(7),
});

export type Config = z.infer<typeof configSchema> & { eventStore: 'pglite' | 'postgres' | 'esdb' };

/** Thrown with every bad variable named, so an operator can fix them all at once. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly issues: string[]) {
    super(
      `Invalid configuration:\n- ${issues.join('\n- ')}\nFix these environment variables and start again.`,
    );
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const config = parsed.data;
  const eventStore =
    config.QM_EVENT_STORE ?? (config.EVENTSTORE_URL ? 'esdb' : config.DATABASE_URL ? 'postgres' : 'pglite');
  if (eventStore === 'postgres' && !config.DATABASE_URL) {
    throw new ConfigError(['QM_EVENT_STORE=postgres needs DATABASE_URL']);
  }
  if (config.READ_DATABASE_URL && !config.DATABASE_URL) {
    throw new ConfigError(['READ_DATABASE_URL is a replica of DATABASE_URL: set DATABASE_URL too']);
  }
  if (eventStore === 'esdb' && !config.EVENTSTORE_URL) {
    throw new ConfigError(['QM_EVENT_STORE=esdb needs EVENTSTORE_URL']);
  }
  // A handler must outlive the consistency wait, or every read that waits is cut off first.
  if (config.QM_REQUEST_TIMEOUT_MS <= config.QM_READ_WAIT_MS) {
    throw new ConfigError(['QM_REQUEST_TIMEOUT_MS must be longer than QM_READ_WAIT_MS']);
  }
  // One source of truth for signing keys: accepting both would let a leaked local secret mint
  // tokens that a JWKS deployment trusts.
  if (config.AUTH_JWT_SECRET && config.AUTH_JWKS_URL) {
    throw new ConfigError(['set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both']);
  }
  return { ...config, eventStore };
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import { accountHandlers, type AccountHandlers } from '../commands/accounts/account-handlers.ts';
import { authHandlers, type AuthHandlers } from '../commands/auth/auth-handlers.ts';
import { eventSourcedLoginAccounts } from '../commands/auth/login-accounts.ts';
import { accountSecrets } from '../infra/auth/account-secrets.ts';
import { withRevocations } from '../infra/auth/revoked-sessions.ts';
import { memoryRevocations } from '../infra/auth/session-revocations.ts';
import { sessionTokens } from '../infra/auth/session-tokens.ts';
import { openSigningKeys } from '../infra/auth/signing-keys.ts';
import { otpauthTotp } from '../infra/auth/totp.ts';
import { sqlMailQueue } from '../infra/mail/sql-mail-queue.ts';
import { commandRuntime } from '../ops/compose/command-runtime.ts';
import type { PaymentsPort } from '../ports/payments.ts';
import { uuidV7Ids } from '../infra/ids/uuid-v7-ids.ts';
import { createLogger } from '../infra/logging/logger.ts';
import type { Role } from '../infra/auth/actor.ts';
import { withGrants } from '../infra/auth/grants.ts';
import { createJwtVerifier } from '../infra/auth/jwt-verifier.ts';
import { eventSourcedRoleCatalog } from '../infra/auth/role-catalog.ts';
import { mintToken } from '../infra/auth/mint-token.ts';
import type { HttpGuards } from '../infra/http/http-guards.ts';
import { createWriteApi } from '../write-api/app.ts';
import { createSqlIdempotencyStore } from '../write-api/idempotency/sql-idempotency-store.ts';
import { sqlProcessedWebhooks } from '../write-api/webhooks/processed-webhooks.ts';
import { commandHarness, type Backend, type CommandHarness } from './command-harness.ts';
import type { CarrierDeps, OrderSettings } from '../commands/orders/order-deps.ts';

const SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** Who a request comes from; `secondFactorAt` (epoch seconds) marks a second factor passed then. */
export type Caller = { role: Role; subject: string; roles?: readonly string[]; secondFactorAt?: number };

export interface WriteApiHarness extends CommandHarness {
  app: OpenAPIHono;
  /** Customer and staff accounts over the same store, mailing through the outbox tables. */
  accounts: AccountHandlers;
  token(role: Role, subject: string, roles?: readonly string[]): Promise<string>;
  /** Any method, JSON body, as `role`/`subject` (null: no token), with a fresh Idempotency-Key unless given. */
  send(
    method: string,
    path: string,
    body: unknown,
    as?: Caller | null,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /**
   * Login, sessions and 2FA (`auth: true`): the handlers, and an access token this API signs for a
   * session (`sid`), as its login issues (tokens from `token` carry no session).
   */
  auth?: {
    handlers: AuthHandlers;
    sessionToken(
      as: { role: Role; subject: string; roles?: readonly string[] },
      sessionId: string,
    ): Promise<string>;
  };
  /** POSTs JSON as `role`/`subject` (with `roles`, when given) and a fresh Idempotency-Key unless one is given. */
  post(path: string, body: unknown, as?: Caller | null, headers?: Record<string, string>): Promise<Response>;
}

/** The write API in-process (`app.request()`) over the real write side on a fresh database. */
export async function writeApiHarness(
  backend: Backend,
  options: {
    payments?: PaymentsPort;
    settings?: Partial<OrderSettings>;
    stripeWebhookSecret?: string;
    guards?: HttpGuards;
    /** Mount login, sessions and 2FA (signing keys in the database, revocations in memory). */
    auth?: boolean;
    stepUpMinutes?: number;
    carrier?: CarrierDeps;
    /** The promotions' own discount stage (see `commandHarness`). */
    promotions?: Parameters<typeof commandHarness>[1] extends infer O
      ? O extends { promotions?: infer P }
        ? P
        : never
      : never;
  } = {},
): Promise<WriteApiHarness> {
  return writeApiOver(await commandHarness(backend, options), options);
}

/** The write API over a write side that already exists (one a read API harness follows, say). */
export function writeApiOver<Harness extends CommandHarness>(
  harness: Harness,
  options: {
    stripeWebhookSecret?: string;
    guards?: HttpGuards;
    auth?: boolean;
    /** Refunds and role changes need a second factor within this many minutes; unset: no check. */
    stepUpMinutes?: number;
  } = {},
): Harness & WriteApiHarness {
  const runtime = commandRuntime(harness.store);
  const accounts = accountHandlers({ runtime, secrets: accountSecrets, mail: sqlMailQueue(harness.sql) });
  const keys = options.auth ? openSigningKeys({ sql: harness.sql, overlapMs: 3_600_000 }) : undefined;
  const revocations = memoryRevocations();
  const tokens = keys && sessionTokens({ keys, accessTtlSeconds: 900, refreshTtlSeconds: 86_400 });
  const handlers =
    tokens &&
    authHandlers({
      runtime,
      accounts: eventSourcedLoginAccounts(runtime),
      secrets: accountSecrets,
      tokens,
      totp: otpauthTotp({ issuer: 'Quartermaster test' }),
      revocations,
      settings: { requireSecondFactorRoles: [], accessTtlSeconds: 900, totpIssuer: 'Quartermaster test' },
    });
  const app = createWriteApi({
    handlers: harness.handlers,
    accounts,
    clock: harness.clock,
    ids: uuidV7Ids,
    // Custom roles read fresh on every request, so a test sees a role the moment it is defined.
    verifier: withGrants(
      withRevocations(
        createJwtVerifier({ secret: SECRET, ...(keys ? { localKeys: keys } : {}) }),
        revocations,
      ),
      eventSourcedRoleCatalog(harness.store, { ttlMs: 0 }),
    ),
    ...(handlers && keys ? { auth: { handlers }, signingKeys: keys } : {}),
    idempotencyStore: createSqlIdempotencyStore(harness.sql),
    processedWebhooks: sqlProcessedWebhooks(harness.sql),
    log: createLogger('silent'),
    ...(options.stripeWebhookSecret ? { stripeWebhookSecret: options.stripeWebhookSecret } : {}),
    ...(options.guards ? { guards: options.guards } : {}),
    ...(options.stepUpMinutes === undefined ? {} : { stepUpMinutes: options.stepUpMinutes }),
  });
  const token = (role: Role, subject: string, roles?: readonly string[], secondFactorAt?: number) =>
    mintToken({
      secret: SECRET,
      role,
      subject,
      ...(roles ? { roles } : {}),
      ...(secondFactorAt === undefined ? {} : { secondFactorAt }),
    });
  async function send(
    method: string,
    path: string,
    body: unknown,
    as: Caller | null = {
      role: 'admin',
      subject: 'admin-1',
    },
    headers: Record<string, string> = {},
  ) {
    const auth: Record<string, string> = as
      ? { authorization: `Bearer ${await token(as.role, as.subject, as.roles, as.secondFactorAt)}` }
      : {};
    return app.request(path, {
      method,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': uuidV7Ids.newId(),
        ...auth,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
  const auth = handlers &&
    tokens && {
      handlers,
      sessionToken: async (
        as: { role: Role; subject: string; roles?: readonly string[] },
        sessionId: string,
      ) =>
        (
          await tokens.issueAccess({
            accountId: as.subject,
            role: as.role,
            roles: as.roles ?? [as.role],
            sessionId,
            secondFactorAt: null,
            enrolOnly: false,
          })
        ).token,
    };
  return {
    ...harness,
    app,
    accounts,
    token,
    send,
    ...(auth ? { auth } : {}),
    post: (path, body, as = { role: 'admin', subject: 'admin-1' }, headers = {}) =>
      send('POST', path, body, as, headers),
  };
}

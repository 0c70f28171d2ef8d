import type { OpenAPIHono } from '@hono/zod-openapi';
import { accountHandlers, type AccountHandlers } from '../commands/accounts/account-handlers.ts';
import { accountSecrets } from '../infra/auth/account-secrets.ts';
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
    as?: { role: Role; subject: string; roles?: readonly string[] } | null,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** POSTs JSON as `role`/`subject` (with `roles`, when given) and a fresh Idempotency-Key unless one is given. */
  post(
    path: string,
    body: unknown,
    as?: { role: Role; subject: string; roles?: readonly string[] } | null,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

/** The write API in-process (`app.request()`) over the real write side on a fresh database. */
export async function writeApiHarness(
  backend: Backend,
  options: {
    payments?: PaymentsPort;
    settings?: Partial<OrderSettings>;
    stripeWebhookSecret?: string;
    guards?: HttpGuards;
    carrier?: CarrierDeps;
  } = {},
): Promise<WriteApiHarness> {
  return writeApiOver(await commandHarness(backend, options), options);
}

/** The write API over a write side that already exists (one a read API harness follows, say). */
export function writeApiOver<Harness extends CommandHarness>(
  harness: Harness,
  options: { stripeWebhookSecret?: string; guards?: HttpGuards } = {},
): Harness & WriteApiHarness {
  const accounts = accountHandlers({
    runtime: commandRuntime(harness.store),
    secrets: accountSecrets,
    mail: sqlMailQueue(harness.sql),
  });
  const app = createWriteApi({
    handlers: harness.handlers,
    accounts,
    clock: harness.clock,
    ids: uuidV7Ids,
    // Custom roles read fresh on every request, so a test sees a role the moment it is defined.
    verifier: withGrants(
      createJwtVerifier({ secret: SECRET }),
      eventSourcedRoleCatalog(harness.store, { ttlMs: 0 }),
    ),
    idempotencyStore: createSqlIdempotencyStore(harness.sql),
    processedWebhooks: sqlProcessedWebhooks(harness.sql),
    log: createLogger('silent'),
    ...(options.stripeWebhookSecret ? { stripeWebhookSecret: options.stripeWebhookSecret } : {}),
    ...(options.guards ? { guards: options.guards } : {}),
  });
  const token = (role: Role, subject: string, roles?: readonly string[]) =>
    mintToken({ secret: SECRET, role, subject, ...(roles ? { roles } : {}) });
  async function send(
    method: string,
    path: string,
    body: unknown,
    as: { role: Role; subject: string; roles?: readonly string[] } | null = {
      role: 'admin',
      subject: 'admin-1',
    },
    headers: Record<string, string> = {},
  ) {
    const auth: Record<string, string> = as
      ? { authorization: `Bearer ${await token(as.role, as.subject, as.roles)}` }
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
  return {
    ...harness,
    app,
    accounts,
    token,
    send,
    async post(path, body, as = { role: 'admin', subject: 'admin-1' }, headers = {}) {
      const auth: Record<string, string> = as
        ? { authorization: `Bearer ${await token(as.role, as.subject, as.roles)}` }
        : {};
      return app.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': uuidV7Ids.newId(),
          ...auth,
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
  };
}

import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { accountHandlers } from '../../commands/accounts/account-handlers.ts';
import { createCommandHandlers } from '../../commands/command-handlers.ts';
import { createLocationDirectory } from '../../commands/locations/location-directory.ts';
import { defaultOrderSettings } from '../../commands/orders/order-deps.ts';
import { accountSecrets } from '../../infra/auth/account-secrets.ts';
import { scryptDefaults } from '../../infra/auth/password-hashing.ts';
import { eventSourcedRoleCatalog } from '../../infra/auth/role-catalog.ts';
import { verifierFromConfig } from '../../infra/auth/verifier-from-config.ts';
import { loadConfig } from '../../infra/config/config.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { sqlMailQueue } from '../../infra/mail/sql-mail-queue.ts';
import { createManualPayments } from '../../infra/payments/manual-payments.ts';
import { privateEventStore } from '../../infra/privacy/private-event-store.ts';
import { openAuth } from '../../ops/compose/auth.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { openPrivacy } from '../../ops/compose/event-store.ts';
import { openHttpGuards } from '../../ops/compose/http-guards.ts';
import { systemClock } from '../../ports/clock.ts';
import { mailedCode } from '../../test-support/mailed-code.ts';
import { serviceUrls } from '../../test-support/service-urls.ts';
import { createWriteApi } from '../../write-api/app.ts';
import { createSqlIdempotencyStore } from '../../write-api/idempotency/sql-idempotency-store.ts';
import { sqlProcessedWebhooks } from '../../write-api/webhooks/processed-webhooks.ts';
import { benchDatabase } from '../lib/bench-databases.ts';
import { httpLoad } from '../lib/http-load.ts';
import type { Metric } from '../lib/results.ts';

const PASSWORD = 'a benchmark passphrase nobody would guess';

/** The hash cost every login pays: scrypt's parameters and its working memory (128 · N · r bytes). */
export const loginHashCost = () => {
  const { N, r, p } = scryptDefaults;
  return `scrypt N=2^${Math.log2(N)} (${N}), r=${r}, p=${p}, ${(128 * N * r) / 2 ** 20} MiB per hash`;
};

/**
 * `login_per_s`: POST /auth/login against the real write API over HTTP (@hono/node-server in this
 * process, autocannon with 16 connections in a second process), on PostgreSQL with Redis. The
 * accounts are signed up and verified through the real commands first; every login checks the
 * password with the real scrypt parameters, appends `SessionStarted` and `LoginSucceeded` with the
 * IP and user agent sealed by the key store, and signs an Ed25519 access token.
 *
 * The deployment's guards are on (security headers, rate limits counted in Redis, the brute-force
 * guard), with login and write budgets of their own that no run reaches, as the read bench gives its reads:
 * what they cost, not what they refuse. The brute-force guard counts failures only; every login
 * here succeeds.
 */
export async function measureLogin(options: {
  seconds: number;
  /** Accounts the load cycles through. Default 64. */
  accounts?: number;
  connections?: number;
}): Promise<Record<string, Metric>> {
  const accountCount = options.accounts ?? 64;
  const connections = options.connections ?? 16;
  const { client, dispose } = await benchDatabase('postgres');
  const log = createLogger('warn');
  const store = privateEventStore(createSqlEventStore(client), openPrivacy(client).privacy);
  const runtime = commandRuntime(store);
  const config = loadConfig({
    REDIS_URL: serviceUrls().redis,
    AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
    // Every POST also counts against the per-address `write` budget (300 a minute by default).
    QM_RATE_LIMITS: [
      'login.ip=999999999/60',
      'login.account=999999999/60',
      'write.ip=999999999/60',
      'write.account=999999999/60',
    ].join(','),
  });
  const prefix = `qm:bench:login:${randomBytes(4).toString('hex')}:`;
  const http = openHttpGuards(config, log, { prefix });
  const auth = await openAuth(config, client, log);
  const locations = createLocationDirectory(store);
  await locations.start();
  const accounts = accountHandlers({ runtime, secrets: accountSecrets, mail: sqlMailQueue(client) });
  const api = createWriteApi({
    handlers: createCommandHandlers({
      runtime,
      locations,
      payments: createManualPayments(),
      clock: systemClock,
      settings: defaultOrderSettings,
    }),
    accounts,
    clock: systemClock,
    ids: uuidV7Ids,
    verifier: verifierFromConfig(config, log, eventSourcedRoleCatalog(store), {
      keys: auth.keys,
      revocations: auth.revocations,
    }),
    auth: { handlers: auth.handlers(runtime), bruteForce: http.bruteForce },
    signingKeys: auth.keys,
    idempotencyStore: createSqlIdempotencyStore(client),
    processedWebhooks: sqlProcessedWebhooks(client),
    log,
    guards: http.guards,
  });
  // Logins still running when a load ends (autocannon leaves; the handlers do not): waited for
  // before the next load and before the database closes, so neither measures nor breaks on them.
  let running = 0;
  const fetch = async (request: Request) => {
    running += 1;
    try {
      return await api.fetch(request);
    } finally {
      running -= 1;
    }
  };
  const settled = async () => {
    while (running > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 });
  try {
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    console.log(`login: signing up ${accountCount} customers through commands (${loginHashCost()})`);
    const emails: string[] = [];
    for (let i = 0; i < accountCount; i++) {
      const customerId = uuidV7Ids.newId();
      const email = `bench-${i}-${customerId}@example.com`;
      const context = {
        actor: { id: customerId, role: 'customer' as const },
        correlationId: uuidV7Ids.newId(),
        causationId: null,
        now: new Date().toISOString(),
      };
      await accounts.customers.signUp(
        { customerId, email, name: `Bench ${i}`, password: PASSWORD, marketingConsent: false },
        context,
      );
      await accounts.customers.verifyEmail(email, await mailedCode(client, email, 'email-verification'), {
        ...context,
        now: new Date().toISOString(),
      });
      emails.push(email);
    }
    const bodies = emails.map((email) => JSON.stringify({ email, password: PASSWORD }));
    // Each account logs in once before measuring: every login answers, and how long one takes alone.
    const started = performance.now();
    for (const body of bodies) {
      const response = await globalThis.fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'qm-bench/login' },
        body,
      });
      if (response.status !== 200)
        throw new Error(`login answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    }
    console.log(`  one login alone: ${Math.round((performance.now() - started) / bodies.length)} ms`);
    const load = (seconds: number) =>
      httpLoad({
        url,
        paths: ['/auth/login'],
        method: 'POST',
        bodies,
        headers: { 'content-type': 'application/json', 'user-agent': 'qm-bench/login' },
        connections,
        seconds,
      });
    // One unrecorded second first: the first load on a fresh process measures its JIT warming up.
    await load(1);
    await settled();
    const result = await load(options.seconds);
    await settled();
    // A run too short for one login to finish is no figure.
    if (result.total === 0) throw new Error(`no login finished within ${options.seconds} s`);
    console.log(`  login: ${Math.round(result.rps)} logins/s, p99 ${result.p99} ms`);
    return {
      login_per_s: { value: result.rps, unit: '1/s', note: loginHashCost() },
      p99_login_ms: { value: result.p99, unit: 'ms' },
    };
  } finally {
    await settled();
    server.close();
    await auth.close();
    await http.close();
    await locations.stop();
    await dispose();
  }
}

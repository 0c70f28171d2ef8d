import type { AccountHandlers } from '../commands/accounts/account-handlers.ts';
import type { CommandHandlers } from '../commands/command-handlers.ts';
import type { PrivacyHandlers } from '../commands/privacy/privacy-handlers.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/ids.ts';
import type { Logger } from '../infra/logging/logger.ts';
import type { JwtVerifier } from '../infra/auth/jwt-verifier.ts';
import type { HttpGuards } from '../infra/http/http-guards.ts';
import type { ImportJobs } from '../infra/imports/import-jobs.ts';
import type { AuthHandlers } from '../commands/auth/auth-handlers.ts';
import type { BruteForceGuard } from '../infra/security/brute-force-guard.ts';
import type { SigningKeys } from '../infra/auth/signing-keys.ts';
import type { IdempotencyStore } from './idempotency/idempotency-store.ts';
import type { ProcessedWebhooks } from './webhooks/processed-webhooks.ts';

/** What the write API needs for login, sessions and 2FA (absent: none of these routes). */
export interface AuthRouteDeps {
  handlers: AuthHandlers;
  bruteForce?: BruteForceGuard;
}

/** Everything the write API needs, passed in by the composition root (no globals, no container). */
export interface WriteApiDeps {
  handlers: CommandHandlers;
  clock: Clock;
  ids: IdGenerator;
  verifier: JwtVerifier;
  idempotencyStore: IdempotencyStore;
  processedWebhooks: ProcessedWebhooks;
  log: Logger;
  /** Stripe's signing secret for the webhook endpoint; without it the endpoint answers 404. */
  stripeWebhookSecret?: string;
  /** Headers, CORS, block list, rate limits (per address, and per account once authenticated), body limit, timeout. */
  guards?: HttpGuards;
  /** GDPR erasure (needs the key store); without it the erasure route is not mounted. */
  privacy?: PrivacyHandlers;
  /** Customer and staff accounts (docs/accounts.md); without them their routes are not mounted. */
  accounts?: AccountHandlers;
  /** Login, sessions and 2FA (`commands/auth`); without it those routes are not mounted. */
  auth?: AuthRouteDeps;
  /** This server's signing keys: their public half at `/.well-known/jwks.json`. */
  signingKeys?: SigningKeys;
  /** The imports running in this process, shared with the read API's live stream (`memoryImportJobs`). */
  imports?: ImportJobs;
  /** Refunds and role changes need a second factor within this many minutes (`QM_STEP_UP_MINUTES`); unset: no step-up. */
  stepUpMinutes?: number;
}

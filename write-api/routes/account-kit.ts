import { z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { CommandResult } from '../../commands/command-handlers.ts';
import type { AuthEnv } from '../../infra/auth/actor.ts';
import { passwordRefusal, passwordRefusalText } from '../../infra/auth/password-policy.ts';
import type { BudgetName } from '../../infra/http/rate-budgets.ts';
import { idempotency } from '../idempotency/idempotency.ts';
import { Text } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';

/** Who an anonymous account request (sign-up, reset, accepting an invitation) acts as: it grants nothing. */
export const anonymousActor = { id: 'anonymous', role: 'customer', permissions: new Set() } as const;

/**
 * The parts of a route definition for a route anyone may call (no token): `x-public` in the
 * OpenAPI document (the authorization matrices skip such routes and a test covers them instead),
 * the anonymous actor, and an optional `Idempotency-Key`. Anonymous callers share one key scope, so
 * a key is honoured but not required; sign-up derives the account id from it, and the answers these
 * routes record carry no secret (docs/accounts.md).
 */
export function publicRoute(deps: WriteApiDeps, why: string) {
  const anonymous = createMiddleware<AuthEnv>(async (c, next) => {
    c.set('actor', { ...anonymousActor, permissions: new Set() });
    await next();
  });
  const keys = idempotency({ store: deps.idempotencyStore, requiredFor: [] });
  return { 'x-public': why, middleware: [anonymous, keys] as [typeof anonymous, typeof keys] };
}

export const optionalIdempotencyHeader = z.object({
  'idempotency-key': Text.min(1).max(255).optional().openapi({
    description: 'Optional here: a retry with the same key and body answers the same, appending nothing.',
  }),
});

/** Counts the request against a named budget per address and per account (the email), or answers 429. */
export async function spend(
  deps: WriteApiDeps,
  c: Parameters<NonNullable<WriteApiDeps['guards']>['clientIp']>[0],
  budget: BudgetName,
  account?: string,
) {
  const guards = deps.guards;
  if (!guards?.rateLimits) return;
  await guards.rateLimits.enforce(budget, {
    ip: guards.clientIp(c),
    ...(account ? { account: account.trim().toLowerCase() } : {}),
  });
}

export const Email = Text.min(3).max(320).openapi({ example: 'ada@example.com' });
export const Password = Text.min(1)
  .max(1024)
  .openapi({ description: 'At least 12 characters, not a common password' });

/** The password policy as a zod refinement naming `field`. */
export function checkPassword(
  password: string,
  email: string | undefined,
  field: string,
  ctx: z.RefinementCtx,
) {
  const refusal = passwordRefusal(password, email ? { email } : {});
  if (refusal) ctx.addIssue({ code: 'custom', path: [field], message: passwordRefusalText[refusal] });
}

const secretFields = new Set(['passwordHash', 'codeHash', 'tokenHash', 'verificationCodeHash']);

/** A command's result without the hashes its events hold: an answer never carries them. */
export function withoutSecrets(result: CommandResult): CommandResult {
  return {
    ...result,
    events: result.events.map((event) => ({
      type: event.type,
      data: Object.fromEntries(Object.entries(event.data).filter(([key]) => !secretFields.has(key))),
    })),
  };
}

/**
 * Runs `work`, answering no sooner than `floorMs` after the start: an answer that must not tell
 * whether an account exists takes as long either way (the work for an existing account, a read and
 * an append, stays well below the floor).
 */
export async function noSoonerThan<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const left = floorMs - (performance.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  return result;
}

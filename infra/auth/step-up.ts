import { createMiddleware } from 'hono/factory';
import { HttpProblem } from '../http/problem.ts';
import type { Actor, AuthEnv } from './actor.ts';

/**
 * Middleware, after the permission check, for actions that need a fresh second factor (refunds,
 * role changes): the token's `amr_at` (tokens from login and `POST /auth/step-up`; `qm token
 * --step-up`; an outside provider's `amr` + `auth_time`) must be within `minutes`. Otherwise 403
 * `step-up-required`; the client calls `POST /auth/step-up` with a code and retries.
 */
export function requireStepUp(minutes: number, now: () => number = Date.now) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    assertSteppedUp(c.var.actor, minutes, now);
    await next();
  });
}

/**
 * The same check inline, for a route where only some requests move money (a claim resolved with a
 * refund, not with a replacement).
 */
export function assertSteppedUp(actor: Actor, minutes: number, now: () => number = Date.now): void {
  const at = actor.secondFactorAt;
  if (at === undefined || now() / 1000 - at > minutes * 60) {
    throw new HttpProblem({
      status: 403,
      code: 'step-up-required',
      title: 'Second factor required',
      detail: `This action needs a second factor passed within the last ${minutes} minutes: POST /auth/step-up with a code, then retry with the new token.`,
      extensions: { stepUpMinutes: minutes },
    });
  }
}

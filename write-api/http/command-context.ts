import type { Context } from 'hono';
import type { CommandContext } from '../../commands/command-handlers.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { AuthEnv } from '../../infra/auth/actor.ts';
import { addAnswerHeaders } from '../../infra/http/answer-headers.ts';
import { activeTraceparent, validTraceparent } from '../../infra/telemetry/trace-context.ts';
import { idempotentRequest } from '../idempotency/idempotent-request.ts';

/**
 * The audit part of a command, from the request: the verified actor, the caller's correlation id
 * (`X-Correlation-Id`, else a new one, echoed back), and the idempotency key. The key in the
 * events' metadata is how a retry finds what its first run appended (`commands/runtime/request-events.ts`).
 *
 * The W3C `traceparent` goes beside the correlation id: the request's span when tracing is on, else
 * the caller's header as given, so the projector batches and consumers of these events can
 * continue the caller's trace (`infra/telemetry/trace-context.ts`).
 */
export function commandContext(c: Context<AuthEnv>, clock: Clock, ids: IdGenerator): CommandContext {
  const given = c.req.header('x-correlation-id');
  const correlationId = given && /^[\w.:-]{1,100}$/.test(given) ? given : ids.newId();
  addAnswerHeaders(c, { 'X-Correlation-Id': correlationId });
  const request = idempotentRequest(c);
  const key = request?.key ?? c.req.header('idempotency-key');
  const traceparent = activeTraceparent() ?? validTraceparent(c.req.header('traceparent'));
  const extra = {
    ...(key ? { idempotencyKey: key } : {}),
    ...(traceparent ? { traceparent } : {}),
  };
  return {
    // Only who acted goes into the events: not the session, roles or resolved permissions.
    actor: { id: c.var.actor.id, role: c.var.actor.role },
    correlationId,
    causationId: null,
    now: clock.now().toISOString(),
    ...(key || traceparent ? { extra } : {}),
    ...(request?.resumed ? { resumed: true } : {}),
  };
}

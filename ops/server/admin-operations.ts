import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import { parsePositionToken, positionToToken } from '../../ports/position.ts';
import { isEmailAddress, saveCustomerContact } from '../../consumers/notifications/customer-contacts.ts';
import type { AuthEnv, TokenVerifier } from '../../infra/auth/actor.ts';
import { authenticate } from '../../infra/auth/authenticate.ts';
import type { Permission } from '../../infra/auth/grants.ts';
import { permissionGuard } from '../../infra/auth/require-permission.ts';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { readErrorHandler } from '../../infra/http/error-handler.ts';
import { rejectUnstorableInput } from '../../infra/http/reject-unstorable-input.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { retryParkedDelivery } from '../../infra/mail/mail-deliveries.ts';
import { replayProjection } from '../../projections/runtime/replay.ts';
import { skipProjectionEvent } from '../../projections/runtime/skip-event.ts';
import type { ProjectorContext } from '../compose/projectors.ts';

export interface AdminOperationsDeps {
  /** The serving process's own store, database and projection catalog (never a second opening). */
  projector: Omit<ProjectorContext, 'close'>;
  verifier: TokenVerifier;
  log: Logger;
}

const json = <Schema extends z.ZodType>(schema: Schema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <Schema extends z.ZodType>(schema: Schema) => ({
  content: { 'application/json': { schema } },
});
const projectionPath = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,62}$/, 'a projection name as qm projection status lists it')
    .openapi({ param: { name: 'name', in: 'path' }, example: 'catalog' }),
});
/** A path parameter naming one record (a customer, a delivery). */
const idParam = (name: string, max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .openapi({ param: { name, in: 'path' } });

type AdminRouteConfig = Omit<RouteConfig, 'tags' | 'security' | 'middleware' | 'x-permission'>;

/**
 * The operator's writes that `qm` used to run by opening the data directory itself: replay,
 * projection skip, mail contact and retry. Embedded, only the serving process may open PGlite and
 * chDB, so while it runs the CLI sends these here (admin token minted from the embedded secret)
 * and they run on the server's own connections. Mounted on the command API's port, before the
 * command API (whose POSTs need an Idempotency-Key: these are not commands on the event log).
 */
export function adminOperations(deps: AdminOperationsDeps) {
  const app = new OpenAPIHono<AuthEnv>({ defaultHook });
  app.onError(readErrorHandler({ log: deps.log }));
  // Mounted beside the command API, not inside it: its text guard does not reach these routes, so
  // each carries its own (a skip reason goes into an event, a contact into SQL).
  const guard = (permission: Permission) =>
    permissionGuard(permission, rejectUnstorableInput(), authenticate(deps.verifier));
  const { projector } = deps;
  // What every route here shares: the guard and its permission, its tag and scheme in the document.
  const adminRoute = <P extends string, R extends AdminRouteConfig & { path: P }>(
    permission: Permission,
    route: R,
  ) => createRoute({ ...route, tags: ['Admin: operations'], ...guard(permission) });

  app.openapi(
    adminRoute('operations:manage', {
      method: 'post',
      path: '/admin/projections/{name}/replay',
      summary: 'Rebuild a projection from the start of the log, blue/green (as `qm replay`)',
      request: {
        params: projectionPath,
        body: jsonBody(z.object({ batchSize: z.number().int().min(1).max(100_000).optional() })),
      },
      responses: {
        200: {
          description:
            'One JSON object a line, sent as the replay goes (the answer starts at once, so a long replay outlives ' +
            'no client timeout): `{"progress":{"events":n,"total":n|null}}` after each batch, then ' +
            '`{"done":{"projection","generation","events","seconds"}}` once the new generation serves, or ' +
            '`{"error":"..."}` if it failed (the old generation still serves). Content-Type: application/x-ndjson.',
        },
      },
    }),
    async (c) => {
      const { name } = c.req.valid('param');
      const { batchSize } = c.req.valid('json');
      const found = await projector.catalog.subject(name);
      if (!found) throw unknownProjection(name, projector);
      deps.log.info({ projection: name, actor: c.var.actor.id }, 'replay requested over the admin API');
      const encoder = new TextEncoder();
      const lines = new ReadableStream<Uint8Array>({
        async start(controller) {
          // A client that went away does not stop the replay: it finishes, and the log says so.
          const send = (line: object) => {
            try {
              controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
            } catch {
              // The stream was cancelled.
            }
          };
          try {
            const result = await replayProjection(projector, found.subject, {
              ...(batchSize ? { batchSize } : {}),
              onProgress: ({ events, total }) => send({ progress: { events, total } }),
            });
            send({ done: { projection: name, ...result } });
          } catch (error) {
            deps.log.error({ err: error, projection: name }, 'replay over the admin API failed');
            send({ error: error instanceof Error ? error.message : String(error) });
          } finally {
            await found.close();
            try {
              controller.close();
            } catch {
              // Already cancelled.
            }
          }
        },
      });
      return c.body(lines, 200, { 'Content-Type': 'application/x-ndjson' });
    },
  );

  app.openapi(
    adminRoute('operations:manage', {
      method: 'post',
      path: '/admin/projections/{name}/skip',
      summary:
        'Pass the one event that stopped a projector (as `qm projection skip`); the token’s subject is the actor',
      request: {
        params: projectionPath,
        body: jsonBody(
          z.object({
            position: z.string().refine((text) => parsePositionToken(text) !== null, 'expected 1234:56'),
            reason: z.string().trim().min(1).max(2000),
          }),
        ),
      },
      responses: {
        200: json(
          z.object({
            skipped: z.object({ id: z.string(), type: z.string(), stream: z.string(), revision: z.number() }),
            auditPosition: z.string(),
          }),
          'Skipped and recorded',
        ),
      },
    }),
    async (c) => {
      const { name } = c.req.valid('param');
      const { position, reason } = c.req.valid('json');
      const outcome = await refusedAs422(() =>
        skipProjectionEvent(projector, {
          projection: name,
          position: parsePositionToken(position)!,
          reason,
          actor: { id: c.var.actor.id, role: c.var.actor.role },
          now: new Date().toISOString(),
        }),
      );
      const { event } = outcome;
      return c.json(
        {
          skipped: { id: event.id, type: event.type, stream: event.stream, revision: Number(event.revision) },
          auditPosition: positionToToken(outcome.auditPosition),
        },
        200,
      );
    },
  );

  app.openapi(
    adminRoute('notifications:manage', {
      method: 'put',
      path: '/admin/notifications/contacts/{customerId}',
      summary: 'Record the mail address of a customer (as `qm mail contact`)',
      request: {
        params: z.object({ customerId: idParam('customerId', 200) }),
        body: jsonBody(z.object({ email: z.string().max(320).refine(isEmailAddress, 'not a mail address') })),
      },
      responses: {
        200: json(z.object({ customerId: z.string(), email: z.string() }), 'Recorded'),
      },
    }),
    async (c) => {
      const { customerId } = c.req.valid('param');
      const { email } = c.req.valid('json');
      await saveCustomerContact(projector.database, customerId, email);
      return c.json({ customerId, email }, 200);
    },
  );

  app.openapi(
    adminRoute('notifications:manage', {
      method: 'post',
      path: '/admin/notifications/deliveries/{deliveryId}/retry',
      summary: 'Send a parked mail again, with fresh attempts (as `qm mail retry`)',
      request: {
        params: z.object({ deliveryId: idParam('deliveryId', 500) }),
      },
      responses: { 200: json(z.object({ deliveryId: z.string(), status: z.literal('pending') }), 'Queued') },
    }),
    async (c) => {
      const { deliveryId } = c.req.valid('param');
      if (!(await retryParkedDelivery(projector.database, deliveryId))) {
        throw new HttpProblem({
          status: 404,
          code: 'not_found',
          title: 'Not found',
          detail: `No parked delivery ${deliveryId}; qm mail parked lists them.`,
        });
      }
      return c.json({ deliveryId, status: 'pending' as const }, 200);
    },
  );

  return app;
}

function unknownProjection(name: string, projector: AdminOperationsDeps['projector']): HttpProblem {
  const known = [...projector.catalog.readModels.map((p) => p.name), ...projector.catalog.sinkNames];
  return new HttpProblem({
    status: 404,
    code: 'not_found',
    title: 'Not found',
    detail: `Unknown projection "${name}"; known: ${known.join(', ')}.`,
  });
}

/**
 * The skip refuses an operator's mistake (no such projection, a position already applied, no event
 * there) with a plain Error whose message says what to do; that is a 422, not a server failure.
 * Errors of any other class stay 500s.
 */
async function refusedAs422<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && error.constructor === Error) {
      throw new HttpProblem({
        status: 422,
        code: 'skip_refused',
        title: 'Skip refused',
        detail: error.message,
        cause: error,
      });
    }
    throw error;
  }
}

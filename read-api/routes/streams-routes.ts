import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { EventStore } from '../../ports/event-store.ts';
import { isValidStreamName } from '../../infra/event-store/stream-name.ts';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import { parsePointInTime } from '../../projections/time-travel/point-in-time.ts';
import { foldableCategories, folderForStream } from '../../projections/time-travel/stream-deciders.ts';
import { stateAt, streamHistory } from '../../projections/time-travel/time-travel.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { authErrors, notFoundError, readErrors, Text } from '../schemas/common.ts';

export interface StreamRoutesDeps {
  /** The event store (only read here): `openEventStore(config, database)`. */
  store: EventStore;
  /** The read API's `authenticate(verifier)` middleware (`ctx.authenticated`). */
  authenticated: MiddlewareHandler<ReadAuthEnv>;
  /** The moment friendly `at` forms ("yesterday 14:00") count from; the wall clock unless a test pins it. */
  now?: () => Date;
}

const tags = ['Admin: time travel'];

const StreamName = Text.refine(
  isValidStreamName,
  'not a stream name: <category>-<id>, e.g. stock-SKU1@berlin or order-<id>',
).openapi({ param: { name: 'stream', in: 'path' }, example: 'stock-SKU1@berlin' });

const AggregateStream = StreamName.refine(
  (stream) => folderForStream(stream) !== null,
  `no aggregate owns this stream: time travel folds ${foldableCategories.join(', ')} streams`,
);

const Actor = z.object({ id: z.string(), role: z.string() });

const EventView = z
  .object({
    revision: z.number().int(),
    position: z.string().openapi({ description: 'Global position token (`commit:prepare`)' }),
    id: z.string(),
    type: z.string(),
    occurredAt: z.string().openapi({ description: 'When the command decided it (what `at` compares with)' }),
    recordedAt: z.string(),
    actor: Actor,
    correlationId: z.string(),
    causationId: z.string().nullable(),
    schemaVersion: z.number().int(),
    extra: z.record(z.string(), z.unknown()),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('StreamEvent');

const StreamHistory = z
  .object({ stream: z.string(), revision: z.number().int().nullable(), events: z.array(EventView) })
  .openapi('StreamHistory');

const StateAt = z
  .object({
    stream: z.string(),
    category: z.string(),
    at: z.string(),
    asOf: z
      .object({ revision: z.number().int(), position: z.string(), occurredAt: z.string() })
      .nullable()
      .openapi({ description: 'The last event folded in; null when the stream had no event yet then' }),
    state: z.unknown().openapi({ description: "The aggregate's state, as its decider's evolve folds it" }),
    eventCount: z.number().int(),
    events: z
      .array(EventView)
      .openapi({ description: 'The last events that led to the state, oldest first' }),
    changedBy: z.array(z.object({ actor: Actor, events: z.number().int(), lastAt: z.string() })),
  })
  .openapi('StateAt');

const count = (fallback: number, max: number) =>
  z.coerce.number().int('must be a whole number').min(0).max(max).default(fallback);

const noEvents = (stream: string) =>
  new HttpProblem({
    status: 404,
    code: 'not_found',
    title: 'Not found',
    detail: `Stream ${stream} has no events.`,
  });

/**
 * Admin time travel over the event store, the same answers as `qm stream show | at`: a stream's
 * events with their metadata, and its aggregate as it stood at a time or global position, with the
 * events that led there and who changed it. Mount with `app.route('/', streamRoutes(...))`.
 */
export function streamRoutes(deps: StreamRoutesDeps) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });
  const now = deps.now ?? (() => new Date());

  const At = Text.transform((text, ctx) => {
    const at = parsePointInTime(text, now());
    if (!at) {
      ctx.addIssue({
        code: 'custom',
        message:
          'expected an ISO time, a position token like 1234:56, or now / 3 hours ago / yesterday 14:00 / last tuesday 14:00',
      });
      return z.NEVER;
    }
    return at;
  }).openapi({
    description:
      "ISO time (`2026-11-17T14:00:00Z`), a friendly form in the server's time zone (`now`, `3 hours ago`, `yesterday 14:00`, `last tuesday 14:00`) or a position token (`1234:56`)",
    example: '2026-11-17T14:00:00Z',
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/streams/{stream}/events',
      summary: "A stream's events with their metadata (as `qm stream show`)",
      tags,
      ...permissionGuard('streams:read', deps.authenticated),
      request: {
        params: z.object({ stream: StreamName }),
        query: z.object({ from: count(0, Number.MAX_SAFE_INTEGER), limit: count(100, 1000) }),
      },
      responses: {
        200: {
          description: "The stream's events",
          content: { 'application/json': { schema: StreamHistory } },
        },
        ...readErrors,
        ...authErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { stream } = c.req.valid('param');
      const { from, limit } = c.req.valid('query');
      const history = await streamHistory(deps.store, stream, { fromRevision: from, limit });
      if (history.revision === null) throw noEvents(stream);
      return c.json(history, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/streams/{stream}/at',
      summary: 'The aggregate of a stream as it stood at a time or position (as `qm stream at`)',
      description:
        "Folds the stream's events up to the point with its aggregate's decider (picked by the stream's category); the history is cut at the first event decided after the time, or after the position.",
      tags,
      ...permissionGuard('streams:read', deps.authenticated),
      request: {
        params: z.object({ stream: AggregateStream }),
        query: z.object({ at: At, events: count(20, 500) }),
      },
      responses: {
        200: { description: 'The state then', content: { 'application/json': { schema: StateAt } } },
        ...readErrors,
        ...authErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { stream } = c.req.valid('param');
      const { at, events } = c.req.valid('query');
      const answer = await stateAt(deps.store, stream, at, { eventLimit: events });
      if (!answer) throw noEvents(stream);
      return c.json(answer, 200);
    },
  );

  return app;
}

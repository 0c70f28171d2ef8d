import { randomBytes } from 'node:crypto';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing } from '../../infra/telemetry/tracing.ts';
import type { ServedSystem } from '../../test-support/served-system.ts';
import { serviceUrls } from '../../test-support/service-urls.ts';
import { waitUntil } from '../../test-support/wait-until.ts';

/**
 * One order's trace, with the SDK started as `qm` starts it (spans kept in memory instead of sent):
 * the caller's `traceparent` → the command API's server span (with its PostgreSQL and Redis calls) →
 * the append → each projector's batch and the NATS consumers of its events, all one trace.
 */
describe('tracing one order (PostgreSQL, Redis, NATS)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: { shutdown(): Promise<void> };
  let served: ServedSystem;

  beforeAll(async () => {
    // Before the system opens: the event store is wrapped for tracing only when tracing is on.
    tracing = startTracing({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
    // Imported only now, as `qm` imports its commands after starting tracing: the instrumentations
    // patch `pg` and `ioredis` as they load.
    const { servedSystem } = await import('../../test-support/served-system.ts');
    served = await servedSystem({ REDIS_URL: serviceUrls().redis });
    await served.seedShop();
  }, 60_000);
  afterAll(async () => {
    await served?.close();
    await tracing?.shutdown();
  });

  it('follows the order from the HTTP request through the append to the projector batches and consumers', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    // As a caller with a trace of its own: this process's fetch instrumentation would start a new one.
    const response = await context.with(suppressTracing(context.active()), () =>
      served.placeOrder({ traceparent: `00-${traceId}-${callerSpan}-01` }),
    );
    expect(response.status, await response.clone().text()).toBe(201);

    const inTrace = () => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
    const server = await waitUntil('the server span', () => inTrace().find((s) => s.name === 'POST /orders'));
    const byId = () => new Map(inTrace().map((s) => [s.spanContext().spanId, s]));
    /** Whether `ancestor` is `span`'s parent, grandparent, ... within the trace. */
    const descends = (span: ReadableSpan, ancestor: ReadableSpan) => {
      const spans = byId();
      for (let at = parentOf(span); at; at = spans.get(at) && parentOf(spans.get(at)!)) {
        if (at === ancestor.spanContext().spanId) return true;
      }
      return false;
    };

    // The caller's span is the server span's parent (directly, or through the HTTP instrumentation's).
    const root = inTrace().find((s) => parentOf(s) === callerSpan)!;
    expect(root, 'a span under the caller').toBeDefined();
    expect(root === server || descends(server, root)).toBe(true);

    // The request's own calls to PostgreSQL and Redis are spans of the same trace, under the server span.
    const storage = (system: string) =>
      inTrace().filter(
        (s) =>
          (s.attributes['db.system'] ?? s.attributes['db.system.name']) === system && descends(s, server),
      );
    expect(storage('postgresql').length, 'PostgreSQL spans').toBeGreaterThan(0);
    expect(storage('redis').length, 'Redis spans').toBeGreaterThan(0);

    const appends = inTrace().filter((s) => s.name === 'qm.append');
    expect(appends.length).toBeGreaterThan(0);
    for (const append of appends) expect(descends(append, server), 'append under the request').toBe(true);

    const orderBatch = await waitUntil('the orders projector batch', () =>
      inTrace().find((s) => s.name === 'qm.projector.batch' && s.attributes['qm.projection'] === 'orders'),
    );
    expect(appends.map((a) => a.spanContext().spanId)).toContain(parentOf(orderBatch));

    const consumed = await waitUntil('a NATS consumer of the order', () =>
      inTrace().find((s) => s.name === 'qm.consume' && s.attributes['qm.consumer'] === 'forecasting'),
    );
    expect(appends.map((a) => a.spanContext().spanId)).toContain(parentOf(consumed));

    // The events themselves carry the trace, beside their correlation id.
    const rows = await served.system.database.query<{ metadata: Record<string, unknown> }>(
      `select metadata from qm_events where metadata->>'traceparent' like $1`,
      [`00-${traceId}-%`],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.metadata.correlationId).toEqual(expect.any(String));
  });
});

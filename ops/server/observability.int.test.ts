import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { servedSystem, type ServedSystem } from '../../test-support/served-system.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import { readinessChecks } from '../compose/readiness-checks.ts';
import { systemApp } from './system-app.ts';

const METRICS_TOKEN = 'metrics-token-for-the-test';
const root = join(import.meta.dirname, '..', '..');

/** The names a scrape exposes: every sample's, and every declared metric's (a labelled metric may have no sample yet). */
function exposedNames(scrape: string): Set<string> {
  const names = new Set<string>();
  for (const line of scrape.split('\n')) {
    const declared = /^# TYPE (\S+) /.exec(line);
    if (declared) names.add(declared[1]!);
    else if (line && !line.startsWith('#')) names.add(/^[^{ ]+/.exec(line)![0]);
  }
  return names;
}

/** The `qm_*` metrics a PromQL expression names. */
const metricsIn = (expr: string) => [...expr.matchAll(/\bqm_[a-z0-9_]+/g)].map((m) => m[0]);

describe('observability of a served system (PostgreSQL, NATS)', () => {
  let served: ServedSystem;
  const scrape = async () => {
    const response = await fetch(`${served.urls.command}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    served = await servedSystem({ METRICS_TOKEN });
    await served.seedShop();
  }, 60_000);
  afterAll(() => served?.close());

  it('counts requests, errors and durations per route template and status, in seconds', async () => {
    const placed = await served.placeOrder();
    expect(placed.status).toBe(201);
    const { order } = (await placed.json()) as { order: { orderId: string } };
    const customer = await mintToken({
      secret: served.config.AUTH_JWT_SECRET!,
      role: 'staff',
      subject: 's-1',
    });
    // Until the orders projector has it: 404s on the same route template, then one 200.
    await waitUntil('the order on the read API', async () => {
      const read = await fetch(`${served.urls.read}/orders/${order.orderId}`, {
        headers: { authorization: `Bearer ${customer}` },
      });
      return read.status === 200;
    });
    expect((await fetch(`${served.urls.read}/no/such/path`)).status).toBe(404);

    const text = await scrape();
    expect(text).toContain(
      'qm_http_requests_total{api="command",method="POST",route="/orders",status="201"} 1',
    );
    expect(text).toContain(
      'qm_http_requests_total{api="read",method="GET",route="/orders/:orderId",status="200"} 1',
    );
    expect(text).toContain(
      'qm_http_requests_total{api="read",method="GET",route="unmatched",status="404"} 1',
    );
    expect(text).toMatch(
      /qm_http_request_duration_seconds_bucket\{le="10",api="command",method="POST",route="\/orders",status="201"\} 1/,
    );
    expect(text).toMatch(/# TYPE qm_http_request_errors_total counter/);
    expect(text).toMatch(/qm_projection_lag_seconds\{projection="orders"\} /);
    expect(text).not.toContain('qm_projection_lag_ms');
    expect(text).toMatch(/qm_event_loop_delay_seconds\{quantile="0.99"\} /);
    expect(text).toMatch(/qm_mail_deliveries\{status="parked"\} 0/);
  });

  it('answers /metrics only with the token when METRICS_TOKEN is set, and not at all where METRICS_PORT moves it', async () => {
    const refused = await fetch(`${served.urls.command}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const wrong = await fetch(`${served.urls.read}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const moved = systemApp({
      api: 'command',
      store: served.system.store,
      metrics: served.system.metrics,
      serveMetrics: false,
    });
    expect((await moved.request('/metrics')).status).toBe(404);
  });

  it('writes one log line per request with method, route, status, duration, request, correlation and trace ids', async () => {
    const placed = await served.placeOrder({ 'x-request-id': 'req-obs-1', 'x-correlation-id': 'corr-obs-1' });
    expect(placed.status).toBe(201);
    expect(placed.headers.get('x-request-id')).toBe('req-obs-1');
    const line = await waitUntil('the request line', () =>
      served.logLines().find((l) => l.msg === 'request' && l.requestId === 'req-obs-1'),
    );
    expect(line).toMatchObject({
      method: 'POST',
      route: '/orders',
      status: 201,
      requestId: 'req-obs-1',
      correlationId: 'corr-obs-1',
    });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(line).not.toHaveProperty('body');
    // The read API gets request ids too, made up when the caller sends none.
    const read = await fetch(`${served.urls.read}/health/live`);
    const readId = (await fetch(`${served.urls.read}/orders/nope`)).headers.get('x-request-id');
    expect(read.status).toBe(200);
    expect(readId).toMatch(/^[\w-]+-[0-9a-z]+$/);
  });

  it('ships alert rules and a dashboard that name only metrics the server exposes', async () => {
    const exposed = exposedNames(await scrape());
    const rules = parse(readFileSync(join(root, 'deploy/prometheus/alerts.yml'), 'utf8')) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    };
    const exprs = rules.groups.flatMap((g) => g.rules.map((r) => ({ what: r.alert, expr: r.expr })));
    expect(exprs.map((e) => e.what)).toEqual(
      expect.arrayContaining([
        'QuartermasterProjectionLagging',
        'QuartermasterHttpErrorRate',
        'QuartermasterMailParked',
        'QuartermasterProjectorStoppedOnPoisonEvent',
      ]),
    );
    const dashboard = JSON.parse(readFileSync(join(root, 'deploy/grafana/quartermaster.json'), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const panels = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ what: p.title, expr: t.expr })));
    for (const { what, expr } of [...exprs, ...panels]) {
      expect(metricsIn(expr).length, what).toBeGreaterThan(0);
      for (const metric of metricsIn(expr)) expect(exposed.has(metric), `${what}: ${metric}`).toBe(true);
    }
  });

  it('is live and ready while every dependency answers, and keeps /health', async () => {
    for (const url of [served.urls.command, served.urls.read]) {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: { eventStore: 'ok', readModels: 'ok', bus: 'ok', cache: 'ok', projectionLag: 'ok' },
      });
      expect((await fetch(`${url}/health`)).status).toBe(200);
    }
  });

  it('is not ready while the database is unreachable, naming what failed, and still live', async () => {
    // A database nothing answers for (port 1): the same checks `qm serve` runs, over it.
    const unreachable = createPgClient({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres' });
    try {
      const app = systemApp({
        api: 'read',
        store: createSqlEventStore(unreachable),
        readiness: readinessChecks({
          store: createSqlEventStore(unreachable),
          database: unreachable,
          bus: served.system.bus!,
          metrics: served.system.metrics,
          maxLagSeconds: 30,
        }),
      });
      const ready = await app.request('/health/ready');
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { status: string; checks: Record<string, string> };
      expect(body.status).toBe('not ready');
      expect(body.checks.readModels).toMatch(/ECONNREFUSED/);
      expect(body.checks.eventStore).toMatch(/ECONNREFUSED/);
      expect(body.checks.bus).toBe('ok');
      expect((await app.request('/health/live')).status).toBe(200);
    } finally {
      await unreachable.close();
    }
  });
});

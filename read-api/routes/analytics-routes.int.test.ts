import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readErrorHandler } from '../../infra/http/error-handler.ts';
import { routeNotFound } from '../../infra/http/route-not-found.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { projectedShop, type ProjectedShop } from '../../test-support/projected-shop.ts';
import { createJwtVerifier } from '../../infra/auth/jwt-verifier.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { authenticate } from '../http/auth.ts';
import { analyticsRoutes } from './analytics-routes.ts';

const secret = 'analytics-route-test-secret-0123456789';

describe('admin analytics routes on chDB', () => {
  let shop: ProjectedShop;
  let app: OpenAPIHono;
  let admin: string;
  let staff: string;
  const get = (path: string, token = admin, headers: Record<string, string> = {}) =>
    app.request(path, { headers: { authorization: `Bearer ${token}`, ...headers } });

  beforeAll(async () => {
    shop = await projectedShop(6);
    const reader = await shop.store.openReadonly();
    app = new OpenAPIHono();
    app.onError(readErrorHandler({ log: createLogger('silent') }));
    app.notFound(routeNotFound(app));
    app.route(
      '/',
      analyticsRoutes({
        analytics: reader,
        authenticated: authenticate(createJwtVerifier({ secret })),
        now: () => new Date('2026-11-30T12:00:00Z'),
      }),
    );
    admin = await mintToken({ secret, subject: 'admin-1', role: 'admin' });
    staff = await mintToken({ secret, subject: 'staff-1', role: 'staff' });
  });
  afterAll(() => shop?.dispose());

  it('lists the reports', async () => {
    const response = await get('/admin/analytics/reports');
    expect(response.status).toBe(200);
    const names = ((await response.json()) as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['sales', 'top_sellers', 'refund_rate', 'days_of_cover']));
  });

  it('serves a report as JSON with its parameters (defaults: the 30 days up to today)', async () => {
    const response = await get('/admin/analytics/reports/sales?granularity=month');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { params: unknown; rows: { units: string }[] };
    expect(body.params).toEqual({ from: '2026-11-01', to: '2026-12-01', granularity: 'month', limit: 10 });
    expect(body.rows).toHaveLength(1);
  });

  it.each([
    ['&format=csv', {}],
    ['', { accept: 'text/csv' }],
  ])('exports CSV (%s %o)', async (query, headers) => {
    const response = await get(
      `/admin/analytics/reports/top_sellers?from=2026-11-01&to=2026-12-01${query}`,
      admin,
      headers,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="top_sellers_2026-11-01_2026-12-01.csv"',
    );
    const [header, first] = (await response.text()).split('\n');
    expect(header).toBe('"sku","name","units","revenue","currency"');
    expect(first).toMatch(/^"A","Hammer",\d+,\d+,"EUR"$/);
  });

  it.each([
    ['/admin/analytics/reports/sales?from=2026-13-01', 'query.from'],
    ['/admin/analytics/reports/sales?granularity=year', 'query.granularity'],
    ['/admin/analytics/reports/sales?from=2026-12-01&to=2026-11-01', 'query.to'],
    ['/admin/analytics/reports/sales?limit=0', 'query.limit'],
    ['/admin/analytics/reports/nope', 'param.name'],
  ])('answers 400 naming the field for %s', async (path, field) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await response.json())).toContain(field);
  });

  it('builds a report: a measure grouped and filtered, the same figures as the ready-made one', async () => {
    const period = 'from=2026-11-01&to=2026-12-01';
    const sales = (await (
      await get(`/admin/analytics/reports/sales?${period}&granularity=month`)
    ).json()) as {
      rows: { units: string; revenue: string; orders: string }[];
    };
    const total = (field: 'units' | 'revenue' | 'orders') =>
      sales.rows.reduce((sum, row) => sum + Number(row[field]), 0);
    const built = async (query: string) => {
      const response = await get(`/admin/analytics/builder?${period}&${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { rows: Record<string, string>[] }).rows;
    };
    const sum = (rows: Record<string, string>[]) => rows.reduce((s, row) => s + Number(row.value), 0);

    expect(sum(await built('measure=revenue&by=currency'))).toBe(total('revenue'));
    expect(sum(await built('measure=orders&by=period&granularity=month'))).toBe(total('orders'));
    const bySku = await built('measure=units&by=sku&limit=100');
    expect(sum(bySku)).toBe(total('units'));
    // A ranking: the largest first.
    const values = bySku.map((row) => Number(row.value));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // A filter is a bound parameter: one SKU's row, and nothing for a SKU no one sold.
    expect(await built(`measure=units&by=sku&sku=${bySku[0]!.sku}`)).toEqual([bySku[0]]);
    expect(await built('measure=units&sku=no-such-sku')).toEqual([{ value: '0' }]);

    const csv = await get(`/admin/analytics/builder?${period}&measure=revenue&by=currency&format=csv`);
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="revenue_2026-11-01_2026-12-01.csv"',
    );
    expect((await csv.text()).split('\n')[0]).toBe('"currency","value"');
  });

  it('exports a built report as a PDF made on the server (pdfkit), by ?format=pdf or Accept', async () => {
    const query = 'from=2026-11-01&to=2026-12-01&measure=units&by=sku';
    for (const [path, headers] of [
      [`/admin/analytics/builder?${query}&format=pdf`, {}],
      [`/admin/analytics/builder?${query}`, { accept: 'application/pdf' }],
    ] as const) {
      const response = await get(path, admin, headers);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="units_2026-11-01_2026-12-01.pdf"',
      );
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.subarray(-6).toString()).toContain('%%EOF');
    }
  });

  it.each([
    ['measure=orders&by=sku', 'query.measure'],
    ['measure=orders&location=berlin', 'query.measure'],
    ['measure=revenue&by=sku,sku', 'query.by'],
    ['measure=revenue&by=name', 'query.by'],
    ['measure=profit', 'query.measure'],
    ['measure=revenue&currency=euro', 'query.currency'],
  ])('refuses a report that cannot be built (%s) naming %s', async (query, field) => {
    const response = await get(`/admin/analytics/builder?${query}`);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain(field);
  });

  it('is for admins only', async () => {
    expect((await get('/admin/analytics/builder?measure=units', staff)).status).toBe(403);
    expect((await get('/admin/analytics/reports/sales', staff)).status).toBe(403);
    expect((await app.request('/admin/analytics/reports/sales')).status).toBe(401);
    expect((await query('SELECT 1', staff)).status).toBe(403);
  });

  const query = (sql: string, token = admin, format?: string) =>
    app.request('/admin/analytics/query', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sql, ...(format ? { format } : {}) }),
    });

  // What `qm analytics query` sends while an embedded server owns chDB.
  it('runs an analyst’s read-only SQL, rendered as the CLI prints it', async () => {
    const json = await query('SELECT count() AS lines FROM order_lines', admin, 'json');
    expect(json.status).toBe(200);
    expect(JSON.parse(await json.text())).toEqual({ lines: expect.stringMatching(/^[1-9]\d*$/) });
    const table = await query('SELECT 1 AS one');
    expect(await table.text()).toMatch(/^one\s*\n-+\s*\n\s*1\s*$/m);
  });

  it.each([
    ['INSERT INTO order_lines SELECT * FROM order_lines', 'read_only_query_refused'],
    ['SELECT * FROM no_such_table', 'query_failed'],
  ])('refuses %s with a 400 problem saying why', async (sql, code) => {
    const response = await query(sql);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code });
  });
});

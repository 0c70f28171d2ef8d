import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../infra/logging/logger.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import { replenishmentProjection } from '../../projections/replenishment/projection.ts';
import {
  startReadModelProjector,
  type RunningProjector,
} from '../../projections/runtime/projector-runner.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { replenishmentReadRoutes } from './replenishment-routes.ts';
import { readRoutesApp } from '../../test-support/read-routes-app.ts';

const secret = 'replenishment-read-test-secret-0123456789';
const log = createLogger('silent');

describe('replenishment read routes on pglite', () => {
  let h: CommandHarness;
  let projector: RunningProjector;
  let getAs: ReturnType<typeof readRoutesApp>['get'];
  const get = (url: string, role: 'customer' | 'staff' | 'admin' | null = 'staff') => getAs(url, role);

  beforeAll(async () => {
    h = await commandHarness('pglite');
    const metrics = createMetricsRegistry();
    projector = await startReadModelProjector(
      { store: h.store, database: h.sql, log, metrics },
      replenishmentProjection(),
      { pollIntervalMs: 5 },
    );
    ({ get: getAs } = readRoutesApp(h.sql, replenishmentReadRoutes, {
      secret,
      log,
      consistencyWaitMs: 5_000,
    }));

    await h.handlers.createLocation('berlin', 'Berlin', h.context());
    const result = await h.handlers.recordForecast(
      {
        sku: 'MUG',
        location: 'berlin',
        leadTimeDemand: 35,
        safetyStock: 6,
        forecastErrorSd: 2,
        leadTimeDays: 7,
        serviceLevel: 0.95,
        reviewPeriodDays: 7,
        method: 'holt-winters',
        demandClass: 'smooth',
        historyDays: 60,
        asOf: '2026-11-21T10:00:00.000Z',
      },
      h.context({ id: 'forecasting', role: 'system' }),
    );
    expect(await projector.waitFor(result.position!, 20_000)).toBe(true);
  });
  afterAll(async () => {
    await projector?.stop();
    await h?.dispose();
  });

  it('lists open suggestions and reorder points for staff', async () => {
    const suggestions = await get('/staff/replenishment/suggestions');
    expect(suggestions.status).toBe(200);
    // Nothing in stock: order up to 41 + 7 × 5 = 76.
    expect(suggestions.body.items).toEqual([
      expect.objectContaining({ sku: 'MUG', location: 'berlin', quantity: 76, status: 'open', available: 0 }),
    ]);
    const points = await get('/staff/replenishment/reorder-points?maxDaysOfCover=1', 'admin');
    expect(points.status).toBe(200);
    expect(points.body.items).toEqual([
      expect.objectContaining({
        reorderPoint: 41,
        expectedDailyDemand: 5,
        daysOfCover: 0,
        method: 'holt-winters',
      }),
    ]);
    expect((await get('/staff/replenishment/suggestions?status=dismissed')).body.items).toEqual([]);
  });

  it('refuses customers and anonymous callers, and names a bad query field', async () => {
    expect((await get('/staff/replenishment/suggestions', 'customer')).status).toBe(403);
    expect((await get('/staff/replenishment/reorder-points', null)).status).toBe(401);
    const bad = await get('/staff/replenishment/reorder-points?maxDaysOfCover=-3');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('maxDaysOfCover');
    expect((await get('/staff/replenishment/suggestions?status=lost')).status).toBe(400);
  });
});

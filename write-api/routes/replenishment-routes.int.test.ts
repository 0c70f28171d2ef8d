import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeApiHarness, type WriteApiHarness } from '../../test-support/write-api-harness.ts';

const at = { sku: 'MUG', location: 'berlin' };
const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe.each(['pglite', 'postgres'] as const)('replenishment commands over HTTP on %s', (backend) => {
  let h: WriteApiHarness;
  beforeAll(async () => {
    h = await writeApiHarness(backend);
    await h.handlers.createLocation('berlin', 'Berlin', h.context());
  });
  afterAll(() => h.dispose());

  it('sets a per-SKU lead time with If-Match and refuses a stale revision', async () => {
    const set = await h.post('/replenishment/policies', { ...at, leadTimeDays: 12, serviceLevel: null });
    expect(set.status).toBe(200);
    expect(set.headers.get('etag')).toBe('"0"');
    const stale = await h.post(
      '/replenishment/policies',
      { ...at, leadTimeDays: 14, serviceLevel: 0.99 },
      undefined,
      {
        'if-match': '"5"',
      },
    );
    expect(stale.status).toBe(409);
    const edit = await h.post(
      '/replenishment/policies',
      { ...at, leadTimeDays: 14, serviceLevel: 0.99 },
      undefined,
      {
        'if-match': '"0"',
      },
    );
    expect(edit.status).toBe(200);
    expect((await json(edit)).events).toEqual([
      {
        type: 'ReplenishmentPolicySet',
        data: {
          ...at,
          leadTimeDays: 14,
          serviceLevel: 0.99,
          previous: { leadTimeDays: 12, serviceLevel: null },
        },
      },
    ]);
  });

  it('answers nonsense with a 400 naming the field, an unknown location with 404, staff with 403', async () => {
    const bad = await h.post('/replenishment/policies', { ...at, leadTimeDays: 0, serviceLevel: null });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await json(bad))).toContain('leadTimeDays');
    const level = await h.post('/replenishment/policies', { ...at, leadTimeDays: null, serviceLevel: 1 });
    expect(level.status).toBe(400);
    expect(JSON.stringify(await json(level))).toContain('serviceLevel');
    const nowhere = await h.post('/replenishment/policies', {
      ...at,
      location: 'atlantis',
      leadTimeDays: 3,
      serviceLevel: null,
    });
    expect(nowhere.status).toBe(404);
    const staff = await h.post(
      '/replenishment/policies',
      { ...at, leadTimeDays: 3, serviceLevel: null },
      {
        role: 'staff',
        subject: 'staff-1',
      },
    );
    expect(staff.status).toBe(403);
  });

  it('dismisses the open suggestion, and 404s one that is not open', async () => {
    const forecast = await h.handlers.recordForecast(
      {
        sku: 'PLATE',
        location: 'berlin',
        leadTimeDemand: 20,
        safetyStock: 4,
        forecastErrorSd: 1.5,
        leadTimeDays: 5,
        serviceLevel: 0.95,
        reviewPeriodDays: 7,
        method: 'holt',
        demandClass: 'smooth',
        historyDays: 30,
        asOf: '2026-11-21T10:00:00.000Z',
      },
      h.context({ id: 'forecasting', role: 'system' }),
    );
    // Nothing in stock: suggest ordering up to 24 + 7 × 4 = 52.
    const suggested = forecast.events.find((e) => e.type === 'ReplenishmentSuggested');
    expect(suggested?.data).toMatchObject({ quantity: 52, available: 0 });
    const id = suggested!.data.suggestionId as string;
    const dismissed = await h.post(`/replenishment/suggestions/${id}/dismiss`, {
      sku: 'PLATE',
      location: 'berlin',
      note: 'supplier discontinued it',
    });
    expect(dismissed.status).toBe(200);
    const again = await h.post(`/replenishment/suggestions/${id}/dismiss`, {
      sku: 'PLATE',
      location: 'berlin',
    });
    expect(again.status).toBe(404);
    expect(await json(again)).toMatchObject({ code: 'suggestion_not_open' });
  });
});

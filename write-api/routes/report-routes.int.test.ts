import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeApiHarness, type WriteApiHarness } from '../../test-support/write-api-harness.ts';

const admin = { role: 'admin' as const, subject: 'admin-1' };
const staff = { role: 'staff' as const, subject: 'staff-1' };
type Json = Record<string, unknown> & { errors?: { path: string }[] };

const report = {
  name: 'Revenue by currency',
  definition: { measure: 'revenue', by: ['period', 'currency'], lastDays: 7 },
};
const schedule = {
  cadence: 'daily',
  time: '08:00',
  timeZone: 'Europe/Berlin',
  recipients: ['ops@example.com'],
  format: 'csv',
};

describe('saved and scheduled reports over HTTP', () => {
  let h: WriteApiHarness;
  const json = async (response: Response) => (await response.json()) as Json;
  const eventCount = async () =>
    Number((await h.sql.query<{ n: string }>('select count(*)::text as n from qm_events'))[0]!.n);

  beforeAll(async () => {
    h = await writeApiHarness('pglite');
  });
  afterAll(() => h?.dispose());

  it('saves, schedules, unschedules and deletes a report; a retried request appends once', async () => {
    const saved = await h.send('PUT', '/reports/weekly', report, admin, {
      'idempotency-key': 'save-weekly-1',
    });
    expect(saved.status).toBe(200);
    const before = await eventCount();
    const again = await h.send('PUT', '/reports/weekly', report, admin, {
      'idempotency-key': 'save-weekly-1',
    });
    expect(again.status).toBe(200);
    expect(await eventCount()).toBe(before);

    expect((await h.send('PUT', '/reports/weekly/schedule', schedule, admin)).status).toBe(200);
    const [scheduled] = (await h.store.readStream('report-weekly')).filter(
      (e) => e.type === 'ReportScheduled',
    );
    // The harness clock: Saturday 2026-11-21 10:00 UTC; the next 08:00 in Berlin is Sunday 07:00 UTC.
    expect(scheduled!.data).toMatchObject({
      nextRunAt: '2026-11-22T07:00:00.000Z',
      schedule: { ...schedule, weekday: null },
    });
    expect((await h.send('DELETE', '/reports/weekly/schedule', undefined, admin)).status).toBe(200);
    // Nothing to take off any more: refused, in the API's words.
    expect((await h.send('DELETE', '/reports/weekly/schedule', undefined, admin)).status).toBe(422);
    expect((await h.send('DELETE', '/reports/weekly', undefined, admin)).status).toBe(200);
    expect((await h.send('PUT', '/reports/weekly/schedule', schedule, admin)).status).toBe(404);
  });

  it.each([
    [
      '/reports/r1',
      { ...report, definition: { ...report.definition, measure: 'profit' } },
      'definition.measure',
    ],
    ['/reports/r1', { ...report, definition: { ...report.definition, lastDays: 0 } }, 'definition.lastDays'],
    [
      '/reports/r1',
      { ...report, definition: { ...report.definition, measure: 'orders', by: ['sku'] } },
      'definition.measure',
    ],
    ['/reports/r1', { ...report, name: '' }, 'name'],
    ['/reports/r1/schedule', { ...schedule, timeZone: 'Mars/Olympus' }, 'schedule.timeZone'],
    ['/reports/r1/schedule', { ...schedule, recipients: ['ops'] }, 'recipients[0]'],
    ['/reports/r1/schedule', { ...schedule, cadence: 'weekly' }, 'weekday'],
    ['/reports/r1/schedule', { ...schedule, time: '24:00' }, 'time'],
  ])('refuses bad input at %s naming %s, appending nothing', async (path, body, field) => {
    expect((await h.send('PUT', '/reports/r1', report, admin)).status).toBeLessThan(300);
    const before = await eventCount();
    const response = await h.send('PUT', path, body, admin);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const problem = await json(response);
    expect(response.status).toBe(400);
    expect(problem.errors?.map((error) => error.path)).toEqual([field]);
    expect(await eventCount()).toBe(before);
  });

  it('is for admins: staff may not save or schedule', async () => {
    expect((await h.send('PUT', '/reports/r2', report, staff)).status).toBe(403);
    expect((await h.send('PUT', '/reports/r1/schedule', schedule, staff)).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { reportsProjection, reportsTag } from './projection.ts';
import { savedReportList } from './queries.ts';

const definition = {
  measure: 'units',
  by: ['sku'],
  filters: { location: 'berlin' },
  granularity: 'day',
  lastDays: 7,
  limit: 50,
} as const;
const schedule = {
  cadence: 'weekly',
  weekday: 1,
  time: '07:30',
  timeZone: 'Europe/Berlin',
  recipients: ['ops@example.com'],
  format: 'pdf',
} as const;

/** Events written by the real handlers, then projected in one batch or one event at a time. */
describe('saved reports read model', () => {
  let h: CommandHarness;
  let database: SpecDatabase;
  let events: RecordedEvent[];

  beforeAll(async () => {
    h = await commandHarness('pglite');
    database = await openSpecDatabase('pglite');
    const admin = h.context();
    const save = (reportId: string, name: string) =>
      h.handlers.saveReport(
        {
          reportId,
          name,
          definition: { ...definition, by: [...definition.by], filters: { ...definition.filters } },
        },
        admin,
      );
    await save('units', 'Units per SKU');
    await h.handlers.scheduleReport(
      { reportId: 'units', schedule: { ...schedule, recipients: [...schedule.recipients] } },
      admin,
    );
    await save('units', 'Units per SKU in Berlin'); // renamed: the schedule stays
    await save('gone', 'Deleted');
    await h.handlers.deleteReport('gone', admin);
    await save('plain', 'A plain one');
    await h.handlers.scheduleReport(
      { reportId: 'plain', schedule: { ...schedule, recipients: [...schedule.recipients] } },
      admin,
    );
    await h.handlers.unscheduleReport('plain', admin);
    events = await h.store.readAll({ maxCount: 1000 });
  });
  afterAll(async () => {
    await database.dispose();
    await h.dispose();
  });

  it.each([undefined, 1])(
    'lists saved reports by name with their schedules (batch size %s)',
    async (batchSize) => {
      const spec = await database.spec(reportsProjection());
      expect(await spec.given(events, batchSize ? { batchSize } : {})).toContain(reportsTag);
      const list = await spec.read((db) => savedReportList(db));
      expect(list.map((report) => [report.reportId, report.name])).toEqual([
        ['plain', 'A plain one'],
        ['units', 'Units per SKU in Berlin'],
      ]);
      const [plain, units] = list;
      expect(plain).toMatchObject({ schedule: null, nextRunAt: null, runs: 0 });
      // The harness clock stands at Saturday 2026-11-21 10:00 UTC: the next Monday 07:30 in Berlin.
      expect(units).toMatchObject({
        definition,
        schedule,
        nextRunAt: '2026-11-23T06:30:00.000Z',
        lastRunAt: null,
        runs: 0,
      });
    },
  );
});

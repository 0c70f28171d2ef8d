import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { ReportNotFound, ReportRunNotDue } from './errors.ts';
import {
  nextRunAfter,
  reportDecider,
  type ReportSaved,
  type ReportSchedule,
  type ReportScheduled,
} from './index.ts';

const given = specFor(reportDecider);
const definition = {
  measure: 'revenue',
  by: ['period', 'currency'],
  filters: {},
  granularity: 'day',
  lastDays: 7,
  limit: 100,
} as const;
const saved: ReportSaved = {
  type: 'ReportSaved',
  data: {
    reportId: 'weekly-revenue',
    name: 'Weekly revenue',
    definition: { ...definition, by: [...definition.by], filters: {} },
    at: '2026-03-01T10:00:00.000Z',
  },
};
const berlinDaily: ReportSchedule = {
  cadence: 'daily',
  weekday: null,
  time: '08:00',
  timeZone: 'Europe/Berlin',
  recipients: ['ops@example.com'],
  format: 'csv',
};
const scheduled: ReportScheduled = {
  type: 'ReportScheduled',
  data: {
    reportId: 'weekly-revenue',
    schedule: berlinDaily,
    at: '2026-03-01T10:00:00.000Z',
    nextRunAt: '2026-03-02T07:00:00.000Z',
  },
};

describe('nextRunAfter', () => {
  it('runs at the local time, following daylight saving', () => {
    // Berlin is UTC+1 in winter and UTC+2 from 29 March 2026.
    expect(nextRunAfter(berlinDaily, '2026-03-01T10:00:00.000Z')).toBe('2026-03-02T07:00:00.000Z');
    expect(nextRunAfter(berlinDaily, '2026-03-29T05:00:00.000Z')).toBe('2026-03-29T06:00:00.000Z');
    expect(nextRunAfter(berlinDaily, '2026-03-29T06:00:00.000Z')).toBe('2026-03-30T06:00:00.000Z');
  });

  it('runs weekly on the named local weekday, even when that is another UTC day', () => {
    const mondayMorningTokyo = {
      ...berlinDaily,
      cadence: 'weekly',
      weekday: 1,
      time: '07:30',
      timeZone: 'Asia/Tokyo',
    } as const;
    // Monday 07:30 in Tokyo is Sunday 22:30 UTC; 2026-12-06 is a Sunday.
    expect(nextRunAfter(mondayMorningTokyo, '2026-12-05T12:00:00.000Z')).toBe('2026-12-06T22:30:00.000Z');
    expect(nextRunAfter(mondayMorningTokyo, '2026-12-06T22:30:00.000Z')).toBe('2026-12-13T22:30:00.000Z');
  });
});

describe('saving and scheduling', () => {
  it('saves a definition; saving the same again changes nothing', () => {
    given([])
      .when({
        type: 'SaveReport',
        data: {
          reportId: 'weekly-revenue',
          name: 'Weekly revenue',
          definition: saved.data.definition,
          now: saved.data.at,
        },
      })
      .then([saved]);
    given([saved])
      .when({
        type: 'SaveReport',
        data: {
          reportId: 'weekly-revenue',
          name: 'Weekly revenue',
          definition: saved.data.definition,
          now: saved.data.at,
        },
      })
      .thenNothing();
  });

  it('refuses orders by SKU, naming the measure, as the builder does', () => {
    given([])
      .when({
        type: 'SaveReport',
        data: {
          reportId: 'r',
          name: 'r',
          definition: { ...saved.data.definition, measure: 'orders', by: ['sku'] },
          now: saved.data.at,
        },
      })
      .thenThrows(ValidationFailed, { field: 'definition.measure' });
  });

  it('schedules from the time of the command, and refuses an unknown zone or a bad address', () => {
    given([saved])
      .when({
        type: 'ScheduleReport',
        data: { reportId: 'weekly-revenue', schedule: berlinDaily, now: scheduled.data.at },
      })
      .then([scheduled]);
    given([saved])
      .when({
        type: 'ScheduleReport',
        data: {
          reportId: 'weekly-revenue',
          schedule: { ...berlinDaily, timeZone: 'Mars/Olympus' },
          now: scheduled.data.at,
        },
      })
      .thenThrows(ValidationFailed, { field: 'schedule.timeZone' });
    given([saved])
      .when({
        type: 'ScheduleReport',
        data: {
          reportId: 'weekly-revenue',
          schedule: { ...berlinDaily, recipients: ['ops'] },
          now: scheduled.data.at,
        },
      })
      .thenThrows(ValidationFailed, { field: 'schedule.recipients[0]' });
    given([])
      .when({
        type: 'ScheduleReport',
        data: { reportId: 'x', schedule: berlinDaily, now: scheduled.data.at },
      })
      .thenThrows(ReportNotFound);
  });
});

describe('runs', () => {
  it('records the due run and moves to the next one', () => {
    given([saved, scheduled])
      .when({
        type: 'RecordReportRun',
        data: { reportId: 'weekly-revenue', now: '2026-03-02T07:00:01.000Z' },
      })
      .then([
        {
          type: 'ScheduledReportRan',
          data: {
            reportId: 'weekly-revenue',
            runAt: '2026-03-02T07:00:00.000Z',
            at: '2026-03-02T07:00:01.000Z',
            nextRunAt: '2026-03-03T07:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a run not yet due, one already recorded, and one after the schedule was taken off', () => {
    given([saved, scheduled])
      .when({
        type: 'RecordReportRun',
        data: { reportId: 'weekly-revenue', now: '2026-03-02T06:59:59.000Z' },
      })
      .thenThrows(ReportRunNotDue);
    given([
      saved,
      scheduled,
      {
        type: 'ScheduledReportRan',
        data: {
          reportId: 'weekly-revenue',
          runAt: '2026-03-02T07:00:00.000Z',
          at: '2026-03-02T07:00:01.000Z',
          nextRunAt: '2026-03-03T07:00:00.000Z',
        },
      },
    ])
      .when({
        type: 'RecordReportRun',
        data: { reportId: 'weekly-revenue', now: '2026-03-02T07:00:02.000Z' },
      })
      .thenThrows(ReportRunNotDue);
    given([
      saved,
      scheduled,
      { type: 'ReportUnscheduled', data: { reportId: 'weekly-revenue', at: '2026-03-01T11:00:00.000Z' } },
    ])
      .when({
        type: 'RecordReportRun',
        data: { reportId: 'weekly-revenue', now: '2026-03-02T07:00:02.000Z' },
      })
      .thenThrows(ReportRunNotDue);
  });
});

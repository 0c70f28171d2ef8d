import { assertNever } from '../assert-never.ts';
import { NoChange, ValidationFailed } from '../errors.ts';
import { requireIsoTime, requireKey, requireOneOf, requireText } from '../validation.ts';
import type { ReportCommand } from './commands.ts';
import { ReportNotFound, ReportRunNotDue } from './errors.ts';
import type { ReportDefinition, ReportEvent, ReportSchedule } from './events.ts';
import { isTimeZone, nextRunAfter } from './next-run.ts';
import type { ReportState } from './state.ts';

const measures = ['revenue', 'units', 'discount', 'lines', 'orders'] as const;
const dimensions = ['period', 'sku', 'location', 'currency'] as const;
/** A generous bound on one mail's recipients: a schedule is for a team, not a mailing list. */
const MAX_RECIPIENTS = 20;

export function decideReport(command: ReportCommand, state: ReportState): ReportEvent[] {
  switch (command.type) {
    case 'SaveReport': {
      const { reportId, name, now } = command.data;
      requireKey('reportId', reportId);
      requireText('name', name, 120);
      requireIsoTime('now', now);
      const definition = requireDefinition(command.data.definition);
      // Saving what is saved changes nothing: a PUT repeated answers as the first did.
      if (
        state.status === 'saved' &&
        state.name === name &&
        JSON.stringify(state.definition) === JSON.stringify(definition)
      ) {
        return [];
      }
      return [{ type: 'ReportSaved', data: { reportId, name, definition, at: now } }];
    }
    case 'ScheduleReport': {
      const { reportId, now } = command.data;
      if (state.status !== 'saved') throw new ReportNotFound(reportId);
      const schedule = requireSchedule(command.data.schedule);
      return [
        {
          type: 'ReportScheduled',
          data: { reportId, schedule, at: now, nextRunAt: nextRunAfter(schedule, now) },
        },
      ];
    }
    case 'UnscheduleReport': {
      const { reportId, now } = command.data;
      if (state.status !== 'saved') throw new ReportNotFound(reportId);
      if (!state.schedule) throw new NoChange({ aggregate: 'report', id: reportId, field: 'schedule' });
      return [{ type: 'ReportUnscheduled', data: { reportId, at: now } }];
    }
    case 'RecordReportRun': {
      const { reportId, now } = command.data;
      if (state.status !== 'saved') throw new ReportNotFound(reportId);
      const { schedule, nextRunAt } = state;
      if (!schedule || nextRunAt === null || Date.parse(nextRunAt) > Date.parse(now)) {
        throw new ReportRunNotDue(reportId, nextRunAt);
      }
      // Runs missed while no instance was up are not made up one by one: the next is after now.
      return [
        {
          type: 'ScheduledReportRan',
          data: { reportId, runAt: nextRunAt, at: now, nextRunAt: nextRunAfter(schedule, now) },
        },
      ];
    }
    case 'DeleteReport': {
      const { reportId, now } = command.data;
      if (state.status !== 'saved') throw new ReportNotFound(reportId);
      return [{ type: 'ReportDeleted', data: { reportId, at: now } }];
    }
    default:
      return assertNever(command);
  }
}

function requireDefinition(definition: ReportDefinition): ReportDefinition {
  requireOneOf('definition.measure', definition.measure, measures);
  definition.by.forEach((name, index) => requireOneOf(`definition.by[${index}]`, name, dimensions));
  if (new Set(definition.by).size !== definition.by.length) {
    throw new ValidationFailed('definition.by', 'must not name a dimension twice');
  }
  requireOneOf('definition.granularity', definition.granularity, ['day', 'week', 'month'] as const);
  requireRange('definition.lastDays', definition.lastDays, 1, 366);
  requireRange('definition.limit', definition.limit, 1, 1000);
  // Same rule as the builder: orders are counted once per order, so never per SKU or location.
  const perLine =
    definition.by.includes('sku') ||
    definition.by.includes('location') ||
    definition.filters.sku !== undefined ||
    definition.filters.location !== undefined;
  if (definition.measure === 'orders' && perLine) {
    throw new ValidationFailed(
      'definition.measure',
      'orders is counted over whole orders: not by or for a SKU or location',
    );
  }
  // Kept in a fixed key order, so saving the same definition twice compares equal.
  const filters: ReportDefinition['filters'] = {};
  for (const key of ['sku', 'location', 'currency'] as const) {
    const value = definition.filters[key];
    if (value !== undefined) filters[key] = requireKey(`definition.filters.${key}`, value);
  }
  return {
    measure: definition.measure,
    by: [...definition.by],
    filters,
    granularity: definition.granularity,
    lastDays: definition.lastDays,
    limit: definition.limit,
  };
}

function requireSchedule(schedule: ReportSchedule): ReportSchedule {
  requireOneOf('schedule.cadence', schedule.cadence, ['daily', 'weekly'] as const);
  requireOneOf('schedule.format', schedule.format, ['csv', 'pdf'] as const);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(schedule.time)) {
    throw new ValidationFailed('schedule.time', 'must be HH:MM, 00:00 to 23:59');
  }
  if (!isTimeZone(schedule.timeZone)) {
    throw new ValidationFailed('schedule.timeZone', 'must be an IANA time zone such as Europe/Berlin');
  }
  const weekday = schedule.cadence === 'weekly' ? schedule.weekday : null;
  if (schedule.cadence === 'weekly') requireRange('schedule.weekday', weekday ?? 0, 1, 7);
  if (schedule.recipients.length === 0 || schedule.recipients.length > MAX_RECIPIENTS) {
    throw new ValidationFailed('schedule.recipients', `must name 1 to ${MAX_RECIPIENTS} addresses`);
  }
  schedule.recipients.forEach((address, index) => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) || address.length > 254) {
      throw new ValidationFailed(`schedule.recipients[${index}]`, 'must be a mail address');
    }
  });
  return {
    cadence: schedule.cadence,
    weekday,
    time: schedule.time,
    timeZone: schedule.timeZone,
    recipients: [...new Set(schedule.recipients.map((address) => address.toLowerCase()))],
    format: schedule.format,
  };
}

function requireRange(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationFailed(field, `must be a whole number from ${min} to ${max}`);
  }
}

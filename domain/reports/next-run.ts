import { ValidationFailed } from '../errors.ts';
import type { ReportSchedule } from './events.ts';

/**
 * The schedule's arithmetic in a time zone, with the runtime's own zone database (`Intl`, pure:
 * no clock). A run is at the local `time` on the local day (and weekday), so "08:00 Europe/Berlin"
 * stays at eight through daylight-saving changes; a local time a spring-forward skips runs at the
 * instant the offset arithmetic lands on (an hour later), never twice and never not at all.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, found);
  }
  return found;
}

export function isTimeZone(value: string): boolean {
  try {
    format(value);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at an instant. */
function local(ms: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const part of format(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  const field = (name: string) => Number(parts[name]);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    /** The wall clock read as if it were UTC: minus the instant, the zone's offset. */
    asUtc: Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    ),
  };
}

/** The instant a local wall-clock time names (the later offset's reading in an autumn overlap). */
function instantOf(wallAsUtc: number, timeZone: string): number {
  let guess = wallAsUtc - (local(wallAsUtc, timeZone).asUtc - wallAsUtc);
  guess = wallAsUtc - (local(guess, timeZone).asUtc - guess);
  return guess;
}

/** The first run strictly after `after` (an ISO time), as an ISO time in UTC. */
export function nextRunAfter(schedule: ReportSchedule, after: string): string {
  const afterMs = Date.parse(after);
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  const today = local(afterMs, schedule.timeZone);
  // Eight local days cover a weekly run wherever the week stands.
  for (let offset = 0; offset <= 8; offset += 1) {
    const wall = Date.UTC(today.year, today.month - 1, today.day + offset, hour, minute);
    const at = instantOf(wall, schedule.timeZone);
    if (at <= afterMs) continue;
    const weekday = ((new Date(wall).getUTCDay() + 6) % 7) + 1;
    if (schedule.cadence === 'weekly' && weekday !== schedule.weekday) continue;
    return new Date(at).toISOString();
  }
  throw new ValidationFailed('schedule', 'has no run in the next eight days');
}

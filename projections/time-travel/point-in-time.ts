import { parsePositionToken, positionToToken, type Position } from '../../ports/position.ts';

/** Where in a stream's history to stop: a moment in time, or a global position (`commit:prepare`). */
export type PointInTime = { kind: 'time'; time: Date } | { kind: 'position'; position: Position };

const UNITS_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const CLOCK = String.raw`(?:\s+(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?)?`;
const RELATIVE = /^(\d+)\s+(second|minute|hour|day|week)s?\s+ago$/;
const DAY_WORD = new RegExp(`^(today|yesterday)${CLOCK}$`);
const WEEKDAY = new RegExp(`^(?:last\\s+)?(${WEEKDAYS.join('|')})${CLOCK}$`);

/**
 * Parses `--at` / `?at=`: a position token (`1234:56`), an ISO time (`2026-11-17T14:00:00Z`,
 * `2026-11-17 14:00`, `2026-11-17`), or a friendly form in the local time zone: `now`,
 * `3 hours ago`, `2 days ago`, `yesterday 14:00`, `today at 9am`, `last tuesday 14:00`, `tuesday`
 * (the latest past Tuesday, a week back when today is Tuesday; midnight when no time is given).
 * Returns null for anything else, so callers can name the field in their error.
 */
export function parsePointInTime(text: string, now: Date): PointInTime | null {
  const input = text.trim().toLowerCase();
  const position = parsePositionToken(input);
  if (position) return { kind: 'position', position };
  if (/^\d{4}-\d{2}-\d{2}/.test(input)) {
    const time = new Date(input.replace(' ', 'T'));
    return Number.isNaN(time.getTime()) ? null : { kind: 'time', time };
  }
  if (input === 'now') return { kind: 'time', time: new Date(now) };
  const relative = RELATIVE.exec(input);
  if (relative) {
    return { kind: 'time', time: new Date(now.getTime() - Number(relative[1]) * UNITS_MS[relative[2]!]!) };
  }
  const dayWord = DAY_WORD.exec(input);
  if (dayWord) return atClock(daysBefore(now, dayWord[1] === 'yesterday' ? 1 : 0), dayWord.slice(2));
  const weekday = WEEKDAY.exec(input);
  if (weekday) {
    const back = (now.getDay() - WEEKDAYS.indexOf(weekday[1]!) + 7) % 7 || 7;
    return atClock(daysBefore(now, back), weekday.slice(2));
  }
  return null;
}

/** The text form of a point, as answers echo it. */
export function describePointInTime(at: PointInTime): string {
  return at.kind === 'time' ? at.time.toISOString() : positionToToken(at.position);
}

function daysBefore(now: Date, days: number): Date {
  const day = new Date(now);
  day.setDate(day.getDate() - days);
  day.setHours(0, 0, 0, 0);
  return day;
}

function atClock(day: Date, [hours, minutes, meridiem]: (string | undefined)[]): PointInTime | null {
  let h = hours === undefined ? 0 : Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (h > 23 || m > 59) return null;
  day.setHours(h, m, 0, 0);
  return { kind: 'time', time: day };
}

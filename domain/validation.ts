import { ValidationFailed } from './errors.ts';

/**
 * Keys end up in stream names (`stock-{sku}@{location}`), NATS subjects and URLs, so they are
 * limited to characters all of those accept; `@` is excluded because it separates sku and location.
 */
const KEY = /^[A-Za-z0-9._~:+=-]{1,64}$/;

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

export const MAX_TEXT = 2000;

export function requireKey(field: string, value: string): string {
  if (!KEY.test(value)) {
    throw new ValidationFailed(field, 'must be 1 to 64 characters of A-Z a-z 0-9 . _ ~ : + = -');
  }
  return value;
}

export function requireText(field: string, value: string, max = 200): string {
  if (value.trim() === '') throw new ValidationFailed(field, 'must not be blank');
  return requireLength(field, value, max);
}

export function requireLength(field: string, value: string, max: number): string {
  if (value.length > max) throw new ValidationFailed(field, `must be at most ${max} characters`);
  return value;
}

export function requirePositiveInt(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new ValidationFailed(field, 'must be a positive integer');
  return value;
}

export function requireNonNegativeInt(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ValidationFailed(field, 'must be a non-negative integer');
  }
  return value;
}

export function requireOneOf<T extends string>(field: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) throw new ValidationFailed(field, `must be one of ${allowed.join(', ')}`);
  return value;
}

/** ISO 8601 with an explicit offset; calendar-checked because `Date.parse` rolls Feb 30 into March. */
export function requireIsoTime(field: string, value: string): string {
  const match = ISO_TIME.exec(value);
  const [, y, mo, d, h, mi, s] = (match ?? []).map(Number);
  const valid =
    match !== null &&
    y !== undefined &&
    mo !== undefined &&
    d !== undefined &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, mo) &&
    (h ?? 99) <= 23 &&
    (mi ?? 99) <= 59 &&
    (s ?? 99) <= 59;
  if (!valid) throw new ValidationFailed(field, 'must be an ISO 8601 time with an offset');
  return value;
}

export function epochMillis(isoTime: string): number {
  return Date.parse(isoTime);
}

export function requireUnique(field: string, values: readonly string[]): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) throw new ValidationFailed(`${field}[${index}]`, `repeats ${value}`);
    seen.add(value);
  });
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

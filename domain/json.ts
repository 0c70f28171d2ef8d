import { assertNever } from './assert-never.ts';

/**
 * Event data is stored as JSON and must come back equal, so only values that survive a
 * JSON round trip unchanged are allowed: no Dates, no undefined, no NaN, no class instances.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isPlainJson(value: unknown): value is JsonValue {
  if (value === null) return true;
  const kind = typeof value;
  switch (kind) {
    case 'boolean':
    case 'string':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) return value.every(isPlainJson);
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      return Object.values(value as object).every(isPlainJson);
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      return false;
    default:
      return assertNever(kind);
  }
}

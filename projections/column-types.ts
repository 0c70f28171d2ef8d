/**
 * Column types shared by the read models' Kysely table interfaces.
 *
 * `bigint` columns come back as strings from `pg` and as numbers from PGlite, so their select type
 * is the union; query functions in each read model's `queries.ts` normalise them with `toNumber`.
 */
import type { ColumnType } from 'kysely';

/** A PostgreSQL `bigint` (money in minor units, log positions). */
export type Int8 = ColumnType<string | number, number | string, number | string>;

/** A `timestamptz`: read as a Date, written as an ISO string. */
export type Timestamp = ColumnType<Date, string | Date, string | Date>;

/** A `json` or `jsonb` column: read back as the parsed value, written as a JSON string or value. */
export type Json<T> = ColumnType<T, string | T, string | T>;

/** Normalises an `Int8` (or a nullable one) as returned by either driver. */
export function toNumber(value: string | number | bigint): number;
export function toNumber(value: string | number | bigint | null): number | null;
export function toNumber(value: string | number | bigint | null): number | null {
  return value === null ? null : Number(value);
}

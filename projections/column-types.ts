/**
 * Reading read-model columns back. Column types themselves are declared with each table
 * (`table-declaration.ts`).
 *
 * `bigint` columns come back as strings from `pg` and as numbers from PGlite, so their select type
 * is the union; query functions in each read model's `queries.ts` normalise them with `toNumber`.
 */

/** Normalises a `bigint` column's value (or a nullable one's) as returned by either driver. */
export function toNumber(value: string | number | bigint): number;
export function toNumber(value: string | number | bigint | null): number | null;
export function toNumber(value: string | number | bigint | null): number | null {
  return value === null ? null : Number(value);
}

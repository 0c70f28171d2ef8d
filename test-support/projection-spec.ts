/**
 * given(events) / then(rows) for read-model projections, on PGlite or PostgreSQL.
 *
 * One database per test file (`openSpecDatabase`); each spec gets its own schema, set up by the
 * projection exactly as the runtime would (a Kysely scoped with `withSchema`), and applies batches
 * inside a transaction through `kyselyOver`, as the runtime does.
 */
import type { Kysely } from 'kysely';
import type { EventFilter, RecordedEvent } from '../ports/event-store.ts';
import { kyselyOver } from '../infra/sql/kysely-over-sql.ts';
import type { SqlClient } from '../infra/sql/sql-client.ts';
import { migratedPglite, migratedPostgres } from './databases.ts';
import type { ReadModelProjection } from '../projections/runtime/projection.ts';

export type Backend = 'pglite' | 'postgres';

export interface SpecDatabase {
  client: SqlClient;
  /** A fresh schema with `projection`'s tables in it. */
  spec<Database>(projection: ReadModelProjection<Database>): Promise<ProjectionSpec<Database>>;
  dispose(): Promise<void>;
}

export interface ProjectionSpec<Database> {
  schema: string;
  /** Applies `events` in batches of `batchSize` (all at once by default); returns every tag invalidated. */
  given(events: readonly RecordedEvent[], options?: { batchSize?: number }): Promise<string[]>;
  /** Every row of `table`, ordered by the given columns, with bigint columns normalised to numbers. */
  rows(table: string, orderBy: readonly string[]): Promise<Record<string, unknown>[]>;
  /** Runs `work` with a Kysely scoped to the spec's schema (for query functions). */
  read<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

export async function openSpecDatabase(backend: Backend): Promise<SpecDatabase> {
  const { client, dispose } = backend === 'postgres' ? await migratedPostgres(4) : await migratedPglite();
  let n = 0;
  return {
    client,
    async spec<Database>(projection: ReadModelProjection<Database>): Promise<ProjectionSpec<Database>> {
      n += 1;
      const schema = `rm_spec_${projection.name}_${n}`;
      await client.query(`create schema ${schema}`);
      await client.transaction((tx) => projection.setup(kyselyOver<Database>(tx).withSchema(schema), schema));
      return {
        schema,
        async given(events, options = {}) {
          const size = options.batchSize ?? Math.max(events.length, 1);
          const tags: string[] = [];
          const relevant = events.filter((event) => matches(projection, event));
          for (let i = 0; i < relevant.length; i += size) {
            const batch = relevant.slice(i, i + size);
            const effects = await client.transaction((tx) =>
              projection.apply(kyselyOver<Database>(tx).withSchema(schema), batch),
            );
            tags.push(...(effects?.invalidate ?? []));
          }
          return tags;
        },
        async rows(table, orderBy) {
          const order = orderBy.map((column) => `"${column}"`).join(', ');
          const rows = await client.query<Record<string, unknown>>(
            `select * from ${schema}."${table}" order by ${order}`,
          );
          return rows.map(normalise);
        },
        read: (work) => work(kyselyOver<Database>(client).withSchema(schema)),
      };
    },
    dispose,
  };
}

/** The runtime feeds only events matching the projection's filter; so does the spec. */
function matches(projection: { filter?: EventFilter }, event: RecordedEvent): boolean {
  const filter = projection.filter;
  if (filter === undefined) return true;
  const category = event.stream.split('-', 1)[0]!;
  if (filter.categories !== undefined && !filter.categories.includes(category)) return false;
  if (filter.eventTypes !== undefined && !filter.eventTypes.includes(event.type)) return false;
  return true;
}

/** pg returns bigint as text, PGlite as number, timestamps as Dates in both: compare as plain values. */
function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'string' && /^-?\d+$/.test(value) && BIGINT_COLUMNS.test(key))
      out[key] = Number(value);
    else if (typeof value === 'bigint') out[key] = Number(value);
    else if (value instanceof Date) out[key] = value.toISOString();
    else out[key] = value;
  }
  return out;
}

const BIGINT_COLUMNS =
  /(amount|price|subtotal|shipping|total|lowest_price_30d|unit_price|line_total|position_commit|position_prepare)$/;

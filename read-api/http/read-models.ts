import type { Kysely } from 'kysely';
import type { Position } from '../../ports/position.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import { kyselyOver } from '../../infra/sql/kysely-over-sql.ts';
import { sqlState, type SqlExecutor } from '../../infra/sql/sql-client.ts';
import {
  activeSchema,
  readCheckpoint,
  UnknownProjection,
  waitForCheckpoint,
} from '../../projections/runtime/checkpoints.ts';

/** A read model as one request sees it: scoped to its serving generation, stamped with its position. */
export interface ReadModelView<Database> {
  db: Kysely<Database>;
  /** Read before the data, so the data is at least this new (null: nothing applied yet). */
  position: Position | null;
}

export interface ReadModels {
  /**
   * Runs `work` against the generation of `name` that serves now. A replay may switch and drop the
   * generation between two requests; a query that then finds its schema gone is retried once on the
   * new one.
   */
  read<Database, T>(name: string, work: (view: ReadModelView<Database>) => Promise<T>): Promise<T>;
  /**
   * `read` without the position: for a lookup that answers no client with a consistency token
   * (the write side's pricing asks the promotions and orders read models). It spares the
   * checkpoint's query, a round trip that `read` sends beside every data query.
   */
  lookup<Database, T>(name: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Waits, at most `timeoutMs`, until every named projection has passed `position`; false if not. */
  waitFor(names: readonly string[], position: Position, timeoutMs: number): Promise<boolean>;
}

/** How long a resolved schema name is trusted before it is read again. */
const SCHEMA_TTL_MS = 1_000;

const notReady = (name: string, cause: unknown) =>
  new HttpProblem({
    status: 503,
    code: 'read_model_not_ready',
    title: 'Read model not ready',
    detail: `The ${name} read model has not been built yet; its projector must run first.`,
    headers: { 'Retry-After': '5' },
    cause,
  });

/** A missing schema or table: the generation this process knew was dropped by a replay. */
const isGenerationGone = (error: unknown) => ['3F000', '42P01'].includes(sqlState(error) ?? '');

/** Read-model access over the read-only database handle. */
export function createReadModels(
  sql: SqlExecutor,
  waitFor: ReadModels['waitFor'] = (names, position, timeoutMs) =>
    waitForCheckpoint(sql, names, position, timeoutMs),
): ReadModels {
  const db = kyselyOver<unknown>(sql);
  const schemas = new Map<string, { schema: string; until: number }>();

  const schemaOf = async (name: string, fresh: boolean): Promise<string> => {
    const known = schemas.get(name);
    if (!fresh && known && known.until > Date.now()) return known.schema;
    try {
      const schema = await activeSchema(sql, name);
      schemas.set(name, { schema, until: Date.now() + SCHEMA_TTL_MS });
      return schema;
    } catch (error) {
      if (error instanceof UnknownProjection) throw notReady(name, error);
      throw error;
    }
  };

  const attempt = async <Database, T>(
    name: string,
    fresh: boolean,
    stamped: boolean,
    work: (view: ReadModelView<Database>) => Promise<T>,
  ) => {
    const [schema, position] = await Promise.all([
      schemaOf(name, fresh),
      stamped ? readCheckpoint(sql, name) : null,
    ]);
    return work({ db: db.withSchema(schema) as unknown as Kysely<Database>, position });
  };

  const inServingGeneration = async <Database, T>(
    name: string,
    stamped: boolean,
    work: (view: ReadModelView<Database>) => Promise<T>,
  ) => {
    try {
      return await attempt(name, false, stamped, work);
    } catch (error) {
      if (!isGenerationGone(error)) throw error;
      schemas.delete(name);
      return attempt(name, true, stamped, work);
    }
  };

  return {
    read: (name, work) => inServingGeneration(name, true, work),
    lookup: <Database, T>(name: string, work: (db: Kysely<Database>) => Promise<T>) =>
      inServingGeneration<Database, T>(name, false, (view) => work(view.db)),
    waitFor,
  };
}

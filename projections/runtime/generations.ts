import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { kyselyOver } from '../../infra/sql/kysely-over-sql.ts';
import type { AnyReadModelProjection } from './projection.ts';
import { resetCheckpoint } from './checkpoints.ts';
import { schemaName } from './registry.ts';

/** Creates generation `generation` of a read model: an empty schema, its tables, a checkpoint at the start. */
export async function createGeneration(
  tx: SqlExecutor,
  projection: AnyReadModelProjection,
  generation: number,
): Promise<string> {
  const schema = schemaName(projection.name, generation);
  // A replay that crashed leaves its half-built generation behind: start that one again from empty.
  await tx.query(`drop schema if exists "${schema}" cascade`);
  await tx.query(`create schema "${schema}"`);
  await projection.setup(kyselyOver<unknown>(tx).withSchema(schema), schema);
  await resetCheckpoint(tx, projection.name, generation);
  return schema;
}

/** Drops a generation that no longer serves: its schema and its checkpoint. */
export async function dropGeneration(tx: SqlExecutor, name: string, generation: number): Promise<void> {
  await tx.query(`drop schema if exists "${schemaName(name, generation)}" cascade`);
  await tx.query('delete from qm_projection_checkpoints where name = $1 and generation = $2', [
    name,
    generation,
  ]);
}

/**
 * Drops the secondary indexes of a generation being filled and returns their definitions, for
 * `restoreIndexes` once the fill is done. A bulk fill then writes only the tables and the indexes
 * that back constraints (upserts need those); building the others once, sorted, costs a fraction of
 * keeping them up to date row by row (the audit entries' three: 76 ms built after the fill against
 * about 170 ms maintained, for 21,000 rows).
 */
export async function setIndexesAside(tx: SqlExecutor, schema: string): Promise<string[]> {
  const indexes = await tx.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes i
     where schemaname = $1
       and not exists (select 1 from pg_constraint c
                       where c.conname = i.indexname and c.connamespace = $1::regnamespace)
     order by indexname`,
    [schema],
  );
  for (const index of indexes) await tx.query(`drop index "${schema}"."${index.name}"`);
  return indexes.map((index) => index.definition);
}

/** Builds the indexes `setIndexesAside` set aside. */
export async function restoreIndexes(tx: SqlExecutor, definitions: readonly string[]): Promise<void> {
  for (const definition of definitions) await tx.query(definition);
}

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

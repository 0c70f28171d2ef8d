import type { SqlExecutor } from '../../infra/sql/sql-client.ts';

export type ProjectionKind = 'read_model' | 'sink';
export type ProjectionStatusValue = 'running' | 'failed';

/** A projector's row in `qm_projections`: which generation serves and whether it runs. */
export interface Registration {
  name: string;
  kind: ProjectionKind;
  activeGeneration: number;
  version: number;
  status: ProjectionStatusValue;
  lastError: string | null;
}

interface RegistrationRow {
  name: string;
  kind: ProjectionKind;
  active_generation: number;
  version: number;
  status: ProjectionStatusValue;
  last_error: string | null;
}

const NAME = /^[a-z][a-z0-9_]{0,39}$/;

/** Names become schema names and metric labels, so they are kept to plain lower-case identifiers. */
export function assertProjectionName(name: string): void {
  if (!NAME.test(name)) {
    throw new Error(
      `projection name "${name}" must be lower-case letters, digits and _ (starting with a letter, at most 40)`,
    );
  }
}

/** The PostgreSQL schema of one generation of a read model. */
export function schemaName(name: string, generation: number): string {
  assertProjectionName(name);
  return `rm_${name}_g${generation}`;
}

const toRegistration = (row: RegistrationRow): Registration => ({
  name: row.name,
  kind: row.kind,
  activeGeneration: Number(row.active_generation),
  version: Number(row.version),
  status: row.status,
  lastError: row.last_error,
});

const COLUMNS = 'name, kind, active_generation, version, status, last_error';

export async function readRegistration(
  db: SqlExecutor,
  name: string,
  lock: '' | 'for share' | 'for update' = '',
): Promise<Registration | null> {
  const [row] = await db.query<RegistrationRow>(
    `select ${COLUMNS} from qm_projections where name = $1 ${lock}`,
    [name],
  );
  return row ? toRegistration(row) : null;
}

export async function listRegistrations(db: SqlExecutor): Promise<Registration[]> {
  const rows = await db.query<RegistrationRow>(`select ${COLUMNS} from qm_projections order by name`);
  return rows.map(toRegistration);
}

/**
 * Registers a projector on its first start (generation 1, checkpoint at the start) and returns its
 * registration; an existing one is returned as it is. Returns whether this call created it.
 */
export async function registerProjection(
  db: SqlExecutor,
  name: string,
  kind: ProjectionKind,
  version: number,
): Promise<{ registration: Registration; created: boolean }> {
  const inserted = await db.query<RegistrationRow>(
    `insert into qm_projections (name, kind, active_generation, version) values ($1, $2, 1, $3)
     on conflict (name) do nothing returning ${COLUMNS}`,
    [name, kind, version],
  );
  if (inserted[0]) {
    await db.query(
      `insert into qm_projection_checkpoints (name, generation) values ($1, 1) on conflict do nothing`,
      [name],
    );
    return { registration: toRegistration(inserted[0]), created: true };
  }
  return { registration: (await readRegistration(db, name))!, created: false };
}

/** Stops (failed, with the error an operator reads in `qm projection status`) or resumes a projector. */
export async function setStatus(
  db: SqlExecutor,
  name: string,
  status: ProjectionStatusValue,
  lastError: string | null,
): Promise<void> {
  await db.query(
    `update qm_projections set status = $2, last_error = $3, updated_at = now() where name = $1`,
    [name, status, lastError],
  );
}

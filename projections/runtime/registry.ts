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

/**
 * The advisory lock that orders a projection's batches against changes of its registration (a
 * replay's switch of generation, a status change): batches hold it shared, changes exclusive, so a
 * change waits for the batches in flight and a batch started after it sees it.
 *
 * Not a row lock on the registration (`for share`): that gives a batch a transaction id from its
 * first statement, and readers of the global log see nothing past the oldest open transaction id
 * (see read-statements.ts), so each batch's whole run (reads, fold, writes) held back every
 * projector's view of new events. An advisory lock takes no transaction id; a live batch gets one
 * only when its writes go with its COMMIT (`kyselyWritesAtCommit`). In the read bench's lag phase
 * (4 s runs): p50 28-35 -> 23-27 ms, p99 103-117 -> 66-78 ms. `batch-visibility.int.test.ts` holds
 * it.
 *
 * `qm_check_serving` (migration 0009) takes the same key in SQL: the two must stay alike.
 */
const REGISTRATION_LOCK = `hashtext('qm_projection_registration'), hashtext($1)`;

/** SQLSTATEs `qm_check_serving` raises (migration 0009). */
export const GENERATION_SWITCHED_STATE = 'QM410';
export const PROJECTOR_PAUSED_STATE = 'QM423';

/**
 * A live batch's guard: takes the registration lock shared, held until the batch ends so its
 * registration does not change meanwhile, and checks as the registration stands once the lock is
 * held that `generation` still serves and the projector runs; raises `GENERATION_SWITCHED_STATE`
 * or `PROJECTOR_PAUSED_STATE` otherwise (`qm_check_serving`, migration 0009). Where the driver can
 * (`atBegin`), it goes with the batch's first statement instead of a round trip of its own.
 */
export async function checkServing(tx: SqlExecutor, name: string, generation: number): Promise<void> {
  const statement = 'select qm_check_serving($1, $2)';
  if (tx.atBegin) tx.atBegin(statement, [name, generation]);
  else await tx.query(statement, [name, generation], 'qm_check_serving');
}

/** Taken before changing a registration: waits for the batches in flight, holds off new ones. */
export async function lockRegistration(tx: SqlExecutor, name: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(${REGISTRATION_LOCK})`, [name]);
}

/** Stops (failed, with the error an operator reads in `qm projection status`) or resumes a projector. */
export async function setStatus(
  db: SqlExecutor,
  name: string,
  status: ProjectionStatusValue,
  lastError: string | null,
): Promise<void> {
  // One statement takes the lock and updates, so it holds even where `db` is not a transaction.
  await db.query(
    `with locked as (select pg_advisory_xact_lock(${REGISTRATION_LOCK}))
     update qm_projections set status = $2, last_error = $3, updated_at = now()
     where name = $1 and (select count(*) from locked) = 1`,
    [name, status, lastError],
  );
}

import type { SqlClient } from './sql-client.ts';

/** One schema change, applied once, in id order. `up` may hold several statements. */
export interface Migration {
  id: string;
  up: string;
}

/**
 * Applies the migrations not yet recorded in `qm_migrations`, all in one transaction under an
 * advisory lock, so two processes starting together never apply one twice. Returns the ids applied.
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[]): Promise<string[]> {
  return client.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('qm_migrations'))`);
    await tx.query(
      `create table if not exists qm_migrations (id text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set(
      (await tx.query<{ id: string }>('select id from qm_migrations')).map((row) => row.id),
    );
    const applied: string[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
      if (done.has(migration.id)) continue;
      for (const statement of splitStatements(migration.up)) await tx.query(statement);
      await tx.query('insert into qm_migrations (id) values ($1)', [migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
}

/** Extended-protocol drivers take one statement per call; migrations separate theirs with `;` at line end. */
function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  // Inside a $$-quoted body (a function's), a line ending in ";" ends a statement of the body only.
  let quoted = false;
  for (const line of sql.split('\n')) {
    current.push(line);
    if ((line.split('$$').length - 1) % 2 === 1) quoted = !quoted;
    if (!quoted && /;\s*$/.test(line)) {
      statements.push(current.join('\n').replace(/;\s*$/, ''));
      current = [];
    }
  }
  statements.push(current.join('\n'));
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}

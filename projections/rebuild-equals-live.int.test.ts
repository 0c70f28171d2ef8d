/**
 * Rebuild equals live (issue 4, "Tests and proof"): every read model is projected live while a
 * mixed, seeded workload runs through the real command handlers; once every projector has passed
 * the store's head, each table of each read model's serving schema is checksummed; `qm replay`'s
 * blue/green rebuild (`replayProjection`) then builds every read model again from position zero in
 * a new generation, and each table must checksum the same.
 *
 * A failure names the workload's seed; rerun it with QM_WORKLOAD_SEED=<seed>.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Position } from '../commands/ports/event-store.ts';
import type { SqlExecutor } from '../infra/sql/sql-client.ts';
import { commandHarness, type CommandHarness } from '../test-support/command-harness.ts';
import { readModelProjections } from './read-models.ts';
import { replenishmentProjection } from './replenishment/projection.ts';
import { activeSchema } from './runtime/checkpoints.ts';
import { checksumSchema } from './runtime/checksum.ts';
import type { AnyReadModelProjection } from './runtime/projection.ts';
import { startReadModelProjector, type RunningProjector } from './runtime/projector-runner.ts';
import { replayProjection } from './runtime/replay.ts';
import { projectorDeps } from './runtime/testing/runtime-fixture.ts';
import { runMixedWorkload } from './testing/mixed-workload.ts';

const seed = Number(process.env.QM_WORKLOAD_SEED ?? 20261121);

/** Every PostgreSQL read model: the deployment's list, and replenishment when it is not in it yet. */
function everyReadModel(): AnyReadModelProjection[] {
  const models = readModelProjections();
  return models.some((model) => model.name === 'replenishment')
    ? models
    : [...models, replenishmentProjection()];
}

/** Tables (and materialized views) in `schema` by the catalog, not by information_schema alone. */
async function relationsIn(db: SqlExecutor, schema: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relkind in ('r', 'p', 'm', 'f') order by c.relname`,
    [schema],
  );
  return rows.map((row) => row.name);
}

/**
 * The position of the last event appended. Not `store.headPosition()`: on PostgreSQL that is the
 * head readers may see now, held back while any transaction (a projector's batch) is still open.
 */
async function lastEvent(db: SqlExecutor): Promise<Position> {
  const [row] = await db.query<{ tx: string; position: string }>(
    'select tx_id::text as tx, position::text as position from qm_events order by tx_id desc, position desc limit 1',
  );
  return { commit: BigInt(row!.tx), prepare: BigInt(row!.position) };
}

/** Every row's text form per table, to say which rows differ when a checksum does. */
async function rowsOf(db: SqlExecutor, schema: string, tables: string[]): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of tables) {
    const read = await db.query<{ row: string }>(`select t::text as row from "${schema}"."${table}" t`);
    rows[table] = read.map((r) => r.row).sort();
  }
  return rows;
}

/** A readable account of the rows only one side has, per table. */
function describeDifferences(live: Record<string, string[]>, rebuilt: Record<string, string[]>): string {
  const lines: string[] = [];
  for (const table of Object.keys(live)) {
    const before = new Set(live[table]);
    const after = new Set(rebuilt[table] ?? []);
    const onlyLive = [...before].filter((row) => !after.has(row));
    const onlyRebuilt = [...after].filter((row) => !before.has(row));
    if (onlyLive.length === 0 && onlyRebuilt.length === 0) continue;
    lines.push(`${table}: ${onlyLive.length} row(s) only live, ${onlyRebuilt.length} only rebuilt`);
    for (const row of onlyLive.slice(0, 3)) lines.push(`  live:    ${row.slice(0, 300)}`);
    for (const row of onlyRebuilt.slice(0, 3)) lines.push(`  rebuilt: ${row.slice(0, 300)}`);
  }
  return lines.join('\n');
}

describe.each(['pglite', 'postgres'] as const)('rebuild equals live on %s', (backend) => {
  let disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const dispose of disposers.reverse()) await dispose();
    disposers = [];
  });

  it(
    'checksums every table of every read model equal after replay to what was built live',
    { timeout: 600_000 },
    async () => {
      const h: CommandHarness = await commandHarness(backend);
      disposers.push(() => h.dispose());
      const db = h.sql;
      const deps = projectorDeps(db);
      const models = everyReadModel();

      // Live: every projector follows the log while the workload writes, in small batches.
      const runners: RunningProjector[] = [];
      disposers.push(() => Promise.all(runners.map((runner) => runner.stop())).then(() => undefined));
      for (const model of models) {
        runners.push(
          await startReadModelProjector(deps, model, { batchSize: 37, pollIntervalMs: 5, leaseRetryMs: 50 }),
        );
      }

      const report = await runMixedWorkload(h, { seed, steps: backend === 'pglite' ? 900 : 1200 });
      const head = await lastEvent(db);
      const log = await db.query<{ n: string; types: string[] }>(
        'select count(*)::text as n, array_agg(distinct type) as types from qm_events',
      );
      const events = Number(log[0]!.n);
      const workload = `seed ${seed}, ${events} events, ${JSON.stringify(report)}`;
      // A workload worth comparing: hundreds of events, refusals among them, every kind of change.
      expect(events, workload).toBeGreaterThan(800);
      expect(report.refused['placeOrder:stock_shortage'], workload).toBeGreaterThan(0);
      const missing = [
        'ProductCreated',
        'ProductUpdated',
        'PriceChanged',
        'ProductDiscontinued',
        'LocationCreated',
        'LocationRenamed',
        'StockReceived',
        'StockAdjusted',
        'StockReserved',
        'BackorderRecorded',
        'StockReservationReleased',
        'StockShipped',
        'StockTransferredOut',
        'StockTransferredIn',
        'LowStockThresholdSet',
        'OrderPlaced',
        'PaymentAuthorized',
        'PaymentCaptured',
        'OrderCancelled',
        'ShipmentCreated',
        'OrderDelivered',
        'RefundIssued',
        'ReorderPointRecalculated',
        'ReplenishmentSuggested',
        'ReplenishmentSuggestionDismissed',
        'ReplenishmentPolicySet',
      ].filter((type) => !log[0]!.types.includes(type));
      expect(missing, `event types never produced (${workload})`).toEqual([]);

      for (const runner of runners) {
        expect(await runner.waitFor(head, 120_000), `${runner.name} reaches the head`).toBe(true);
        expect(runner.failure).toBeNull();
      }

      const live: Record<string, Record<string, string>> = {};
      const liveRows: Record<string, Record<string, string[]>> = {};
      for (const model of models) {
        const schema = await activeSchema(db, model.name);
        expect(schema).toBe(`rm_${model.name}_g1`);
        live[model.name] = await checksumSchema(db, schema);
        const tables = await relationsIn(db, schema);
        // The checksum covers every relation that holds rows in the schema.
        expect(Object.keys(live[model.name]!).sort(), `tables checksummed in ${schema}`).toEqual(tables);
        liveRows[model.name] = await rowsOf(db, schema, tables);
        const empty = tables.filter((table) => liveRows[model.name]![table]!.length === 0);
        expect(empty, `tables of ${schema} the workload left empty`).toEqual([]);
      }

      // Rebuild each from position zero, blue/green, as `qm replay <name>` does (live projectors keep running).
      for (const model of models) {
        const result = await replayProjection(deps, { kind: 'read_model', projection: model });
        expect(result.generation).toBe(2);
        expect(result.events).toBeGreaterThan(0);
      }

      // Nothing was appended since: every read model serves generation 2, built from the same log.
      expect(await lastEvent(db)).toEqual(head);
      const schemas = await db.query<{ name: string }>(
        `select schema_name as name from information_schema.schemata where schema_name like 'rm\\_%' order by 1`,
      );
      expect(schemas.map((row) => row.name)).toEqual(models.map((model) => `rm_${model.name}_g2`).sort());
      const rebuilt: Record<string, Record<string, string>> = {};
      const differences: string[] = [];
      for (const model of models) {
        const schema = await activeSchema(db, model.name);
        expect(schema).toBe(`rm_${model.name}_g2`);
        rebuilt[model.name] = await checksumSchema(db, schema);
        if (JSON.stringify(rebuilt[model.name]) !== JSON.stringify(live[model.name])) {
          const rows = await rowsOf(db, schema, await relationsIn(db, schema));
          differences.push(`${model.name}:\n${describeDifferences(liveRows[model.name]!, rows)}`);
        }
      }
      // Per read model, per table: the checksum after replay equals the live one.
      expect(rebuilt, `differs after replay (${workload}):\n${differences.join('\n')}`).toEqual(live);
    },
  );
});

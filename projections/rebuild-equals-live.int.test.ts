/**
 * Rebuild equals live (issue 4, "Tests and proof"): every read model is projected live while a
 * mixed, seeded workload runs through the real command handlers; once every projector has passed
 * the store's head, each table of each read model's serving schema is checksummed; `qm replay`'s
 * blue/green rebuild (`replayProjection`) then builds every read model again from position zero in
 * a new generation, and each table must checksum the same. Then the workload writes on while every
 * read model is replayed again (the live projectors follow the switch and continue in the new
 * generation), and that generation must equal yet another rebuild.
 *
 * A failure names the workload's seed; rerun it with QM_WORKLOAD_SEED=<seed>.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Position } from '../ports/event-store.ts';
import type { SqlExecutor } from '../infra/sql/sql-client.ts';
import { commandHarness, type CommandHarness } from '../test-support/command-harness.ts';
import { readModelProjections } from './read-models.ts';
import { activeSchema } from './runtime/checkpoints.ts';
import { checksumSchema } from './runtime/checksum.ts';
import { startReadModelProjector, type RunningProjector } from './runtime/projector-runner.ts';
import { replayProjection } from './runtime/replay.ts';
import { projectorDeps } from './runtime/testing/runtime-fixture.ts';
import { mixedWorkload } from '../test-support/mixed-workload.ts';

const seed = Number(process.env.QM_WORKLOAD_SEED ?? 20261121);

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

/** Event types a mixed workload must have produced for the comparison to mean something. */
const expectedTypes = [
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
  'CartCreated',
  'CartLineAdded',
  'CartEmailSet',
  'CartShippingAddressSet',
  'CartClaimed',
  'CartCheckedOut',
  'WishlistItemAdded',
  'PromotionCreated',
  'PromotionActivated',
  'CodeClaimed',
  'PromotionRedeemed',
  'RedemptionReleased',
  'ReturnRequested',
  'ReturnAuthorized',
  'ReturnRejected',
  'ReturnReceived',
  'ReturnRefunded',
  'ReturnPolicySet',
  'StockReturned',
];

/** Checksums (and row texts, for a readable diff) of every read model's serving generation. */
interface Snapshot {
  sums: Record<string, Record<string, string>>;
  rows: Record<string, Record<string, string[]>>;
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
      // Every PostgreSQL read model the deployment runs (catalog, inventory, orders, audit, replenishment, customers, returns).
      const models = readModelProjections();
      expect(models.map((model) => model.name)).toEqual(
        expect.arrayContaining([
          'catalog',
          'inventory',
          'orders',
          'audit',
          'replenishment',
          'carts',
          'promotions',
          'customers',
          'returns',
        ]),
      );
      const workload = mixedWorkload(h, seed);
      const about = async () => {
        const [log] = await db.query<{ n: string }>('select count(*)::text as n from qm_events');
        return `seed ${seed}, ${log!.n} events, ${JSON.stringify(workload.report)}`;
      };

      // Live: every projector follows the log while the workload writes, in small batches. Each
      // polls on its own here (no shared tail): on PGlite, one engine in this thread, ten projectors
      // polling every 5 ms planned more queries than it could run, and the workload's commands
      // queued behind the polls until the test's 10 minutes ran out.
      const runners: RunningProjector[] = [];
      const pollIntervalMs = backend === 'pglite' ? 50 : 5;
      disposers.push(() => Promise.all(runners.map((runner) => runner.stop())).then(() => undefined));
      for (const model of models) {
        runners.push(
          await startReadModelProjector(deps, model, { batchSize: 37, pollIntervalMs, leaseRetryMs: 50 }),
        );
      }

      /** Once every live projector has passed the last event: each model's serving generation, checksummed. */
      async function snapshot(generation: number): Promise<Snapshot> {
        const head = await lastEvent(db);
        for (const runner of runners) {
          expect(await runner.waitFor(head, 120_000), `${runner.name} reaches the head`).toBe(true);
          expect(runner.failure).toBeNull();
        }
        const taken: Snapshot = { sums: {}, rows: {} };
        for (const model of models) {
          const schema = await activeSchema(db, model.name);
          expect(schema).toBe(`rm_${model.name}_g${generation}`);
          taken.sums[model.name] = await checksumSchema(db, schema);
          const tables = await relationsIn(db, schema);
          // The checksum covers every relation that holds rows in the schema, and the workload filled each.
          expect(Object.keys(taken.sums[model.name]!).sort(), `tables checksummed in ${schema}`).toEqual(
            tables,
          );
          taken.rows[model.name] = await rowsOf(db, schema, tables);
          const empty = tables.filter((table) => taken.rows[model.name]![table]!.length === 0);
          expect(empty, `tables of ${schema} the workload left empty`).toEqual([]);
        }
        // Only the serving generations are left: each replay dropped the one it replaced.
        const schemas = await db.query<{ name: string }>(
          `select schema_name as name from information_schema.schemata where schema_name like 'rm\\_%' order by 1`,
        );
        expect(schemas.map((row) => row.name)).toEqual(
          models.map((model) => `rm_${model.name}_g${generation}`).sort(),
        );
        return taken;
      }

      /**
       * `qm replay` of every read model: blue/green from position zero while the live projectors run.
       * `duringFill` runs after the first batch of each fill (writes while the old generation serves).
       */
      async function replayAll(generation: number, duringFill?: () => Promise<void>): Promise<void> {
        for (const model of models) {
          let filling = true;
          const result = await replayProjection(
            deps,
            { kind: 'read_model', projection: model },
            {
              batchSize: 250,
              async onProgress() {
                if (!filling || !duringFill) return;
                filling = false;
                const before = await lastEvent(db);
                await duringFill();
                expect(await lastEvent(db), 'the workload wrote during the fill').not.toEqual(before);
              },
            },
          );
          expect(result.generation).toBe(generation);
          expect(result.events).toBeGreaterThan(0);
        }
      }

      /** Per read model, per table: `rebuilt` checksums equal `live`; else which rows differ. */
      async function expectEqual(rebuilt: Snapshot, live: Snapshot, what: string): Promise<void> {
        const differences = models
          .filter(
            (model) => JSON.stringify(rebuilt.sums[model.name]) !== JSON.stringify(live.sums[model.name]),
          )
          .map(
            (model) =>
              `${model.name}:\n${describeDifferences(live.rows[model.name]!, rebuilt.rows[model.name]!)}`,
          );
        expect(rebuilt.sums, `${what} (${await about()}):\n${differences.join('\n')}`).toEqual(live.sums);
      }

      await workload.run(backend === 'pglite' ? 900 : 1200);
      // A workload worth comparing: hundreds of events, refusals among them, every kind of change.
      const [log] = await db.query<{ n: string; types: string[] }>(
        'select count(*)::text as n, array_agg(distinct type) as types from qm_events',
      );
      expect(Number(log!.n), await about()).toBeGreaterThan(800);
      expect(workload.report.refused['placeOrder:stock_shortage'], await about()).toBeGreaterThan(0);
      const missing = expectedTypes.filter((type) => !log!.types.includes(type));
      expect(missing, `event types never produced (${await about()})`).toEqual([]);

      // Built live, then rebuilt from the same log: equal.
      const live = await snapshot(1);
      const head = await lastEvent(db);
      await replayAll(2);
      expect(await lastEvent(db)).toEqual(head);
      await expectEqual(await snapshot(2), live, 'generation 2 (replayed) differs from generation 1 (live)');

      // Writes go on while the read models are replayed: the live projectors follow each switch and
      // carry on in the new generation, which must equal a rebuild of the whole log again.
      await replayAll(3, () => workload.run(60));
      const continued = await snapshot(3);
      await replayAll(4);
      await expectEqual(
        await snapshot(4),
        continued,
        'generation 4 (replayed) differs from generation 3 (replayed under writes, then live)',
      );
    },
  );
});

/**
 * The read API on a PostgreSQL hot-standby replica (READ_DATABASE_URL): a PostgreSQL 15 primary and
 * a streaming replica of it, started here on free ports. Writes go to the primary, its projectors
 * apply them there, and the read API reads the replica. A read carrying a write's consistency token
 * is never older than that write; when the replica cannot catch up within the wait (its replay
 * paused), the answer is marked `X-Stale`, and is fresh again once replay resumes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionToToken, type Position } from '../../ports/position.ts';
import { migrate } from '../../infra/sql/migrate.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { startPgPrimaryWithReplica, type PgPrimaryWithReplica } from '../../test-support/pg-replica.ts';
import { productInput } from '../../test-support/product-input.ts';
import { readApiHarness, type ReadApiHarness } from '../../test-support/read-api-harness.ts';
import type { ReadSide } from './read-side.ts';
import { migrations } from '../migrations/index.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('the read API on a streaming PostgreSQL replica', () => {
  let servers: PgPrimaryWithReplica;
  let replica: SqlClient;
  let h: ReadApiHarness;
  let onReplica: ReadSide;
  let impatient: ReadSide;

  beforeAll(async () => {
    servers = await startPgPrimaryWithReplica();
    const primary = createPgClient({ connectionString: servers.primaryUrl, maxConnections: 10 });
    await migrate(primary, migrations);
    h = await readApiHarness('postgres', 'memory', {
      database: { client: primary, dispose: () => primary.close() },
    });
    replica = createPgClient({ connectionString: servers.replicaUrl, maxConnections: 5 });
    onReplica = await h.openReadSide({ database: replica, waitMs: 10_000 });
    impatient = await h.openReadSide({ database: replica, waitMs: 300 });
    await h.handlers.createProduct(productInput('p1', { price: eur(1000) }), h.context());
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await replica?.close();
    servers?.dispose();
  });

  const readPrice = async (api: ReadSide, position: Position) => {
    const answer = await h.get('/products/p1', {
      api,
      headers: { 'x-consistency-token': positionToToken(position) },
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { price: { amount: number } };
    return { price: body.price.amount, stale: answer.headers.get('x-stale') === 'true' };
  };

  it('really reads a replica: it refuses writes', async () => {
    const [row] = await replica.query<{ standby: boolean }>('select pg_is_in_recovery() as standby');
    expect(row!.standby).toBe(true);
  });

  it('answers every read carrying a token with that write or a later one, never older', async () => {
    for (let amount = 1001; amount <= 1030; amount++) {
      const { position } = await h.handlers.changePrice('p1', eur(amount), 'test', h.context());
      expect(await readPrice(onReplica, position!)).toEqual({ price: amount, stale: false });
    }
  });

  it('marks the answer stale when the replica has not replayed the token within the wait', async () => {
    await replica.query('select pg_wal_replay_pause()');
    let paused = true;
    try {
      const { position } = await h.handlers.changePrice('p1', eur(2000), 'while paused', h.context());
      // The primary applied it; the replica holds still: the answer is the older price, marked so.
      await h.settle(position);
      const stale = await readPrice(impatient, position!);
      expect(stale.stale).toBe(true);
      expect(stale.price).toBeLessThan(2000);
      await replica.query('select pg_wal_replay_resume()');
      paused = false;
      expect(await readPrice(onReplica, position!)).toEqual({ price: 2000, stale: false });
    } finally {
      if (paused) await replica.query('select pg_wal_replay_resume()');
    }
  });
});

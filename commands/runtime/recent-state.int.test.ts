import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taxConfigStream } from '../../domain/streams.ts';
import { taxDecider, type TaxRegion } from '../../domain/tax/index.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import type { EventStore } from '../../ports/event-store.ts';
import { migratedPglite } from '../../test-support/databases.ts';
import type { CommandContext } from './command-context.ts';
import type { CommandRuntime } from './command-runtime.ts';
import { handleCommand } from './handle-command.ts';
import { loadRecent, RECENT_STATE_MS } from './recent-state.ts';
import { createStateCache } from './state-cache.ts';

const context: CommandContext = {
  actor: { id: 'admin', role: 'admin' },
  correlationId: uuidV7Ids.newId(),
  causationId: null,
  now: '2026-12-07T10:00:00.000Z',
};
const region = (regionId: string, standard: number): TaxRegion => ({
  regionId,
  country: 'DE',
  region: null,
  pricesIncludeTax: true,
  ratesBps: { standard },
  shippingTaxClass: null,
});
const setRegion = (regionId: string, standard: number) => ({
  type: 'SetTaxRegion' as const,
  data: { region: region(regionId, standard) },
});

describe('loadRecent: a configuration stream read at most RECENT_STATE_MS ago', () => {
  let store: EventStore;
  let dispose: () => Promise<void>;
  /** Two API processes over one store: each has its own state cache. */
  const processOf = (): CommandRuntime => ({
    store,
    cache: createStateCache(),
    ids: uuidV7Ids,
    maxRetries: 3,
  });

  beforeAll(async () => {
    const db = await migratedPglite();
    dispose = db.dispose;
    store = createSqlEventStore(db.client);
  });
  afterAll(async () => {
    await store.close();
    await dispose();
  });

  it("applies this process's change at once and another's once the window has passed", async () => {
    const stream = taxConfigStream();
    const [here, elsewhere] = [processOf(), processOf()];
    await handleCommand(here, taxDecider, stream, setRegion('de', 1900), context);
    const t0 = Date.now();
    const rate = async (now: number) =>
      (await loadRecent(here, taxDecider, stream, RECENT_STATE_MS, now)).state.regions.de?.ratesBps.standard;
    expect(await rate(t0)).toBe(1900);

    // This process's own change: its cache holds what it appended.
    await handleCommand(here, taxDecider, stream, setRegion('de', 2000), context);
    expect(await rate(t0 + 1)).toBe(2000);

    // Another process's change: within the window this process prices as it read...
    await handleCommand(elsewhere, taxDecider, stream, setRegion('de', 2100), context);
    expect(await rate(t0 + RECENT_STATE_MS - 1)).toBe(2000);
    // ...and once the window has passed, it reads the store again.
    expect(await rate(t0 + RECENT_STATE_MS)).toBe(2100);
    expect(await rate(t0 + RECENT_STATE_MS + 1)).toBe(2100);
  });

  it('reads a stream no one has written as empty, and finds its first event after the window', async () => {
    const stream = 'tax-recent-empty';
    const [here, elsewhere] = [processOf(), processOf()];
    const t0 = Date.now();
    const regions = async (now: number) =>
      Object.keys((await loadRecent(here, taxDecider, stream, RECENT_STATE_MS, now)).state.regions);
    expect(await regions(t0)).toEqual([]);
    await handleCommand(elsewhere, taxDecider, stream, setRegion('at', 2000), context);
    expect(await regions(t0 + 10)).toEqual([]);
    expect(await regions(t0 + RECENT_STATE_MS)).toEqual(['at']);
  });
});

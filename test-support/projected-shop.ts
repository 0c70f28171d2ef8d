import type { RecordedEvent } from '../ports/event-store.ts';
import { tempAnalytics, type TempAnalytics } from './temp-analytics.ts';
import { commandHarness, type CommandHarness } from './command-harness.ts';
import { createAnalyticsProjection } from '../projections/analytics/analytics-projection.ts';
import { readLogPages, recordShopHistory } from './shop-history.ts';

export interface ProjectedShop {
  harness: CommandHarness;
  store: TempAnalytics;
  events: RecordedEvent[];
  dispose(): Promise<void>;
}

/** The shop history recorded on PGlite and projected into a fresh chDB database. */
export async function projectedShop(orders = 6): Promise<ProjectedShop> {
  const harness = await commandHarness('pglite');
  await recordShopHistory(harness, orders);
  const pages = await readLogPages(harness.store, 50);
  const store = await tempAnalytics();
  const projection = createAnalyticsProjection({ analytics: store.analytics });
  for (const page of pages) await projection.deliver(page);
  return {
    harness,
    store,
    events: pages.flat(),
    async dispose() {
      await store.dispose();
      await harness.dispose();
    },
  };
}

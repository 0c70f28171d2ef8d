import { stockDecider, type StockState } from '../../domain/inventory/index.ts';
import type { StockFact, StockFacts } from '../../domain/promotions/index.ts';
import { replenishmentDecider, type ReplenishmentState } from '../../domain/replenishment/index.ts';
import { replenishmentStream, stockStream } from '../../domain/streams.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';

/**
 * The stock facts stock rules are decided on, from the write side's own streams, the way reorder
 * points reach it: units on hand and available from each location's stock stream, and the expected
 * daily demand the forecasts recorded through the command side (`replenishment-{sku}@{location}`,
 * `ReorderPointRecalculated`). Days of cover = available ÷ expected daily demand, both summed over
 * the locations; null when no demand is recorded (no forecast yet, or none expected).
 */
export function stockFactsFromStore(runtime: CommandRuntime, locations: () => readonly string[]) {
  const load = async <S>(stream: string, decider: Parameters<typeof loadAggregate>[1]) =>
    (await loadAggregate(runtime.store, decider, stream, runtime.cache, false, runtime.upcasters)).state as S;
  return async (skus: readonly string[]): Promise<StockFacts> => {
    const facts = await Promise.all(
      [...new Set(skus)].map(async (sku): Promise<StockFact> => {
        let onHand = 0;
        let available = 0;
        let demand = 0;
        for (const location of locations()) {
          const [stock, replenishment] = await Promise.all([
            load<StockState>(stockStream(sku, location), stockDecider),
            load<ReplenishmentState>(replenishmentStream(sku, location), replenishmentDecider),
          ]);
          if (stock.status === 'tracked') {
            onHand += stock.onHand;
            available += stock.onHand - stock.reserved - stock.backordered;
          }
          if (replenishment.status === 'tracked' && replenishment.targets)
            demand += replenishment.targets.expectedDailyDemand;
        }
        // One decimal, so the figure cited on the order reads the way staff set the rule.
        const daysOfCover = demand > 0 ? Math.round((Math.max(0, available) / demand) * 10) / 10 : null;
        return { sku, onHand, daysOfCover };
      }),
    );
    return new Map(facts.map((fact) => [fact.sku, fact]));
  };
}

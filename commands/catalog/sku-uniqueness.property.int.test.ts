import { productInput } from '../../test-support/product-input.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import { SkuAlreadyUsed } from '../../domain/sku-claims/index.ts';
import { skuStream } from '../../domain/streams.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { MultiStreamAppendUnsupported } from '../../ports/event-store-errors.ts';
import type { EventStore } from '../../ports/event-store.ts';
import { catalogHandlers, type CreateProductInput } from './catalog-handlers.ts';

const RUNS = propertyRuns(100);
const SKUS = 3;
const PRODUCT_IDS = 6;

/** The same PostgreSQL store as a backend without atomic multi-stream appends (KurrentDB before 25.1). */
const withoutAtomicAppends = (store: EventStore): EventStore => ({
  ...store,
  capabilities: { ...store.capabilities, atomicMultiStreamAppend: false },
  appendMulti: () => Promise.reject(new MultiStreamAppendUnsupported('test')),
});

const product = (productId: string, sku: string): CreateProductInput => productInput(productId, { sku });

/**
 * Bursts of concurrent creates over a few SKUs and product ids, on real PostgreSQL, through the
 * atomic multi-stream append and through the claim-first path with compensation. Afterwards each
 * SKU has at most one product, a SKU asked for with a free product id has a winner, every loser was
 * refused with a typed error (a taken SKU names it), and every claim is held by the product that
 * carries that SKU: no claim is left behind by a refused create.
 */
describe.each([
  ['atomic multi-stream append', false],
  ['claim first, compensation', true],
] as const)('SKU uniqueness under concurrency (property, PostgreSQL, %s)', (_, claimFirst) => {
  let h: CommandHarness;
  let handlers: ReturnType<typeof catalogHandlers>;
  let run = 0;

  beforeAll(async () => {
    h = await commandHarness('postgres');
    handlers = catalogHandlers(commandRuntime(claimFirst ? withoutAtomicAppends(h.store) : h.store));
  });
  afterAll(() => h.dispose());

  it(`holds over ${RUNS} random bursts`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ product: fc.nat(PRODUCT_IDS - 1), sku: fc.nat(SKUS - 1) }), {
          minLength: 2,
          maxLength: 10,
        }),
        async (creates) => {
          run++;
          const sku = (n: number) => `R${run}-${claimFirst ? 'C' : 'A'}-SKU${n}`;
          const productId = (n: number) => `r${run}${claimFirst ? 'c' : 'a'}p${n}`;
          const outcomes = await Promise.allSettled(
            creates.map((c) =>
              handlers.createProduct(product(productId(c.product), sku(c.sku)), h.context()),
            ),
          );

          const winners = new Map<string, string[]>();
          outcomes.forEach((outcome, i) => {
            const c = creates[i]!;
            if (outcome.status === 'fulfilled') {
              const list = winners.get(sku(c.sku)) ?? [];
              list.push(productId(c.product));
              winners.set(sku(c.sku), list);
              return;
            }
            const error: unknown = outcome.reason;
            expect(isDomainError(error), String(error)).toBe(true);
            if (error instanceof SkuAlreadyUsed) expect(error.details.sku).toBe(sku(c.sku));
            else expect(error).toMatchObject({ code: 'already_exists' });
          });

          // This run's product streams: the whole log grows with every run, its first page would not do.
          const createdEvents = (
            await Promise.all(
              [...new Set(creates.map((c) => c.product))].map((p) =>
                h.store.readStream(`product-${productId(p)}`),
              ),
            )
          )
            .flat()
            .filter((event) => event.type === 'ProductCreated');
          for (const n of new Set(creates.map((c) => c.sku))) {
            const created = createdEvents.filter((event) => event.data.sku === sku(n));
            const won = winners.get(sku(n)) ?? [];
            expect(won.length, `winners for ${sku(n)}`).toBeLessThanOrEqual(1);
            expect(created.map((event) => event.data.productId)).toEqual(won);
            const claim = (await h.store.readStream(skuStream(sku(n)))).reduce<string | null>(
              (holder, event) => (event.type === 'SkuClaimed' ? (event.data.productId as string) : null),
              null,
            );
            expect(claim, `claim of ${sku(n)}`).toBe(won[0] ?? null);
          }
          // With atomic appends, a SKU has no winner only when each of its creates named a product id
          // another create took. Claim first, a create can also lose to a claim that a create refused
          // for its product id held for a moment, before its compensation released it.
          for (const c of creates) {
            if (winners.has(sku(c.sku))) continue;
            const ids = [...new Set(creates.filter((o) => o.sku === c.sku).map((o) => o.product))];
            const takenElsewhere = (id: number) =>
              [...winners.values()].some((list) => list.includes(productId(id)));
            const explained = claimFirst ? ids.some(takenElsewhere) : ids.every(takenElsewhere);
            expect(explained, `${sku(c.sku)} had no winner`).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});

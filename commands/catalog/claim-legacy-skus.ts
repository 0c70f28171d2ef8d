import type { ProductCreated } from '../../domain/catalog/index.ts';
import type { SkuClaimed } from '../../domain/sku-claims/index.ts';
import { skuStream } from '../../domain/streams.ts';
import { WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import type { Position } from '../../ports/event-store.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { toNewEvents } from '../runtime/to-new-events.ts';

/** Marks the claim of legacy SKUs done, so later starts skip reading every product creation again. */
export const LEGACY_SKUS_CLAIMED_STREAM = 'migration-sku-claims';
const PAGE = 1000;

/**
 * Products created before SKUs were claimed on the write side have no `sku-{sku}` stream, so a new
 * product could take their SKU. This claims each of them for the product created first with it, in
 * log order: the one the catalog shows as the SKU's (a later one it flags `skuConflict`). Runs
 * before the write side accepts commands; a claim that already exists is left as it is, so a
 * second process doing the same at once, or a rerun after a crash, claims nothing twice.
 */
export async function claimLegacySkus(
  runtime: CommandRuntime,
  context: CommandContext,
): Promise<{ claimed: number }> {
  const { store } = runtime;
  if ((await store.streamRevision(LEGACY_SKUS_CLAIMED_STREAM)) !== null) return { claimed: 0 };
  let claimed = 0;
  let seen = 0;
  let from: Position | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({
      from,
      maxCount: PAGE,
      filter: { categories: ['product'], eventTypes: ['ProductCreated'] },
    });
    if (page.length === 0) break;
    seen += page.length;
    for (const event of page) {
      const { sku, productId } = (event as unknown as ProductCreated).data;
      const claim: SkuClaimed = { type: 'SkuClaimed', data: { sku, productId } };
      try {
        // A store with no products yet needs no mark: its products will all be claimed as they are created.
        if (seen === 0) return { claimed };
        await store.append(skuStream(sku), toNewEvents([claim], context, runtime.ids), 'no_stream');
        claimed += 1;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
      }
    }
    from = page[page.length - 1]!.position;
  }
  await store.append(
    LEGACY_SKUS_CLAIMED_STREAM,
    toNewEvents([{ type: 'LegacySkusClaimed', data: { claimed } }], context, runtime.ids),
    'any',
  );
  return { claimed };
}

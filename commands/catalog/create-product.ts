import { productDecider, type CreateProduct, type ProductState } from '../../domain/catalog/index.ts';
import { AlreadyExists } from '../../domain/errors.ts';
import { skuClaimDecider, type ClaimSku, type ReleaseSku } from '../../domain/sku-claims/index.ts';
import { productStream, skuStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { earlierRun } from '../runtime/request-events.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';

export type CreateProductInput = CreateProduct['data'];

/**
 * Creates a product and claims its SKU (`sku-{sku}`), so two creates with one SKU never both
 * succeed: the catalog's unique SKU rests on this. The claim of a SKU its product already holds is
 * a no-op, so a retried create is refused as `already_exists` like before.
 *
 * One plan for every backend: a taken product id is refused first, then the claim (expected new)
 * and the product. Where the store appends several streams atomically they land together, and the
 * loser of a race conflicts and is refused on what the store holds. Elsewhere the runtime appends
 * the claim first; a create that then loses the race for its product id gives its claim back,
 * unless the product that won holds the SKU (a concurrent create of the same product, which may
 * rely on this very claim). Any other failure keeps the claim: the append may have landed, and
 * the retried create finds the claim its own.
 */
export async function createProduct(
  runtime: CommandRuntime,
  data: CreateProductInput,
  context: CommandContext,
): Promise<CommandResult> {
  const create: CreateProduct = { type: 'CreateProduct', data };
  const stream = productStream(data.productId);
  const claimStream = skuStream(data.sku);
  // A request resumed after its first run died answers what that run created (claim included).
  const earlier = await earlierRun(runtime.store, stream, context);
  if (earlier) return earlier;
  // A malformed product is refused here, before anything (a claim on its own) is appended.
  productDecider.decide(create, productDecider.initialState());
  const claim: ClaimSku = { type: 'ClaimSku', data: { sku: data.sku, productId: data.productId } };
  const release: ReleaseSku = { type: 'ReleaseSku', data: claim.data };
  const outcome = await runCommand(
    runtime,
    {
      keys: [claimStream, stream],
      contention: 'normal',
      plan: async (load) => {
        // A taken product id is refused before anything is appended, on every backend.
        productDecider.decide(create, await load<ProductState>(stream, asStepDecider(productDecider)));
        return [
          {
            stream: claimStream,
            decider: asStepDecider(skuClaimDecider),
            command: claim,
            expectNew: true,
            compensate: async (_events, { error, load: reload }) => {
              if (!(error instanceof AlreadyExists)) return null;
              const winner = await reload<ProductState>(stream, asStepDecider(productDecider));
              return skuOf(winner) === data.sku ? null : release;
            },
          },
          { stream, decider: asStepDecider(productDecider), command: create },
        ];
      },
    },
    context,
  );
  return {
    events: outcome.events.get(stream) ?? [],
    revision: outcome.revisions.get(stream) ?? null,
    position: outcome.position,
  };
}

const skuOf = (state: ProductState): string | null => (state.status === 'absent' ? null : state.product.sku);

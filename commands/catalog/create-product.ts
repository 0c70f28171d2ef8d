import { productDecider, type CreateProduct, type ProductState } from '../../domain/catalog/index.ts';
import { AlreadyExists } from '../../domain/errors.ts';
import { skuClaimDecider, type ClaimSku } from '../../domain/sku-claims/index.ts';
import { productStream, skuStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { earlierRun } from '../runtime/request-events.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';

export type CreateProductInput = CreateProduct['data'];

/**
 * Creates a product and claims its SKU (`sku-{sku}`), so two creates with one SKU never both
 * succeed: the catalog's unique SKU rests on this. The claim of a SKU its product already holds is
 * a no-op, so a retried create is refused as `already_exists` like before.
 */
export async function createProduct(
  runtime: CommandRuntime,
  data: CreateProductInput,
  context: CommandContext,
): Promise<CommandResult> {
  const create: CreateProduct = { type: 'CreateProduct', data };
  // A request resumed after its first run died answers what that run created (claim included).
  const earlier = await earlierRun(runtime.store, productStream(data.productId), context);
  if (earlier) return earlier;
  // A malformed product is refused here, before anything (a claim on its own) is appended.
  productDecider.decide(create, productDecider.initialState());
  const claim: ClaimSku = { type: 'ClaimSku', data: { sku: data.sku, productId: data.productId } };
  return runtime.store.capabilities.atomicMultiStreamAppend
    ? createAtomically(runtime, create, claim, context)
    : createClaimFirst(runtime, create, claim, context);
}

/**
 * The claim and the product in one atomic append, both streams expected new: the loser of a race
 * conflicts, is decided again on what the store holds and refused with `SkuAlreadyUsed`.
 */
async function createAtomically(
  runtime: CommandRuntime,
  create: CreateProduct,
  claim: ClaimSku,
  context: CommandContext,
): Promise<CommandResult> {
  const stream = productStream(create.data.productId);
  const claimStream = skuStream(claim.data.sku);
  const outcome = await runCommand(
    runtime,
    {
      keys: [claimStream, stream],
      contention: 'normal',
      plan: async () => [
        { stream: claimStream, decider: asStepDecider(skuClaimDecider), command: claim, expectNew: true },
        { stream, decider: asStepDecider(productDecider), command: create, expectNew: true },
      ],
    },
    context,
  );
  return {
    events: outcome.events.get(stream) ?? [],
    revision: outcome.revisions.get(stream) ?? null,
    position: outcome.position,
  };
}

/**
 * Where several streams cannot be appended atomically: the claim first, then the product. A
 * product refused because its id is taken gives its claim back, unless that product holds the SKU
 * (a concurrent create of the same product, which may rely on this very claim). Any other failure
 * keeps the claim: the append may have landed, and the retried create finds the claim its own.
 */
async function createClaimFirst(
  runtime: CommandRuntime,
  create: CreateProduct,
  claim: ClaimSku,
  context: CommandContext,
): Promise<CommandResult> {
  const stream = productStream(create.data.productId);
  const claimStream = skuStream(claim.data.sku);
  const existing = await loadAggregate(runtime.store, productDecider, stream, runtime.cache, false);
  productDecider.decide(create, existing.state);
  await handleCommand(runtime, skuClaimDecider, claimStream, claim, context);
  try {
    const outcome = await handleCommand(runtime, productDecider, stream, create, context);
    return { events: outcome.events, revision: outcome.revision, position: outcome.position };
  } catch (error) {
    if (error instanceof AlreadyExists) {
      const winner = await loadAggregate(runtime.store, productDecider, stream, runtime.cache, false);
      if (skuOf(winner.state) !== claim.data.sku) {
        await handleCommand(
          runtime,
          skuClaimDecider,
          claimStream,
          { type: 'ReleaseSku', data: claim.data },
          context,
        );
      }
    }
    throw error;
  }
}

const skuOf = (state: ProductState): string | null => (state.status === 'absent' ? null : state.product.sku);

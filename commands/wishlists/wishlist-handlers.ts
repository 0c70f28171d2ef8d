import { ProductNotFound } from '../../domain/catalog/errors.ts';
import { productDecider, type ProductState } from '../../domain/catalog/index.ts';
import { wishlistDecider, type WishlistCommand } from '../../domain/wishlists/index.ts';
import { productStream, wishlistStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';

/**
 * A customer's wishlist, `wishlist-{customerId}`. Adding reads the product's stream (it must
 * exist; a discontinued one may stay on a wishlist, the view says so).
 */
export function wishlistHandlers(runtime: CommandRuntime) {
  async function run(
    customerId: string,
    command: WishlistCommand,
    context: CommandContext,
    checkProduct: boolean,
  ) {
    const stream = wishlistStream(customerId);
    const outcome = await runCommand(
      runtime,
      {
        keys: [stream],
        contention: 'normal',
        plan: async (load) => {
          if (checkProduct) {
            const product = await load<ProductState>(
              productStream(command.data.productId),
              asStepDecider(productDecider),
            );
            if (product.status === 'absent') throw new ProductNotFound(command.data.productId);
          }
          return [{ stream, decider: asStepDecider(wishlistDecider), command }];
        },
      },
      context,
    );
    return {
      events: outcome.events.get(stream) ?? [],
      revision: outcome.revisions.get(stream) ?? null,
      position: outcome.position,
    } satisfies CommandResult;
  }
  return {
    addToWishlist(customerId: string, productId: string, context: CommandContext) {
      return run(
        customerId,
        { type: 'AddToWishlist', data: { customerId, productId, now: context.now } },
        context,
        true,
      );
    },
    removeFromWishlist(customerId: string, productId: string, context: CommandContext) {
      return run(
        customerId,
        { type: 'RemoveFromWishlist', data: { customerId, productId, now: context.now } },
        context,
        false,
      );
    },
  };
}

export type WishlistHandlers = ReturnType<typeof wishlistHandlers>;

import {
  productDecider,
  type CreateProduct,
  type ProductCommand,
  type UpdateProduct,
} from '../../domain/catalog/index.ts';
import type { Money } from '../../domain/money.ts';
import { productStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { pinnedTo, toResult, type CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';

export type CreateProductInput = CreateProduct['data'];
export type ProductChanges = UpdateProduct['data']['changes'];

/** Catalog commands: each is one product stream, so a plain load-decide-append does it. */
export function catalogHandlers(runtime: CommandRuntime) {
  const run = async (productId: string, command: ProductCommand, context: CommandContext, ifMatch?: number) =>
    toResult(
      await handleCommand(
        runtime,
        productDecider,
        productStream(productId),
        command,
        context,
        pinnedTo(ifMatch),
      ),
    );

  return {
    createProduct: (data: CreateProductInput, context: CommandContext): Promise<CommandResult> =>
      run(data.productId, { type: 'CreateProduct', data }, context),
    updateProduct: (productId: string, changes: ProductChanges, context: CommandContext, ifMatch?: number) =>
      run(productId, { type: 'UpdateProduct', data: { productId, changes } }, context, ifMatch),
    changePrice: (
      productId: string,
      price: Money,
      reason: string,
      context: CommandContext,
      ifMatch?: number,
    ) => run(productId, { type: 'ChangePrice', data: { productId, price, reason } }, context, ifMatch),
    discontinueProduct: (productId: string, reason: string, context: CommandContext, ifMatch?: number) =>
      run(productId, { type: 'DiscontinueProduct', data: { productId, reason } }, context, ifMatch),
  };
}

import { productDecider, type ProductCommand, type UpdateProduct } from '../../domain/catalog/index.ts';
import type { Money } from '../../domain/money.ts';
import { productStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { pinnedTo, toResult, type CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { createProduct, type CreateProductInput } from './create-product.ts';
import { importProducts, type ProductImportOptions, type ProductImportRow } from './import-products.ts';

export type { CreateProductInput } from './create-product.ts';
export type { ProductImportRow, RowFailure, RowOutcome } from './import-products.ts';
export type ProductChanges = UpdateProduct['data']['changes'];

/**
 * Catalog commands. A create also claims the SKU (see create-product.ts); the others touch one
 * product stream and never its SKU, so a plain load-decide-append does them.
 */
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
      createProduct(runtime, data, context),
    /** A catalog import's rows, each through the commands above (see import-products.ts). */
    importProducts: (
      rows: readonly ProductImportRow[],
      context: CommandContext,
      options: ProductImportOptions,
    ) => importProducts(runtime, rows, context, options),
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

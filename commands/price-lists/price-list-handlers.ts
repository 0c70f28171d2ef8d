import {
  priceListDecider,
  type PriceListCommand,
  type PriceListEntry,
} from '../../domain/price-lists/index.ts';
import { priceListStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { toResult, type CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';

export type CreatePriceListInput = {
  priceListId: string;
  name: string;
  currency: string;
  customerGroups: string[];
  priority: number;
};

/**
 * Price lists (`pricelist-{id}`), one stream each: staff create a list for a currency and some
 * customer groups, set and remove its products' tiered prices, and archive it. Carts, quotes and
 * orders read them through `commands/pricing/price-lists.ts`.
 */
export function priceListHandlers(runtime: CommandRuntime) {
  const run = async (command: PriceListCommand, context: CommandContext): Promise<CommandResult> =>
    toResult(
      await handleCommand(
        runtime,
        priceListDecider,
        priceListStream(command.data.priceListId),
        command,
        context,
      ),
    );
  return {
    createPriceList: (input: CreatePriceListInput, context: CommandContext) =>
      run({ type: 'CreatePriceList', data: { ...input } }, context),
    setPriceListPrices: (priceListId: string, prices: PriceListEntry[], context: CommandContext) =>
      run({ type: 'SetPriceListPrices', data: { priceListId, prices } }, context),
    removePriceListPrices: (priceListId: string, productIds: string[], context: CommandContext) =>
      run({ type: 'RemovePriceListPrices', data: { priceListId, productIds } }, context),
    archivePriceList: (priceListId: string, context: CommandContext) =>
      run({ type: 'ArchivePriceList', data: { priceListId } }, context),
  };
}

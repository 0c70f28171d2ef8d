import { LocationNotFound } from '../../domain/locations/errors.ts';
import {
  stockDecider,
  type AdjustStock,
  type InventoryCommand,
  type ReceiveStock,
} from '../../domain/inventory/index.ts';
import { stockStream } from '../../domain/streams.ts';
import type { LocationDirectory } from '../locations/location-directory.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { pinnedTo, toResult, type CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';
import { earlierRun } from '../runtime/request-events.ts';

export type ReceiveStockInput = ReceiveStock['data'];
export type AdjustStockInput = AdjustStock['data'];

/** Stock commands. Every one names a location, which must exist: stock nowhere is a typo, not a warehouse. */
export function inventoryHandlers(runtime: CommandRuntime, locations: LocationDirectory) {
  const requireLocation = (location: string) => {
    if (!locations.list().includes(location)) throw new LocationNotFound(location);
  };
  const run = async (
    command: InventoryCommand & { data: { sku: string; location: string } },
    context: CommandContext,
    ifMatch?: number,
  ) => {
    requireLocation(command.data.location);
    const stream = stockStream(command.data.sku, command.data.location);
    return toResult(await handleCommand(runtime, stockDecider, stream, command, context, pinnedTo(ifMatch)));
  };

  return {
    receiveStock: (data: ReceiveStockInput, context: CommandContext) =>
      run({ type: 'ReceiveStock', data }, context),
    adjustStock: (data: AdjustStockInput, context: CommandContext, ifMatch?: number) =>
      run({ type: 'AdjustStock', data }, context, ifMatch),
    setLowStockThreshold: (
      data: { sku: string; location: string; threshold: number },
      context: CommandContext,
    ) => run({ type: 'SetLowStockThreshold', data }, context),

    /** Moves stock between locations: out of one and into the other in one atomic append. */
    async transferStock(
      data: { sku: string; from: string; to: string; quantity: number; transferId: string },
      context: CommandContext,
    ): Promise<CommandResult> {
      requireLocation(data.from);
      requireLocation(data.to);
      const out = stockStream(data.sku, data.from);
      // A resumed request whose first run moved the stock answers that move (both streams, one append).
      const [earlierOut, earlierIn] = await Promise.all([
        earlierRun(runtime.store, out, context),
        earlierRun(runtime.store, stockStream(data.sku, data.to), context),
      ]);
      if (earlierOut) {
        const events = [...earlierOut.events, ...(earlierIn?.events ?? [])];
        return {
          events,
          revision: earlierOut.revision,
          position: earlierIn?.position ?? earlierOut.position,
        };
      }
      const into = stockStream(data.sku, data.to);
      // Transfers are rare next to placements: a lost race is retried, not queued.
      const outcome = await runCommand(
        runtime,
        {
          keys: [out, into],
          contention: 'normal',
          plan: async () => [
            {
              stream: out,
              decider: asStepDecider(stockDecider),
              command: {
                type: 'TransferStockOut',
                data: {
                  sku: data.sku,
                  location: data.from,
                  transferId: data.transferId,
                  quantity: data.quantity,
                  toLocation: data.to,
                },
              },
            },
            {
              stream: into,
              decider: asStepDecider(stockDecider),
              command: {
                type: 'TransferStockIn',
                data: {
                  sku: data.sku,
                  location: data.to,
                  transferId: data.transferId,
                  quantity: data.quantity,
                  fromLocation: data.from,
                },
              },
            },
          ],
        },
        context,
      );
      return {
        events: [...outcome.events.values()].flat(),
        revision: outcome.revisions.get(out) ?? null,
        position: outcome.position,
      };
    },
  };
}

import { orderDecider } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { pinnedTo, toResult } from '../runtime/command-result.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import type { OrderDeps } from './order-deps.ts';

export async function deliverOrder(
  deps: OrderDeps,
  orderId: string,
  context: CommandContext,
  ifMatch?: number,
) {
  const command = { type: 'MarkDelivered', data: { orderId } } as const;
  return toResult(
    await handleCommand(
      deps.runtime,
      orderDecider,
      orderStream(orderId),
      command,
      context,
      pinnedTo(ifMatch),
    ),
  );
}

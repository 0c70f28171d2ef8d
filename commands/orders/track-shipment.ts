import { orderDecider } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import type { TrackingUpdate } from '../../ports/carrier.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { toResult, type CommandResult } from '../runtime/command-result.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import type { OrderDeps } from './order-deps.ts';
import { isReturnParcel } from './return-parcel.ts';

/**
 * Appends a carrier's tracking update to the order its label was bought for (the label's
 * reference, `<orderId>/<shipmentId>`), as a system actor. The last parcel delivered delivers the
 * order, which mails the customer through the notifications consumer. Null: the parcel is not one
 * of this shop's outbound labels (or a return's parcel on its way back), and nothing is appended.
 */
export async function recordTracking(
  deps: OrderDeps,
  update: TrackingUpdate,
  context: CommandContext,
): Promise<CommandResult | null> {
  const match = update.reference === null ? null : /^([^/]+)\/([^/]+)$/.exec(update.reference);
  if (!match) return null;
  const [, orderId, shipmentId] = match as unknown as [string, string, string];
  // A return's parcel coming back: its receipt at a location is what the return records.
  if (isReturnParcel(shipmentId)) return null;
  return toResult(
    await handleCommand(
      deps.runtime,
      orderDecider,
      orderStream(orderId),
      {
        type: 'RecordTracking',
        data: {
          orderId,
          shipmentId,
          status: update.status,
          at: update.at,
          detail: update.detail,
          trackingEventId: update.eventId,
        },
      },
      context,
    ),
  );
}

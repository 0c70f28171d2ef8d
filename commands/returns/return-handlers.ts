import { productDecider } from '../../domain/catalog/index.ts';
import { stockDecider, type ReturnStock } from '../../domain/inventory/index.ts';
import { LocationNotFound } from '../../domain/locations/errors.ts';
import { OrderNotFound } from '../../domain/orders/errors.ts';
import { linePaid } from '../../domain/orders/index.ts';
import { returnPolicyDecider, windowDaysFor, type ReturnPolicy } from '../../domain/return-policy/index.ts';
import { returnedDecider, returnedQuantity, type ReturnedState } from '../../domain/returned/index.ts';
import { ReturnNotFound } from '../../domain/returns/errors.ts';
import {
  returnDecider,
  type ReceiveReturn,
  type RequestReturn,
  type ReturnOpener,
  type ReturnReceived,
  type ReturnRequested,
  type ReturnState,
} from '../../domain/returns/index.ts';
import { skuClaimDecider } from '../../domain/sku-claims/index.ts';
import {
  productStream,
  returnPolicyStream,
  returnStream,
  returnedStream,
  skuStream,
  stockStream,
} from '../../domain/streams.ts';
import type { OrderDeps } from '../orders/order-deps.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { toResult, type CommandResult } from '../runtime/command-result.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { earlierRun } from '../runtime/request-events.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider, type StepsOutcome } from '../runtime/steps.ts';
import { deliveredQuantity, orderWithDelivery } from './order-facts.ts';
import { refundReturn } from './refund-return.ts';
import { carrierReturnLabels, noReturnLabels, type ReturnLabels } from './return-labels.ts';

export interface RequestReturnInput {
  returnId: string;
  orderId: string;
  lines: { lineId: string; quantity: number }[];
  reason: string;
  note: string | null;
  photos: string[];
  openedBy: ReturnOpener;
}

export type ReceiveReturnInput = ReceiveReturn['data'];

/** The answer of a return command: the return stream's revision is its ETag. */
const returnAnswer = (outcome: StepsOutcome, returnId: string): CommandResult => ({
  events: outcome.events.get(returnStream(returnId)) ?? [],
  revision: outcome.revisions.get(returnStream(returnId)) ?? null,
  position: outcome.position,
});

/**
 * Returns and their RMA (`return-{id}` streams), the units of each order under a return
 * (`returned-{orderId}`), and the shop's returns policy (`returnpolicy-shop`). Refunds run by
 * themselves, as a system actor, at receipt or at authorization as the policy says.
 */
export function returnHandlers(
  deps: OrderDeps,
  labels: ReturnLabels = deps.carrier ? carrierReturnLabels(deps, deps.carrier) : noReturnLabels,
) {
  const { runtime } = deps;
  const policy = async (): Promise<ReturnPolicy> =>
    (await loadAggregate(runtime.store, returnPolicyDecider, returnPolicyStream(), runtime.cache, false))
      .state.policy;
  const loadReturn = async (returnId: string) => {
    const { state } = await loadAggregate(
      runtime.store,
      returnDecider,
      returnStream(returnId),
      runtime.cache,
      false,
      runtime.upcasters,
    );
    if (state.status === 'none') throw new ReturnNotFound(returnId);
    return state;
  };
  const requireLocation = (location: string) => {
    if (!deps.locations.list().includes(location)) throw new LocationNotFound(location);
  };

  /** The window of the product behind a SKU: through its claim to the product, then its category. */
  async function windowOf(current: ReturnPolicy, sku: string): Promise<number> {
    const claim = (await loadAggregate(runtime.store, skuClaimDecider, skuStream(sku), runtime.cache, true))
      .state;
    if (claim.status !== 'claimed') return windowDaysFor(current, { productId: null, category: null });
    const product = (
      await loadAggregate(runtime.store, productDecider, productStream(claim.productId), runtime.cache, true)
    ).state;
    const category = product.status === 'absent' ? null : product.product.category;
    return windowDaysFor(current, { productId: claim.productId, category });
  }

  return {
    /** The customer (or staff for them) asks to send delivered units back; the units are claimed at once. */
    async requestReturn(input: RequestReturnInput, context: CommandContext): Promise<CommandResult> {
      const stream = returnStream(input.returnId);
      const earlier = await earlierRun(runtime.store, stream, context);
      if (earlier) return earlier;
      const { order, deliveredAt } = await orderWithDelivery(deps, input.orderId);
      if (order.status === 'none') throw new OrderNotFound(input.orderId);
      const current = await policy();
      const windows = new Map<string, number>();
      for (const line of order.lines) windows.set(line.lineId, await windowOf(current, line.sku));
      const ledger = returnedStream(input.orderId);
      const outcome = await runCommand(
        runtime,
        {
          keys: [ledger],
          contention: 'normal',
          plan: async (loadStep) => {
            const returned = await loadStep<ReturnedState>(ledger, asStepDecider(returnedDecider));
            const existing = await loadStep<ReturnState>(stream, asStepDecider(returnDecider));
            const command: RequestReturn = {
              type: 'RequestReturn',
              data: {
                ...input,
                customerId: order.customerId,
                currency: order.currency,
                orderStatus: order.status,
                deliveredAt,
                now: context.now,
                allowedReasons: current.reasons,
                orderLines: order.lines.map((line) => ({
                  lineId: line.lineId,
                  sku: line.sku,
                  quantity: line.quantity,
                  delivered: deliveredQuantity(order, line.lineId),
                  alreadyReturned: returnedQuantity(returned, line.lineId),
                  ...linePaid(order, line),
                  windowDays: windows.get(line.lineId) ?? current.defaultWindowDays,
                })),
                refundableShipping: current.refundShipping ? order.totals.shipping.amount : 0,
                restockingFeeBps: current.restockingFeeBps,
                refundOn: current.refundOn,
              },
            };
            // Decided here only to learn which units to claim; the step decides it again.
            const [requested] = returnDecider.decide(command, existing) as [ReturnRequested];
            const delivered = new Map(command.data.orderLines.map((l) => [l.lineId, l.delivered]));
            return [
              {
                stream: ledger,
                decider: asStepDecider(returnedDecider),
                command: {
                  type: 'ClaimReturnedQuantities',
                  data: {
                    orderId: input.orderId,
                    returnId: input.returnId,
                    lines: requested.data.lines.map((l) => ({
                      lineId: l.lineId,
                      quantity: l.quantity,
                      delivered: delivered.get(l.lineId) ?? 0,
                    })),
                  },
                },
                compensate: () => ({
                  type: 'ReleaseReturnedQuantities',
                  data: { orderId: input.orderId, returnId: input.returnId },
                }),
              },
              { stream, decider: asStepDecider(returnDecider), command, expectNew: true },
            ];
          },
        },
        context,
      );
      return returnAnswer(outcome, input.returnId);
    },

    /** Issues the RMA number and, where a carrier makes them, a return label; else the policy's instructions. */
    async authorizeReturn(
      input: { returnId: string; note: string | null },
      context: CommandContext,
      ifMatch?: number,
    ): Promise<CommandResult> {
      const ret = await loadReturn(input.returnId);
      const rmaNumber = rmaNumberOf(input.returnId);
      // Only asked while the return waits for authorization, so a refused retry buys no label.
      const label =
        ret.status === 'requested'
          ? await labels({
              returnId: input.returnId,
              rmaNumber,
              orderId: ret.orderId,
              units: ret.lines.map(({ sku, quantity }) => ({ sku, quantity })),
              idempotencyKey: `return-label-${input.returnId}`,
            })
          : null;
      const current = await policy();
      const result = toResult(
        await handleCommand(
          runtime,
          returnDecider,
          returnStream(input.returnId),
          {
            type: 'AuthorizeReturn',
            data: {
              returnId: input.returnId,
              rmaNumber,
              label,
              instructions: current.instructions,
              note: input.note,
            },
          },
          context,
          ifMatch === undefined ? {} : { expectedRevision: ifMatch },
        ),
      );
      if (ret.refundOn === 'authorization' && result.events.length > 0) {
        const refunded = await refundReturn(deps, input.returnId, 'authorization', context);
        if (refunded.position) return { ...result, revision: refunded.revision, position: refunded.position };
      }
      return result;
    },

    /** Refuses the return with a reason and gives its units back, so they may be returned again. */
    async rejectReturn(
      input: { returnId: string; reason: string },
      context: CommandContext,
      ifMatch?: number,
    ): Promise<CommandResult> {
      const stream = returnStream(input.returnId);
      const earlier = await earlierRun(runtime.store, stream, context);
      if (earlier) return earlier;
      const ret = await loadReturn(input.returnId);
      const outcome = await runCommand(
        runtime,
        {
          keys: [returnedStream(ret.orderId)],
          contention: 'normal',
          plan: async () => [
            {
              stream,
              decider: asStepDecider(returnDecider),
              command: { type: 'RejectReturn', data: input },
            },
            {
              stream: returnedStream(ret.orderId),
              decider: asStepDecider(returnedDecider),
              command: {
                type: 'ReleaseReturnedQuantities',
                data: { orderId: ret.orderId, returnId: input.returnId },
              },
            },
          ],
          ...(ifMatch === undefined ? {} : { pinned: { stream, revision: ifMatch } }),
        },
        context,
      );
      return returnAnswer(outcome, input.returnId);
    },

    /**
     * Records units received at a location, each line inspected: restocked at a chosen location
     * (`StockReturned`) or written off (`StockReturned` then `StockAdjusted`, damage or loss), in one
     * append with the return's `ReturnReceived`. The refund for the receipt follows by itself.
     */
    async receiveReturn(
      input: ReceiveReturnInput,
      context: CommandContext,
      ifMatch?: number,
    ): Promise<CommandResult> {
      const stream = returnStream(input.returnId);
      const earlier = await earlierRun(runtime.store, stream, context);
      if (earlier) return earlier;
      requireLocation(input.location);
      for (const line of input.lines)
        if (line.restockLocation !== null) requireLocation(line.restockLocation);
      const command: ReceiveReturn = { type: 'ReceiveReturn', data: input };
      const outcome = await runCommand(
        runtime,
        {
          keys: [stream],
          contention: 'normal',
          plan: async (loadStep) => {
            const ret = await loadStep<ReturnState>(stream, asStepDecider(returnDecider));
            const [received] = returnDecider.decide(command, ret) as [ReturnReceived];
            if (ret.status === 'none') throw new ReturnNotFound(input.returnId);
            const stockSteps = stockCommands(received, ret.orderId).map((stock) => ({
              stream: stockStream(stock.data.sku, stock.data.location),
              decider: asStepDecider(stockDecider),
              command: stock,
            }));
            return [{ stream, decider: asStepDecider(returnDecider), command }, ...stockSteps];
          },
          ...(ifMatch === undefined ? {} : { pinned: { stream, revision: ifMatch } }),
        },
        context,
      );
      const result = returnAnswer(outcome, input.returnId);
      const ret = await loadReturn(input.returnId);
      if (ret.refundOn === 'receipt') {
        const refunded = await refundReturn(deps, input.returnId, { receiptId: input.receiptId }, context);
        if (refunded.position) return { ...result, revision: refunded.revision, position: refunded.position };
      }
      return result;
    },

    /** Runs a return's refund again (after a provider outage, say); does nothing when it was made. */
    retryReturnRefund: (
      returnId: string,
      basis: { receiptId: string } | 'authorization',
      context: CommandContext,
    ) => refundReturn(deps, returnId, basis, context),

    async setReturnPolicy(policyInput: ReturnPolicy, context: CommandContext): Promise<CommandResult> {
      return toResult(
        await handleCommand(
          runtime,
          returnPolicyDecider,
          returnPolicyStream(),
          { type: 'SetReturnPolicy', data: { policy: policyInput } },
          context,
        ),
      );
    },

    returnPolicy: policy,

    /** The customer a return belongs to, or `null` when there is no such return: for ownership checks. */
    async returnOwner(returnId: string): Promise<string | null> {
      const { state } = await loadAggregate(
        runtime.store,
        returnDecider,
        returnStream(returnId),
        runtime.cache,
        false,
      );
      return state.status === 'none' ? null : state.customerId;
    },
  };
}

/** Derived from the return id, so it is unique with it and a retried authorization issues the same one. */
export const rmaNumberOf = (returnId: string): string => `RMA-${returnId.toUpperCase()}`;

/** One stock command per stream: units restocked where chosen, units written off where they came in. */
function stockCommands(received: ReturnReceived, orderId: string): ReturnStock[] {
  const byStream = new Map<string, ReturnStock>();
  const at = (sku: string, location: string): ReturnStock => {
    const key = stockStream(sku, location);
    let command = byStream.get(key);
    if (!command) {
      command = {
        type: 'ReturnStock',
        data: { sku, location, orderId, returnId: received.data.returnId, quantity: 0, writeOffs: [] },
      };
      byStream.set(key, command);
    }
    return command;
  };
  for (const line of received.data.lines) {
    const command = at(line.sku, line.restockLocation ?? received.data.location);
    command.data.quantity += line.quantity;
    if (line.disposition === 'write_off' && line.adjustmentReason !== null) {
      command.data.writeOffs.push({
        quantity: line.quantity,
        reason: line.adjustmentReason,
        note: line.note,
      });
    }
  }
  return [...byStream.values()];
}

export type ReturnHandlers = ReturnType<typeof returnHandlers>;

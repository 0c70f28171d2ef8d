import { StockShortage } from '../../domain/inventory/errors.ts';
import { allocate, available, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import type { ExistingOrder, LineAllocation } from '../../domain/orders/index.ts';
import { stockStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { asStepDecider, type Step, type StepPlan } from '../runtime/steps.ts';
import type { OrderDeps } from './order-deps.ts';

type Load = Parameters<StepPlan>[0];

/**
 * The stock steps of a replacement line (an exchange's or a claim's): allocated like a placement's
 * over every location's availability, and reserved on top of what the order holds there, to go in
 * the same append as the order's event. A shortage refuses (409 `stock_shortage`).
 */
export async function replacementReservations(
  deps: OrderDeps,
  load: Load,
  line: { orderId: string; lineId: string; sku: string; quantity: number; expiresAt: string },
  context: CommandContext,
): Promise<{ allocations: LineAllocation[]; reservations: Step[] }> {
  const locations = deps.locations.list();
  const availability = {
    [line.sku]: Object.fromEntries(
      await Promise.all(
        locations.map(
          async (l) =>
            [
              l,
              available(await load<StockState>(stockStream(line.sku, l), asStepDecider(stockDecider))),
            ] as const,
        ),
      ),
    ),
  };
  const allocation = allocate(
    [{ lineId: line.lineId, sku: line.sku, quantity: line.quantity }],
    availability,
    deps.settings.allocationStrategy,
  );
  if (!allocation.ok) throw new StockShortage(allocation.shortages);
  const allocations = allocation.lines[0]!.allocations;
  const reservations: Step[] = allocations.map((a) => {
    const at = { sku: line.sku, location: a.location, orderId: line.orderId, quantity: a.quantity };
    return {
      stream: stockStream(line.sku, a.location),
      decider: asStepDecider(stockDecider),
      command: {
        type: 'ReserveStock',
        data: { ...at, expiresAt: line.expiresAt, allowBackorder: false, extend: true },
      },
      compensate: () => ({
        type: 'ReleaseReservation',
        data: { ...at, reason: 'cancelled', now: context.now },
      }),
    };
  });
  return { allocations, reservations };
}

/** Replacement lines are `X1`, `X2`...: apart from the placement's and edits' `L` ids. */
export function nextReplacementId(order: ExistingOrder): string {
  const taken = new Set(order.lines.map((l) => l.lineId));
  let n = 1;
  while (taken.has(`X${n}`)) n += 1;
  return `X${n}`;
}

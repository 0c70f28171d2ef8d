import type { Decider } from '../decider.ts';
import { AlreadyExists } from '../errors.ts';
import { ReturnExceedsDelivered } from '../returns/errors.ts';

/**
 * Stream `returned-{orderId}` (see `returnedStream`): which units of an order's lines are under a
 * return. Appended with the return's request in one append, so two returns racing for the last
 * unit cannot both have it; a rejected return gives its units back.
 */
export type ClaimReturnedQuantities = {
  type: 'ClaimReturnedQuantities';
  data: {
    orderId: string;
    returnId: string;
    lines: { lineId: string; quantity: number; delivered: number }[];
  };
};
export type ReleaseReturnedQuantities = {
  type: 'ReleaseReturnedQuantities';
  data: { orderId: string; returnId: string };
};
export type ReturnedCommand = ClaimReturnedQuantities | ReleaseReturnedQuantities;

type Quantities = { lineId: string; quantity: number }[];
export type ReturnQuantitiesClaimed = {
  type: 'ReturnQuantitiesClaimed';
  data: { orderId: string; returnId: string; lines: Quantities };
};
export type ReturnQuantitiesReleased = {
  type: 'ReturnQuantitiesReleased';
  data: { orderId: string; returnId: string; lines: Quantities };
};
export type ReturnedEvent = ReturnQuantitiesClaimed | ReturnQuantitiesReleased;

const types: Record<ReturnedEvent['type'], true> = {
  ReturnQuantitiesClaimed: true,
  ReturnQuantitiesReleased: true,
};
export const returnedEventTypes = Object.keys(types) as ReturnedEvent['type'][];
export const isReturnedEvent = (event: { type: string }): event is ReturnedEvent =>
  Object.hasOwn(types, event.type);

/** Open claims by return id; the per-line totals are summed from them. */
export type ReturnedState = { claims: Record<string, Quantities> };

export function returnedQuantity(state: ReturnedState, lineId: string): number {
  let total = 0;
  for (const lines of Object.values(state.claims))
    for (const line of lines) if (line.lineId === lineId) total += line.quantity;
  return total;
}

function decideReturned(command: ReturnedCommand, state: ReturnedState): ReturnedEvent[] {
  const { orderId, returnId } = command.data;
  if (command.type === 'ReleaseReturnedQuantities') {
    const lines = state.claims[returnId];
    return lines ? [{ type: 'ReturnQuantitiesReleased', data: { orderId, returnId, lines } }] : [];
  }
  if (Object.hasOwn(state.claims, returnId)) throw new AlreadyExists({ aggregate: 'return', id: returnId });
  for (const line of command.data.lines) {
    const already = returnedQuantity(state, line.lineId);
    if (already + line.quantity > line.delivered) {
      throw new ReturnExceedsDelivered({
        lineId: line.lineId,
        delivered: line.delivered,
        alreadyReturned: already,
        requested: line.quantity,
      });
    }
  }
  const lines = command.data.lines.map(({ lineId, quantity }) => ({ lineId, quantity }));
  return [{ type: 'ReturnQuantitiesClaimed', data: { orderId, returnId, lines } }];
}

function evolveReturned(state: ReturnedState, event: ReturnedEvent): ReturnedState {
  const claims = { ...state.claims };
  if (event.type === 'ReturnQuantitiesClaimed') claims[event.data.returnId] = event.data.lines;
  else delete claims[event.data.returnId];
  return { claims };
}

export const returnedDecider: Decider<ReturnedCommand, ReturnedEvent, ReturnedState> = {
  decide: decideReturned,
  evolve: evolveReturned,
  initialState: () => ({ claims: {} }),
};

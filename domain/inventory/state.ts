import * as pmap from '../persistent-map.ts';
import type { PersistentMap } from '../persistent-map.ts';
import type { StockCounts } from './stock-counts.ts';

/** What one order holds at this SKU and location. */
export type Hold = {
  reserved: number;
  backordered: number;
  /** The quantity the reservation asked for, so an identical retry is recognised as a no-op. */
  requested: number;
  expiresAt: string;
  shipmentIds: string[];
};

export type StockLevels = {
  sku: string;
  location: string;
  onHand: number;
  /** Sum of `holds[*].reserved`; kept beside the holds so `available` costs nothing on a hot stream. */
  reserved: number;
  backordered: number;
  threshold: number | null;
  /**
   * Open holds by order id. A persistent map, not a record: a hot SKU holds thousands of open
   * reservations, and an immutable record would be copied whole on every one (see persistent-map.ts).
   */
  holds: PersistentMap<Hold>;
  /** Sum of `cartHolds[*].quantity`: units set aside for checkouts, not available to anyone else. */
  held: number;
  /** Open checkout holds by cart id. */
  cartHolds: PersistentMap<CartHold>;
  /** Units held by each holder (customer or guest cart subject), for the per-customer cap. */
  heldBy: PersistentMap<number>;
  /** Transfer ids seen here, so a transfer is never booked twice. Transfers are rare; this stays small. */
  transferIds: string[];
  /**
   * The backorders waiting here, oldest first: arriving stock fills them in this order
   * (`backorders.ts`). An entry per `BackorderRecorded`, so an order's later units queue behind
   * those recorded before them. Only streams with waiting backorders hold any, so it stays short.
   */
  backorderQueue: WaitingBackorder[];
};

/** Units of one order waiting for stock, in the queue. */
export type WaitingBackorder = { orderId: string; quantity: number };

/** What one cart holds at this SKU and location during its checkout. */
export type CartHold = { holder: string; quantity: number; expiresAt: string };

/** `untracked`: no event yet, which reads as nothing on hand. */
export type StockState = { status: 'untracked' } | ({ status: 'tracked' } & StockLevels);

export const initialStockState = (): StockState => ({ status: 'untracked' });

export function levels(state: StockState, sku: string, location: string): StockLevels {
  if (state.status === 'tracked') return withHoldsMap(state);
  return {
    sku,
    location,
    onHand: 0,
    reserved: 0,
    backordered: 0,
    threshold: null,
    holds: pmap.empty(),
    held: 0,
    cartHolds: pmap.empty(),
    heldBy: pmap.empty(),
    transferIds: [],
    backorderQueue: [],
  };
}

/** The invariant the whole system protects: this is never negative. Checkout holds count as taken. */
export function available(state: StockCounts): number {
  return state.status === 'tracked' ? freeOf(state) : 0;
}

/** On hand less what orders reserve and checkouts hold. */
export function freeOf(s: Pick<StockLevels, 'onHand' | 'reserved' | 'held'>): number {
  return s.onHand - s.reserved - (s.held ?? 0);
}

export function cartHoldOf(state: StockState | StockLevels, cartId: string): CartHold | undefined {
  if ('status' in state && state.status === 'untracked') return undefined;
  // A state stored before checkout holds existed has no map of them: it holds none.
  return state.cartHolds === undefined ? undefined : pmap.get(state.cartHolds, cartId);
}

/** Units one holder (a customer, or a guest cart's subject) holds here over all its carts. */
export function holderHeld(state: StockState, holder: string): number {
  if (state.status === 'untracked' || state.heldBy === undefined) return 0;
  return pmap.get(state.heldBy, holder) ?? 0;
}

export function holdOf(state: StockLevels, orderId: string): Hold | undefined {
  return pmap.get(withHoldsMap(state).holds, orderId);
}

/** Every open hold by order id, as a record (for display and tests; costs O(holds)). */
export function holdsByOrder(state: StockState): Record<string, Hold> {
  if (state.status === 'untracked') return {};
  return Object.fromEntries(pmap.entries(withHoldsMap(state).holds));
}

/**
 * States stored before holds were a persistent map (the notification consumer keeps folded stock
 * states as JSON) held a plain record of holds: read as the same holds.
 */
function withHoldsMap<S extends StockLevels>(state: S): S {
  if (state.cartHolds === undefined) {
    // States stored before checkout holds existed hold none.
    state = { ...state, held: 0, cartHolds: pmap.empty(), heldBy: pmap.empty() };
  }
  if (!pmap.isPersistentMap(state.holds)) {
    const legacy = state.holds as unknown as Record<string, Hold>;
    state = { ...state, holds: pmap.fromEntries(Object.entries(legacy)) };
  }
  if (state.backorderQueue === undefined) state = { ...state, backorderQueue: legacyQueue(state.holds) };
  return state;
}

/**
 * A state stored before the queue existed: its waiting backorders, soonest expiry first (the
 * order they were recorded in is not kept there; expiry follows placement).
 */
function legacyQueue(holds: PersistentMap<Hold>): WaitingBackorder[] {
  return pmap
    .entries(holds)
    .filter(([, hold]) => hold.backordered > 0)
    .sort(([a, x], [b, y]) => x.expiresAt.localeCompare(y.expiresAt) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([orderId, hold]) => ({ orderId, quantity: hold.backordered }));
}

export function isLowStock(state: StockCounts): boolean {
  return state.status === 'tracked' && state.threshold !== null && available(state) <= state.threshold;
}

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
  holds: Record<string, Hold>;
  /** Transfer ids seen here, so a transfer is never booked twice. Transfers are rare; this stays small. */
  transferIds: string[];
};

/** `untracked`: no event yet, which reads as nothing on hand. */
export type StockState = { status: 'untracked' } | ({ status: 'tracked' } & StockLevels);

export const initialStockState = (): StockState => ({ status: 'untracked' });

export function levels(state: StockState, sku: string, location: string): StockLevels {
  if (state.status === 'tracked') return state;
  return {
    sku,
    location,
    onHand: 0,
    reserved: 0,
    backordered: 0,
    threshold: null,
    holds: {},
    transferIds: [],
  };
}

/** The invariant the whole system protects: this is never negative. */
export function available(state: StockState): number {
  return state.status === 'tracked' ? state.onHand - state.reserved : 0;
}

export function holdOf(state: StockLevels, orderId: string): Hold | undefined {
  return Object.hasOwn(state.holds, orderId) ? state.holds[orderId] : undefined;
}

export function isLowStock(state: StockState): boolean {
  return state.status === 'tracked' && state.threshold !== null && available(state) <= state.threshold;
}

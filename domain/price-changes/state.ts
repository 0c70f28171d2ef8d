import type { PriceTarget } from './events.ts';

export type PriceChangeState =
  | { status: 'absent' }
  | { status: 'scheduled'; changeId: string; effectiveAt: string; reason: string; prices: PriceTarget[] }
  | { status: 'cancelled'; changeId: string }
  | { status: 'applied'; changeId: string };

export const initialPriceChangeState = (): PriceChangeState => ({ status: 'absent' });

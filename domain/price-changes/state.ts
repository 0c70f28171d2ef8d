import type { MassSelection, PriceTarget } from './events.ts';

export type PriceChangeState =
  | { status: 'absent' }
  | {
      status: 'scheduled';
      changeId: string;
      effectiveAt: string;
      reason: string;
      prices: PriceTarget[];
      /** A scheduled mass change: its selection, judged when it takes effect. */
      mass?: MassSelection;
    }
  | { status: 'cancelled'; changeId: string }
  | { status: 'applied'; changeId: string };

export const initialPriceChangeState = (): PriceChangeState => ({ status: 'absent' });

import { assertNever } from '../assert-never.ts';
import type { PromotionEvent } from './events.ts';
import type { PromotionState, PromotionStatus } from './state.ts';

export function evolvePromotion(state: PromotionState, event: PromotionEvent): PromotionState {
  if (event.type === 'PromotionCreated') {
    const { promotionId, version, definition } = event.data;
    return { status: 'draft', promotionId, version, definition };
  }
  if (state.status === 'absent') return state;
  const current = state;
  const to = (status: PromotionStatus): PromotionState => ({ ...current, status });
  switch (event.type) {
    case 'PromotionEdited':
      return { ...state, version: event.data.version, definition: event.data.definition };
    case 'PromotionActivated':
      return to('active');
    case 'PromotionPaused':
      return to('paused');
    case 'PromotionExpired':
      return to('expired');
    case 'PromotionArchived':
      return to('archived');
    default:
      return assertNever(event);
  }
}

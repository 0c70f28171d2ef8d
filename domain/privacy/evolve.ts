import type { PrivacyEvent } from './events.ts';
import type { PrivacyState } from './state.ts';

export function evolvePrivacy(state: PrivacyState, event: PrivacyEvent): PrivacyState {
  return event.type === 'CustomerErased' ? { erased: true } : state;
}

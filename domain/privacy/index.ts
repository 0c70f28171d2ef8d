import type { Decider } from '../decider.ts';
import type { PrivacyCommand } from './commands.ts';
import { decidePrivacy } from './decide.ts';
import type { PrivacyEvent } from './events.ts';
import { evolvePrivacy } from './evolve.ts';
import { initialPrivacyState, type PrivacyState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isPrivacyEvent, privacyEventTypes } from './events.ts';
export { erasedText, personalFieldsOf } from './personal-fields.ts';

/** Stream `privacy-{subjectId}` (see `privacyStream`); `privacy-encryption` records the migration. */
export const privacyDecider: Decider<PrivacyCommand, PrivacyEvent, PrivacyState> = {
  decide: decidePrivacy,
  evolve: evolvePrivacy,
  initialState: initialPrivacyState,
};

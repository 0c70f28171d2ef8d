import type { Decider } from '../decider.ts';
import type { AccountSecurityCommand } from './commands.ts';
import { decideAccountSecurity } from './decide.ts';
import type { AccountSecurityEvent } from './events.ts';
import { evolveAccountSecurity } from './evolve.ts';
import { initialAccountSecurityState, type AccountSecurityState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { accountSecurityEventTypes, isAccountSecurityEvent } from './events.ts';
export { RECOVERY_CODE_COUNT } from './state.ts';
export { SecondFactorRefused, TotpNotPending } from './errors.ts';

/** Stream `auth-{accountId}` (see `accountSecurityStream`): a second factor and login activity. */
export const accountSecurityDecider: Decider<
  AccountSecurityCommand,
  AccountSecurityEvent,
  AccountSecurityState
> = {
  decide: decideAccountSecurity,
  evolve: evolveAccountSecurity,
  initialState: initialAccountSecurityState,
};

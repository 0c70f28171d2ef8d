import type { Decider } from '../decider.ts';
import type { StaffCommand } from './commands.ts';
import { decideStaff } from './decide.ts';
import type { StaffEvent } from './events.ts';
import { evolveStaff } from './evolve.ts';
import { initialStaffState, type StaffState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isStaffEvent, staffEventTypes } from './events.ts';
export { InvitationNotPending, InvitationRefused, StaffNotFound } from './errors.ts';

/** Stream `staff-{staffId}` (see `staffStream`): a staff account, invited by an admin. */
export const staffDecider: Decider<StaffCommand, StaffEvent, StaffState> = {
  decide: decideStaff,
  evolve: evolveStaff,
  initialState: initialStaffState,
};

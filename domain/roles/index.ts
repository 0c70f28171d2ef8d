import type { Decider } from '../decider.ts';
import type { RoleCommand } from './commands.ts';
import { decideRole } from './decide.ts';
import type { RoleEvent } from './events.ts';
import { evolveRole } from './evolve.ts';
import { initialRoleState, type RoleState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isRoleEvent, roleEventTypes } from './events.ts';

/** Stream `role-{name}` (see `roleStream`): a custom role an admin defined. */
export const roleDecider: Decider<RoleCommand, RoleEvent, RoleState> = {
  decide: decideRole,
  evolve: evolveRole,
  initialState: initialRoleState,
};

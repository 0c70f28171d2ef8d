import type { Decider } from '../decider.ts';
import type { SessionCommand } from './commands.ts';
import { decideSession } from './decide.ts';
import type { SessionEvent } from './events.ts';
import { evolveSession } from './evolve.ts';
import { initialSessionState, type SessionState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isSessionEvent, sessionEventTypes } from './events.ts';
export { RefreshRefused, SessionNotFound } from './errors.ts';

/** Stream `session-{sessionId}` (see `sessionStream`): one login and its refresh-token family. */
export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  decide: decideSession,
  evolve: evolveSession,
  initialState: initialSessionState,
};

import { assertNever } from '../assert-never.ts';
import type { Decider } from '../decider.ts';
import { DomainError } from '../errors.ts';
import { requireKey } from '../validation.ts';

/**
 * Stream `login-email-{hash}` (see `loginEmailStream`): which account logs in with an email, claimed
 * in the same append as the account, so two accounts never share one. The stream is named by a
 * hash of the normalised email (computed by the handler), so the address itself is in no stream
 * name: erasure leaves only the hash, which names nobody without the address.
 */
export type AccountKind = 'customer' | 'staff';
export type LoginEmailClaimed = {
  type: 'LoginEmailClaimed';
  data: { emailHash: string; accountId: string; kind: AccountKind };
};
export type LoginEmailEvent = LoginEmailClaimed;
export type LoginEmailCommand = { type: 'ClaimLoginEmail'; data: LoginEmailClaimed['data'] };
export type LoginEmailState =
  { status: 'free' } | { status: 'claimed'; accountId: string; kind: AccountKind };

export class EmailAlreadyUsed extends DomainError<{ emailHash: string }> {
  override readonly name = 'EmailAlreadyUsed';
  readonly code = 'email_already_used';
  readonly kind = 'conflict';
  constructor(emailHash: string) {
    super('Another account already uses this email', { emailHash });
  }
}

export function isLoginEmailEvent(event: { type: string }): event is LoginEmailEvent {
  return event.type === 'LoginEmailClaimed';
}

export const loginEmailDecider: Decider<LoginEmailCommand, LoginEmailEvent, LoginEmailState> = {
  initialState: () => ({ status: 'free' }),
  evolve: (state, event) =>
    state.status === 'claimed'
      ? state
      : { status: 'claimed', accountId: event.data.accountId, kind: event.data.kind },
  decide(command, state) {
    switch (command.type) {
      case 'ClaimLoginEmail': {
        const { emailHash, accountId } = command.data;
        requireKey('accountId', accountId);
        if (state.status === 'free') return [{ type: 'LoginEmailClaimed', data: command.data }];
        // The holder claiming again is a retry: nothing to add.
        if (state.accountId === accountId) return [];
        throw new EmailAlreadyUsed(emailHash);
      }
      default:
        return assertNever(command.type);
    }
  },
};

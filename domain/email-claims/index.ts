import { assertNever } from '../assert-never.ts';
import type { Decider } from '../decider.ts';
import { DomainError } from '../errors.ts';
import { requireKey } from '../validation.ts';

/**
 * Stream `email-{kind}.{digest}` (see `emailClaimStream`): makes an account's email unique among
 * the accounts of its kind (customers, staff), appended with the account's first event in one
 * atomic append. The stream name carries a digest of the normalised address, never the address:
 * stream names are not encrypted. It also finds the account for a password reset, consistently.
 */
export type EmailClaimed = { type: 'EmailClaimed'; data: { accountId: string } };
export type EmailClaimEvent = EmailClaimed;
export type EmailClaimCommand = { type: 'ClaimEmail'; data: { accountId: string } };
export type EmailClaimState = { status: 'free' } | { status: 'claimed'; accountId: string };

export const emailClaimEventTypes: EmailClaimEvent['type'][] = ['EmailClaimed'];

/** Another account uses the address. Sign-up answers it as a conflict naming only the field. */
export class EmailAlreadyUsed extends DomainError<{ field: string }> {
  override readonly name = 'EmailAlreadyUsed';
  readonly code = 'email_already_used';
  readonly kind = 'conflict';
  constructor() {
    super('An account with this email exists already', { field: 'email' });
  }
}

export const emailClaimDecider: Decider<EmailClaimCommand, EmailClaimEvent, EmailClaimState> = {
  decide(command, state) {
    switch (command.type) {
      case 'ClaimEmail': {
        const { accountId } = command.data;
        requireKey('accountId', accountId);
        if (state.status === 'free') return [{ type: 'EmailClaimed', data: { accountId } }];
        // The holder claiming again is a retry: nothing to append.
        if (state.accountId === accountId) return [];
        throw new EmailAlreadyUsed();
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve: (state, event) => (state.status === 'claimed' ? state : { status: 'claimed', ...event.data }),
  initialState: () => ({ status: 'free' }),
};

import { describe, it } from 'vitest';
import { specFor } from '../testing/decider-spec.ts';
import { EmailAlreadyUsed, emailClaimDecider } from './index.ts';

const given = specFor(emailClaimDecider);
const claim = (accountId: string) => ({ type: 'ClaimEmail', data: { accountId } }) as const;

describe('email claims', () => {
  it('claims a free address; the holder claiming again appends nothing; anyone else is refused', () => {
    given([])
      .when(claim('c-1'))
      .then([{ type: 'EmailClaimed', data: { accountId: 'c-1' } }]);
    given([{ type: 'EmailClaimed', data: { accountId: 'c-1' } }])
      .when(claim('c-1'))
      .thenNothing();
    given([{ type: 'EmailClaimed', data: { accountId: 'c-1' } }])
      .when(claim('c-2'))
      .thenThrows(EmailAlreadyUsed, { field: 'email' });
  });
});

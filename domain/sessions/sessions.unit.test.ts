import { describe, it } from 'vitest';
import { AlreadyExists } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { RefreshRefused, SessionNotFound, sessionDecider, type SessionEvent } from './index.ts';

const given = specFor(sessionDecider);
const NOW = '2026-12-05T10:00:00.000Z';
const LATER = '2026-12-05T10:20:00.000Z';
const seen = { ip: '192.0.2.1', userAgent: 'Firefox' };
const started: SessionEvent = {
  type: 'SessionStarted',
  data: {
    sessionId: 's-1',
    accountId: 'c-1',
    role: 'customer',
    roles: ['customer'],
    refreshHash: 'h1',
    expiresAt: '2027-01-04T10:00:00.000Z',
    secondFactorAt: null,
    ...seen,
    at: NOW,
  },
};
const refreshed: SessionEvent = {
  type: 'SessionRefreshed',
  data: { sessionId: 's-1', accountId: 'c-1', refreshHash: 'h2', ...seen, at: LATER },
};
const refresh = (presentedHash: string, now = LATER) =>
  ({
    type: 'RefreshSession',
    data: { sessionId: 's-1', presentedHash, refreshHash: 'h3', ...seen, now },
  }) as const;

describe('session decider', () => {
  it('starts a session once', () => {
    given([]).when({ type: 'StartSession', data: started.data }).then([started]);
    given([started]).when({ type: 'StartSession', data: started.data }).thenThrows(AlreadyExists);
  });

  it('rotates the refresh token presented', () => {
    given([started])
      .when(refresh('h1'))
      .then([
        {
          type: 'SessionRefreshed',
          data: { sessionId: 's-1', accountId: 'c-1', refreshHash: 'h3', ...seen, at: LATER },
        },
      ]);
  });

  it('revokes the family when a rotated token comes back', () => {
    given([started, refreshed])
      .when(refresh('h1'))
      .then([
        { type: 'RefreshTokenReused', data: { sessionId: 's-1', accountId: 'c-1', ...seen, at: LATER } },
        {
          type: 'SessionRevoked',
          data: { sessionId: 's-1', accountId: 'c-1', reason: 'refresh-reuse', at: LATER },
        },
      ]);
  });

  it('refuses an unknown token, a revoked session, an expired family and a missing session', () => {
    const revoked: SessionEvent = {
      type: 'SessionRevoked',
      data: { sessionId: 's-1', accountId: 'c-1', reason: 'logout', at: LATER },
    };
    given([started]).when(refresh('nope')).thenThrows(RefreshRefused);
    given([started, revoked]).when(refresh('h1')).thenThrows(RefreshRefused);
    given([started]).when(refresh('h1', '2027-02-01T00:00:00.000Z')).thenThrows(RefreshRefused);
    given([]).when(refresh('h1')).thenThrows(RefreshRefused);
    given([])
      .when({ type: 'PassSecondFactor', data: { sessionId: 's-1', now: LATER } })
      .thenThrows(SessionNotFound);
  });

  it('revokes once; revoking again adds nothing', () => {
    const revoke = {
      type: 'RevokeSession',
      data: { sessionId: 's-1', reason: 'logout', now: LATER },
    } as const;
    given([started])
      .when(revoke)
      .then([
        { type: 'SessionRevoked', data: { sessionId: 's-1', accountId: 'c-1', reason: 'logout', at: LATER } },
      ]);
    given([
      started,
      { type: 'SessionRevoked', data: { sessionId: 's-1', accountId: 'c-1', reason: 'logout', at: LATER } },
    ])
      .when(revoke)
      .thenNothing();
  });
});

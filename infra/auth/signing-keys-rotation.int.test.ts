import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedPglite } from '../../test-support/databases.ts';
import type { SqlClient } from '../sql/sql-client.ts';
import { createJwtVerifier } from './jwt-verifier.ts';
import { sessionTokens } from './session-tokens.ts';
import { openSigningKeys } from './signing-keys.ts';

/**
 * Key rotation with an overlap window (`qm auth rotate-keys` calls `rotate()`): a token signed by the
 * replaced key verifies, and its key stays in the JWKS, until the overlap ends; after that it is
 * refused, in this process and in another one reading the same table. The keys' clock is moved by
 * hand; the tokens' own expiry (15 minutes, real time) is never reached.
 */
const OVERLAP_MS = 60 * 60_000;

describe('signing key rotation', () => {
  let database: { client: SqlClient; dispose(): Promise<void> };
  let now = Date.now();
  const clock = () => now;
  beforeAll(async () => {
    database = await migratedPglite();
  });
  afterAll(() => database.dispose());

  const keysOf = () => openSigningKeys({ sql: database.client, overlapMs: OVERLAP_MS, now: clock });
  // A fresh verifier per check: a verifier remembers a token it accepted until the token expires
  // (which the overlap outlasts), so each check must ask the keys again.
  const verdict = (keys: ReturnType<typeof keysOf>, token: string) =>
    createJwtVerifier({ localKeys: keys })(token).then(
      () => 'accepted',
      (error: { status?: number }) => `refused ${error.status}`,
    );
  const kidOf = (token: string) => decodeProtectedHeader(token).kid;
  const issue = async (keys: ReturnType<typeof keysOf>) =>
    (
      await sessionTokens({ keys, accessTtlSeconds: 900, refreshTtlSeconds: 3_600 }).issueAccess({
        accountId: 'staff-1',
        role: 'staff',
        roles: ['staff'],
        sessionId: 'session-1',
        secondFactorAt: null,
        enrolOnly: false,
      })
    ).token;

  it('keeps the old key verifying and published during the overlap, and refuses its tokens after', async () => {
    const keys = keysOf();
    const other = keysOf(); // another API process over the same table
    const old = await issue(keys);
    const oldKid = kidOf(old);
    expect(await verdict(keys, old)).toBe('accepted');

    const newKid = await keys.rotate();
    expect(newKid).not.toBe(oldKid);
    const fresh = await issue(keys);
    expect(kidOf(fresh)).toBe(newKid);
    expect((await keys.jwks()).keys.map((key) => key.kid).sort()).toEqual([oldKid, newKid].sort());

    // Within the overlap: both verify, here and in the other process.
    now += OVERLAP_MS - 60_000;
    for (const process of [keys, other]) {
      expect(await verdict(process, old)).toBe('accepted');
      expect(await verdict(process, fresh)).toBe('accepted');
    }

    // Past it: the old key is retired, out of the JWKS, and its tokens are refused.
    now += 120_000;
    for (const process of [keys, other]) {
      expect(await verdict(process, old)).toBe('refused 401');
      expect(await verdict(process, fresh)).toBe('accepted');
      expect((await process.jwks()).keys.map((key) => key.kid)).toEqual([newKid]);
    }

    // The next rotation deletes the retired key for good.
    await keys.rotate();
    const [row] = await database.client.query<{ count: number }>(
      'select count(*)::int as count from qm_auth_signing_keys where kid = $1',
      [oldKid],
    );
    expect(row?.count).toBe(0);
  });
});

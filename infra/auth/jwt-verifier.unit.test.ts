import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/problem.ts';
import { Unauthenticated } from './auth-errors.ts';
import { createJwtVerifier, refuseAllTokens } from './jwt-verifier.ts';
import { mintToken } from './mint-token.ts';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const verify = createJwtVerifier({ secret });

async function refusal(promise: Promise<unknown>): Promise<Unauthenticated> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(Unauthenticated);
  return error as Unauthenticated;
}

describe('createJwtVerifier with a shared secret', () => {
  it('accepts a minted token and returns its actor', async () => {
    const token = await mintToken({ secret, subject: 'admin-1', role: 'admin' });
    expect(await verify(token)).toEqual({ id: 'admin-1', role: 'admin' });
  });

  it('refuses an expired token as expired', async () => {
    const token = await mintToken({
      secret,
      subject: 'c-1',
      role: 'customer',
      ttl: '1h',
      now: new Date(Date.now() - 2 * 3600_000),
    });
    expect((await refusal(verify(token))).reason).toBe('expired');
  });

  it('honours its own clock', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const token = await mintToken({ secret, subject: 'c-1', role: 'customer', ttl: '1h', now });
    const at = (ms: number) => createJwtVerifier({ secret, now: () => new Date(now.getTime() + ms) });
    expect(await at(30 * 60_000)(token)).toEqual({ id: 'c-1', role: 'customer' });
    expect((await refusal(at(2 * 3600_000)(token))).reason).toBe('expired');
  });

  it('refuses a token signed with another secret, or not a token at all', async () => {
    const token = await mintToken({ secret: `${secret}-other`, subject: 'admin-1', role: 'admin' });
    expect((await refusal(verify(token))).reason).toBe('invalid');
    expect((await refusal(verify('not.a.token'))).reason).toBe('invalid');
  });

  it('refuses an unsigned token and other algorithms', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'admin-1', role: 'admin' }),
    ).toString('base64url')}.`;
    expect((await refusal(verify(unsigned))).reason).toBe('invalid');
    const { privateKey } = await generateKeyPair('ES256');
    const es256 = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('admin-1')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await refusal(verify(es256))).reason).toBe('invalid');
  });

  it('needs a subject and a known role', async () => {
    const key = new TextEncoder().encode(secret);
    const sign = (claims: Record<string, unknown>, subject?: string) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h');
      return (subject ? jwt.setSubject(subject) : jwt).sign(key);
    };
    expect((await refusal(verify(await sign({ role: 'admin' })))).detail).toMatch(/subject/);
    expect((await refusal(verify(await sign({ role: 'system' }, 'x')))).detail).toMatch(/role/);
    expect((await refusal(verify(await sign({}, 'x')))).detail).toMatch(/role/);
  });

  it('checks issuer and audience when configured', async () => {
    const strict = createJwtVerifier({ secret, issuer: 'qm', audience: 'write-api' });
    const good = await mintToken({
      secret,
      subject: 's',
      role: 'staff',
      issuer: 'qm',
      audience: 'write-api',
    });
    expect(await strict(good)).toEqual({ id: 's', role: 'staff' });
    const wrongIssuer = await mintToken({
      secret,
      subject: 's',
      role: 'staff',
      issuer: 'x',
      audience: 'write-api',
    });
    expect((await refusal(strict(wrongIssuer))).reason).toBe('invalid');
    const noAudience = await mintToken({ secret, subject: 's', role: 'staff', issuer: 'qm' });
    expect((await refusal(strict(noAudience))).reason).toBe('invalid');
  });

  it('refuses a token without exp, which would never expire', async () => {
    const key = new TextEncoder().encode(secret);
    const forever = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin-1')
      .setIssuedAt()
      .sign(key);
    const error = await refusal(verify(forever));
    expect(error.status).toBe(401);
    expect(error.detail).toMatch(/no expiry \(exp\)/);
  });

  it('refuses a token that lives longer than the configured maximum, counted from iat or from now', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const day = createJwtVerifier({ secret, now: () => now });
    const hour = createJwtVerifier({ secret, now: () => now, maxLifetimeSeconds: 3600 });
    const minted = (ttl: string) => mintToken({ secret, subject: 'a', role: 'admin', ttl, now });
    // The default maximum is a day.
    expect(await day(await minted('24h'))).toEqual({ id: 'a', role: 'admin' });
    expect((await refusal(day(await minted('25h')))).detail).toMatch(/AUTH_MAX_TOKEN_LIFETIME_SECONDS/);
    expect(await hour(await minted('1h'))).toEqual({ id: 'a', role: 'admin' });
    const long = await refusal(hour(await minted('2h')));
    expect(long.status).toBe(401);
    expect(long.detail).toMatch(/7200 s\) than the 3600 s/);
    // Without iat, what is left until exp counts.
    const noIat = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 365 * 86_400)
      .sign(new TextEncoder().encode(secret));
    expect((await refusal(day(noIat))).detail).toMatch(/lives longer/);
  });

  it('needs exactly one key source', () => {
    expect(() => createJwtVerifier({})).toThrow(/exactly one/);
    expect(() => createJwtVerifier({ secret, jwksUrl: 'https://idp.example/jwks' })).toThrow(/exactly one/);
  });
});

describe('refuseAllTokens', () => {
  it('refuses with a 401 that says authentication is not configured', async () => {
    const error = await refusal(refuseAllTokens()('anything'));
    expect(error).toBeInstanceOf(HttpProblem);
    expect(error.status).toBe(401);
    expect(error.detail).toMatch(/AUTH_JWT_SECRET/);
  });
});

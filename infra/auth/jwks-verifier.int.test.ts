import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Unauthenticated } from './auth-errors.ts';
import { createJwtVerifier } from './jwt-verifier.ts';

/** A local identity provider's key endpoint: jose fetches it over real HTTP. */
let server: Server;
let jwksUrl: string;
let privateKey: CryptoKey;
let answer: { status: number; keys: JWK[] };

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  answer = {
    status: 200,
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }],
  };
  server = createServer((_request, response) => {
    response.writeHead(answer.status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ keys: answer.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const sign = (claims: Record<string, unknown>, kid = 'k1', key: CryptoKey = privateKey) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject('staff-9')
    .setIssuer('https://idp.test')
    .setExpirationTime('5m')
    .sign(key);

describe('createJwtVerifier with a JWKS URL', () => {
  it("accepts a token signed by one of the set's keys", async () => {
    const verify = createJwtVerifier({ jwksUrl, issuer: 'https://idp.test' });
    expect(await verify(await sign({ role: 'staff' }))).toEqual({ id: 'staff-9', role: 'staff' });
  });

  it('refuses a token signed by a key outside the set, or with an unknown kid', async () => {
    const verify = createJwtVerifier({ jwksUrl, issuer: 'https://idp.test' });
    const stranger = (await generateKeyPair('ES256')).privateKey;
    await expect(verify(await sign({ role: 'admin' }, 'k1', stranger))).rejects.toMatchObject({
      status: 401,
      reason: 'invalid',
    });
    await expect(verify(await sign({ role: 'admin' }, 'k2', stranger))).rejects.toBeInstanceOf(
      Unauthenticated,
    );
  });

  it('refuses an HS256 token even when signed with a public key as the secret', async () => {
    const verify = createJwtVerifier({ jwksUrl });
    const hs = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JSON.stringify(answer.keys[0])));
    await expect(verify(hs)).rejects.toMatchObject({ status: 401 });
  });

  it('answers 503, not 401, when the key set cannot be fetched', async () => {
    answer.status = 500;
    try {
      const verify = createJwtVerifier({ jwksUrl });
      await expect(verify(await sign({ role: 'staff' }))).rejects.toMatchObject({
        status: 503,
        code: 'auth_unavailable',
      });
    } finally {
      answer.status = 200;
    }
    const unreachable = createJwtVerifier({ jwksUrl: 'http://127.0.0.1:9/jwks.json' });
    await expect(unreachable(await sign({ role: 'staff' }))).rejects.toMatchObject({ status: 503 });
  });
});

import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJwtVerifier } from '../../../infra/auth/jwt-verifier.ts';
import { tokenCommand } from './token.ts';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

async function run(args: string[]): Promise<{ printed: string[]; errors: string[] }> {
  const printed: string[] = [];
  const errors: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  await tokenCommand().exitOverride().parseAsync(args, { from: 'user' });
  return { printed, errors };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('qm token', () => {
  it('prints a token the API verifies, for the given role and subject', async () => {
    vi.stubEnv('AUTH_JWT_SECRET', secret);
    vi.stubEnv('AUTH_ISSUER', 'qm-local');
    const { printed } = await run(['--role', 'admin', '--sub', 'admin-1', '--ttl', '15m']);
    expect(printed).toHaveLength(1);
    const verify = createJwtVerifier({ secret, issuer: 'qm-local' });
    expect(await verify(printed[0]!)).toEqual({ id: 'admin-1', role: 'admin' });
  });

  it('refuses to mint on a server deployment without AUTH_JWT_SECRET, and says so', async () => {
    vi.stubEnv('AUTH_JWT_SECRET', undefined);
    vi.stubEnv('AUTH_JWKS_URL', undefined);
    // Embedded mode makes its own secret (see embedded-auth-secret.ts); a server deployment must set one.
    vi.stubEnv('DATABASE_URL', 'postgres://127.0.0.1:5432/nowhere');
    const { printed, errors } = await run(['--role', 'admin', '--sub', 'admin-1']);
    expect(printed).toEqual([]);
    expect(errors.join('\n')).toMatch(/needs AUTH_JWT_SECRET/);
    expect(process.exitCode).toBe(1);
  });

  it('mints tokens with exp within AUTH_MAX_TOKEN_LIFETIME_SECONDS, and refuses a --ttl beyond it', async () => {
    vi.stubEnv('AUTH_JWT_SECRET', secret);
    const { printed } = await run(['--role', 'staff', '--sub', 's-1']);
    const claims = decodeJwt(printed[0]!);
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
    expect(await createJwtVerifier({ secret })(printed[0]!)).toEqual({ id: 's-1', role: 'staff' });

    vi.stubEnv('AUTH_MAX_TOKEN_LIFETIME_SECONDS', '3600');
    const refused = await run(['--role', 'staff', '--sub', 's-1', '--ttl', '2h']);
    expect(refused.printed).toEqual([]);
    expect(refused.errors.join('\n')).toMatch(
      /--ttl 2h is longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS \(3600 s\)/,
    );
    expect(process.exitCode).toBe(1);
  });

  it('refuses a role that does not exist', async () => {
    vi.stubEnv('AUTH_JWT_SECRET', secret);
    await expect(run(['--role', 'root', '--sub', 'x'])).rejects.toThrow(/Allowed choices/);
  });
});

/**
 * Everything the embedded mode keeps lives inside its data root (issue 13, point 1): the JWT
 * secret too. Before, it went beside the PGlite folder, so two installations in one parent
 * folder shared it and accepted each other's admin tokens.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/config/config.ts';
import { dataRootPaths } from '../../infra/config/data-root.ts';
import { createJwtVerifier } from '../../infra/auth/jwt-verifier.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { withEmbeddedAuthSecret } from './embedded-auth-secret.ts';

let parents: string[] = [];
afterEach(() => {
  for (const parent of parents) rmSync(parent, { recursive: true, force: true });
  parents = [];
});

function parentFolder(): string {
  const parent = mkdtempSync(join(tmpdir(), 'qm-roots-'));
  parents.push(parent);
  return parent;
}

const embedded = (root: string) => withEmbeddedAuthSecret(loadConfig({ QM_DATA_DIR: root }));

describe('the embedded data root', () => {
  it('keeps PGlite, chDB and the secret inside QM_DATA_DIR, by default .data', () => {
    expect(dataRootPaths(loadConfig({}))).toEqual({
      root: '.data',
      pglite: join('.data', 'pglite'),
      analytics: join('.data', 'analytics'),
      jwtSecret: join('.data', 'secrets', 'jwt-secret'),
      ownerLock: join('.data', 'owner.lock'),
    });
  });

  it('gives two roots in one folder secrets of their own: a token minted for one is refused by the other', async () => {
    const parent = parentFolder();
    const a = embedded(join(parent, 'a'));
    const b = embedded(join(parent, 'b'));
    expect(existsSync(join(parent, 'a', 'secrets', 'jwt-secret'))).toBe(true);
    expect(existsSync(join(parent, 'jwt-secret'))).toBe(false);
    const token = await mintToken({ secret: a.AUTH_JWT_SECRET!, subject: 'admin-a', role: 'admin' });
    expect(await createJwtVerifier({ secret: a.AUTH_JWT_SECRET! })(token)).toEqual({
      id: 'admin-a',
      role: 'admin',
    });
    await expect(createJwtVerifier({ secret: b.AUTH_JWT_SECRET! })(token)).rejects.toThrow();
    // The same root again reads the same secret (serve and qm token agree).
    expect(embedded(join(parent, 'a')).AUTH_JWT_SECRET).toBe(a.AUTH_JWT_SECRET);
  });

  it('moves the old layout’s secret (.data/jwt-secret) into secrets/ once, so earlier tokens still verify', async () => {
    const root = join(parentFolder(), '.data');
    mkdirSync(join(root, 'pglite'), { recursive: true });
    const old = 'an-old-embedded-secret-made-by-the-previous-layout';
    writeFileSync(join(root, 'jwt-secret'), old, { mode: 0o600 });
    const token = await mintToken({ secret: old, subject: 'admin-1', role: 'admin' });
    const config = embedded(root);
    expect(existsSync(join(root, 'jwt-secret'))).toBe(false);
    expect(readFileSync(join(root, 'secrets', 'jwt-secret'), 'utf8')).toBe(old);
    expect(await createJwtVerifier({ secret: config.AUTH_JWT_SECRET! })(token)).toEqual({
      id: 'admin-1',
      role: 'admin',
    });
  });

  it('refuses a QM_DATA_DIR that is an old PGlite folder, naming the root to use', () => {
    const parent = parentFolder();
    const pglite = join(parent, 'pglite');
    mkdirSync(pglite);
    writeFileSync(join(pglite, 'PG_VERSION'), '17\n');
    expect(() => embedded(pglite)).toThrow(
      `QM_DATA_DIR=${pglite} is a PGlite database folder (it has PG_VERSION). QM_DATA_DIR now names the data root`,
    );
    expect(() => embedded(pglite)).toThrow(`Set QM_DATA_DIR=${parent}`);
  });
});

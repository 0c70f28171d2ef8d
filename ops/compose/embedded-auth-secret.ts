import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../../infra/config/config.ts';

/**
 * Embedded mode needs no setup, tokens included: with no AUTH_JWT_SECRET or AUTH_JWKS_URL, a random
 * secret is made once per installation, kept beside the data folder (readable by its owner only),
 * and shared by `qm serve` and `qm token`. Server deployments set their own.
 */
export function withEmbeddedAuthSecret(config: Config): Config {
  if (config.AUTH_JWT_SECRET || config.AUTH_JWKS_URL || config.eventStore !== 'pglite') return config;
  if (config.QM_DATA_DIR.startsWith('memory://')) {
    return { ...config, AUTH_JWT_SECRET: randomBytes(32).toString('base64url') };
  }
  const file = join(dirname(config.QM_DATA_DIR), 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return { ...config, AUTH_JWT_SECRET: readFileSync(file, 'utf8').trim() };
}

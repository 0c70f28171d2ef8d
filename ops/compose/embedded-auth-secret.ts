import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../../infra/config/config.ts';
import { dataRootPaths, isMemoryRoot } from '../../infra/config/data-root.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { checkDataRoot, moveLegacySecret } from './data-root-layout.ts';

/**
 * Embedded mode needs no setup, tokens included: with no AUTH_JWT_SECRET or AUTH_JWKS_URL, a random
 * secret is made once per data root, kept inside it (`secrets/jwt-secret`, readable by its owner
 * only), and shared by `qm serve` and `qm token`. Inside, not beside: two roots in one folder must
 * not trust each other's tokens. Server deployments set their own.
 */
export function withEmbeddedAuthSecret(config: Config, log?: Logger): Config {
  if (config.AUTH_JWT_SECRET || config.AUTH_JWKS_URL || config.eventStore !== 'pglite') return config;
  if (isMemoryRoot(config.QM_DATA_DIR)) {
    return { ...config, AUTH_JWT_SECRET: randomBytes(32).toString('base64url') };
  }
  checkDataRoot(config);
  moveLegacySecret(config, log);
  const file = dataRootPaths(config).jwtSecret;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Written aside, then linked into place: two processes making the first secret at once keep
    // one of them, and neither can read a half-written file.
    const draft = `${file}.${process.pid}.tmp`;
    writeFileSync(draft, randomBytes(32).toString('base64url'), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  return { ...config, AUTH_JWT_SECRET: readFileSync(file, 'utf8').trim() };
}

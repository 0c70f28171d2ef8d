import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { dataRootPaths, isMemoryRoot } from '../../infra/config/data-root.ts';
import type { Config } from '../../infra/config/config.ts';
import type { Logger } from '../../infra/logging/logger.ts';

/**
 * QM_DATA_DIR used to name PGlite's own folder (default `.data/pglite`), with chDB and the JWT
 * secret beside it in the parent. It now names the root that holds all three. Pointed at an old
 * PGlite folder, the new code would nest a second database inside the first and orphan the data,
 * so it stops and says which root to use instead.
 */
export class DataRootIsPgliteFolder extends Error {
  override name = 'DataRootIsPgliteFolder';
  constructor(readonly root: string) {
    const parent = dirname(resolve(root));
    const folder = basename(resolve(root));
    super(
      `QM_DATA_DIR=${root} is a PGlite database folder (it has PG_VERSION). QM_DATA_DIR now names the data root ` +
        `that holds pglite/, analytics/ and secrets/. ` +
        (folder === 'pglite'
          ? `Set QM_DATA_DIR=${parent}: that is the old layout's root, and it keeps working as it is.`
          : `Either move it into a root of its own (mkdir ${root}.root && mv ${root} ${root}.root/pglite, then ` +
            `QM_DATA_DIR=${root}.root; move ${join(parent, 'analytics')} and ${join(parent, 'jwt-secret')} in too if ` +
            `they belong to it), or set QM_DATA_DIR to a new folder to start afresh.`),
    );
  }
}

/** Refuses a root that is really an old-style PGlite folder (see `DataRootIsPgliteFolder`). */
export function checkDataRoot(config: Pick<Config, 'QM_DATA_DIR'>): void {
  const root = config.QM_DATA_DIR;
  if (!isMemoryRoot(root) && existsSync(join(root, 'PG_VERSION'))) throw new DataRootIsPgliteFolder(root);
}

/**
 * The old default layout (`.data/pglite`, `.data/analytics`, `.data/jwt-secret`) is the new one
 * except for the secret, which moves once into `secrets/` so that tokens minted before keep working.
 */
export function moveLegacySecret(config: Pick<Config, 'QM_DATA_DIR' | 'CHDB_PATH'>, log?: Logger): void {
  if (isMemoryRoot(config.QM_DATA_DIR)) return;
  const legacy = join(config.QM_DATA_DIR, 'jwt-secret');
  const { jwtSecret } = dataRootPaths(config);
  if (!existsSync(legacy) || existsSync(jwtSecret)) return;
  mkdirSync(dirname(jwtSecret), { recursive: true, mode: 0o700 });
  renameSync(legacy, jwtSecret);
  log?.info(
    { from: legacy, to: jwtSecret },
    'moved the embedded JWT secret into the data root’s secrets folder',
  );
}

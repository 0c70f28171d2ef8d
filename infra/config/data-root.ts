import { join } from 'node:path';
import type { Config } from './config.ts';

/**
 * Where the embedded mode keeps everything, all inside one data root (`QM_DATA_DIR`): PGlite (events,
 * read models, the mail outbox), chDB, the JWT secret, and the owner's lock. Nothing goes beside
 * the root: two roots are two unrelated installations, with secrets of their own.
 */
export interface DataRootPaths {
  root: string;
  /** PGlite's own folder; `memory://` for a throwaway store. */
  pglite: string;
  /** chDB's folder, unless CHDB_PATH names another; `:memory:` for a throwaway one. */
  analytics: string;
  /** The HS256 secret `qm serve` verifies and `qm token` signs with, when none is configured. */
  jwtSecret: string;
  /** Names the one process that owns the root (see ops/compose/data-root-owner.ts). */
  ownerLock: string;
}

export const isMemoryRoot = (root: string): boolean => root.startsWith('memory://');

export function dataRootPaths(config: Pick<Config, 'QM_DATA_DIR' | 'CHDB_PATH'>): DataRootPaths {
  const root = config.QM_DATA_DIR;
  if (isMemoryRoot(root)) {
    return {
      root,
      pglite: 'memory://',
      analytics: config.CHDB_PATH ?? ':memory:',
      jwtSecret: '',
      ownerLock: '',
    };
  }
  return {
    root,
    pglite: join(root, 'pglite'),
    analytics: config.CHDB_PATH ?? join(root, 'analytics'),
    jwtSecret: join(root, 'secrets', 'jwt-secret'),
    ownerLock: join(root, 'owner.lock'),
  };
}

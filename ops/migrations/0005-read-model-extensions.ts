import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * Extensions the read models need: pg_trgm for typo-tolerant product search (trigram GIN indexes
 * and `word_similarity`). Created once per database; read-model schemas are created by projections.
 */
export const readModelExtensions: Migration = {
  id: '0005-read-model-extensions',
  up: `
    create extension if not exists pg_trgm;
  `,
};

import { defineConfig } from 'vitest/config';

/**
 * Test projects are named by cost (docs/architecture.md): unit (no I/O), int (real PostgreSQL,
 * Redis, NATS, PGlite, chDB), e2e (whole processes). `npm test` runs them all; the int and e2e
 * projects first check that every required service answers and fail the run if one does not.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['**/*.unit.test.ts'], exclude: ['node_modules/**'] } },
      {
        test: {
          name: 'int',
          include: ['**/*.int.test.ts', '**/*.e2e.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['test-support/require-services.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

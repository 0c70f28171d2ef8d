import { afterEach } from 'vitest';
import type { SqlClient } from '../infra/sql/sql-client.ts';
import { migratedPglite, migratedPostgres } from './databases.ts';
import type { RunningProjector } from '../projections/runtime/projector-runner.ts';

/**
 * For runtime tests, called inside a `describe`: a fresh migrated database per call, projectors
 * to stop and other things to dispose of, all released after each test, newest first (projectors stop before their database goes).
 */
export function perTestResources(backend: 'pglite' | 'postgres') {
  let disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const dispose of disposers.reverse()) await dispose();
    disposers = [];
  });
  return {
    async database(): Promise<SqlClient> {
      const { client, dispose } =
        backend === 'postgres' ? await migratedPostgres(10) : await migratedPglite();
      disposers.push(dispose);
      return client;
    },
    track(projector: RunningProjector): RunningProjector {
      disposers.push(() => projector.stop());
      return projector;
    },
    /** Runs `dispose` after the test, before what was set up earlier. */
    onDispose(dispose: () => Promise<void>): void {
      disposers.push(dispose);
    },
  };
}

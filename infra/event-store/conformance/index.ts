import { afterAll, beforeAll, describe } from 'vitest';
import type { EventStore } from '../../../ports/event-store.ts';
import type { SqlClient } from '../../sql/sql-client.ts';
import { appendSuite } from './append.suite.ts';
import type { ConformanceBackend } from './backend.ts';
import { concurrencySuite } from './concurrency.suite.ts';
import { outOfOrderSuite } from './out-of-order.suite.ts';
import { readSuite } from './read.suite.ts';
import { subscribeSuite } from './subscribe.suite.ts';
import { validationSuite } from './validation.suite.ts';

/** Registers the whole event store contract against one backend. */
export function eventStoreConformance(backend: ConformanceBackend): void {
  describe(`event store conformance: ${backend.name}`, () => {
    let store: EventStore | undefined;
    let sql: SqlClient | undefined;
    let dispose: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const opened = await backend.open();
      ({ store, sql } = opened);
      dispose = () => opened.dispose();
    });
    afterAll(async () => {
      await store?.close();
      await dispose?.();
    });
    const context = {
      store: () => {
        if (!store) throw new Error(`The ${backend.name} store did not open; see the beforeAll error above.`);
        return store;
      },
      sql: () => sql,
    };
    appendSuite(context);
    readSuite(context);
    concurrencySuite(context);
    subscribeSuite(context);
    validationSuite(context);
    if (backend.concurrentTransactions) outOfOrderSuite(context);
  });
}

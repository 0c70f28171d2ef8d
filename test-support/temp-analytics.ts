import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  openAnalyticsClient,
  type AnalyticsClient,
  type AnalyticsConfig,
} from '../infra/analytics/analytics-client.ts';

/**
 * chDB binds one data directory per process, so every test in a process shares one temporary
 * directory (made on first use) and each test gets a database of its own in it: tests never see
 * each other's rows, and vitest's separate worker processes each get their own directory.
 */
let processDir: string | null = null;

export interface TempAnalytics {
  config: AnalyticsConfig;
  analytics: AnalyticsClient;
  /** A second client on the same database with `readonly=1`. */
  openReadonly(): Promise<AnalyticsClient>;
  dispose(): Promise<void>;
}

/** A writable analytics client on chDB with a fresh database; `dispose` drops it and closes the clients. */
export async function tempAnalytics(): Promise<TempAnalytics> {
  processDir ??= mkdtempSync(join(tmpdir(), 'qm-chdb-'));
  const config: AnalyticsConfig = {
    database: `qm_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
    chdbPath: process.env.CLICKHOUSE_URL ? '' : processDir,
    ...(process.env.CLICKHOUSE_URL ? { url: process.env.CLICKHOUSE_URL } : {}),
  };
  const analytics = await openAnalyticsClient(config);
  const others: AnalyticsClient[] = [];
  return {
    config,
    analytics,
    async openReadonly() {
      const client = await openAnalyticsClient(config, { readonly: true });
      others.push(client);
      return client;
    },
    async dispose() {
      for (const client of others) await client.close();
      await analytics.client.command({ query: `DROP DATABASE IF EXISTS ${config.database} SYNC` });
      await analytics.close();
    },
  };
}

import { mkdirSync } from 'node:fs';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import type { Config } from '../config/config.ts';
import { dataRootPaths } from '../config/data-root.ts';

/** Where the analytics tables live: a ClickHouse server, or embedded chDB on disk. */
export interface AnalyticsConfig {
  /** ClickHouse HTTP endpoint; absent means embedded chDB at `chdbPath`. */
  url?: string;
  username?: string;
  password?: string;
  /** The database holding every analytics table; SQL names tables as `<database>.<table>`. */
  database: string;
  /** chDB's data directory (`':memory:'` for a throwaway one). Used only without `url`. */
  chdbPath: string;
  /** A ClickHouse cluster to replicate the tables across (CLICKHOUSE_CLUSTER); only with `url`. */
  cluster?: string;
}

/**
 * One `@clickhouse/client` for both deployments: the same SQL, the same calls. `database` is the
 * database the analytics tables are in; always qualify tables with it (`${database}.order_lines`),
 * because chDB's connection ignores the client's `database` option.
 */
export interface AnalyticsClient {
  readonly client: ClickHouseClient;
  readonly database: string;
  readonly backend: 'clickhouse' | 'chdb';
  readonly readonly: boolean;
  /** The cluster the tables are replicated across, if any (see `analyticsDdl`). */
  readonly cluster?: string;
  close(): Promise<void>;
}

export interface OpenAnalyticsOptions {
  /**
   * Enforce `readonly=1` in the engine: SELECT and friends only; INSERT, DDL, SET and table
   * functions that touch files are refused by ClickHouse itself. For analysts' ad-hoc SQL.
   */
  readonly?: boolean;
}

/** The analytics part of the environment: CLICKHOUSE_* or, without a URL, chDB inside QM_DATA_DIR. */
export function analyticsConfigFrom(config: Config): AnalyticsConfig {
  return {
    ...(config.CLICKHOUSE_URL ? { url: config.CLICKHOUSE_URL } : {}),
    ...(config.CLICKHOUSE_USER ? { username: config.CLICKHOUSE_USER } : {}),
    ...(config.CLICKHOUSE_PASSWORD !== undefined ? { password: config.CLICKHOUSE_PASSWORD } : {}),
    database: config.CLICKHOUSE_DATABASE,
    chdbPath: dataRootPaths(config).analytics,
    ...(config.CLICKHOUSE_URL && config.CLICKHOUSE_CLUSTER ? { cluster: config.CLICKHOUSE_CLUSTER } : {}),
  };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Opens the analytics store. With `url`, `@clickhouse/client` speaks HTTP to that server; without,
 * the same client runs on embedded chDB through `chdb/connection`, so every query and insert goes
 * through one code path in one SQL dialect.
 *
 * chDB binds one data directory per process: every client opened on the same `chdbPath` shares the
 * engine (each with its own session, so a read-only client never makes the writer read-only), and
 * opening a different path while one is open throws. Settings given to a chDB client are `SET` on
 * its session and stay, which is why `readonly` gets a client of its own rather than a per-query
 * setting on a shared one.
 *
 * A writable client creates `database` if missing; a read-only one expects it to exist.
 */
export async function openAnalyticsClient(
  config: AnalyticsConfig,
  options: OpenAnalyticsOptions = {},
): Promise<AnalyticsClient> {
  if (!IDENTIFIER.test(config.database)) {
    throw new Error(`analytics database name "${config.database}" must be a plain identifier`);
  }
  const readonly = options.readonly ?? false;
  // 64-bit integers come back in JSON as strings (exact past 2^53), as a server does by default and
  // chDB does not. On chDB these are `SET` on the session before each query; the same value again
  // is accepted even once `readonly` is on, and the order matters (readonly last).
  const settings = {
    clickhouse_settings: {
      output_format_json_quote_64bit_integers: 1 as const,
      ...(readonly ? { readonly: '1' as const } : {}),
    },
  };
  let client: ClickHouseClient;
  if (config.url) {
    client = createClient({
      url: config.url,
      ...(config.username ? { username: config.username } : {}),
      ...(config.password !== undefined ? { password: config.password } : {}),
      database: config.database,
      ...settings,
    });
  } else {
    if (config.chdbPath !== ':memory:') mkdirSync(config.chdbPath, { recursive: true });
    client = createClient({ connection: chdbConnection(config.chdbPath), ...settings });
  }
  try {
    if (!readonly) {
      const onCluster = config.url && config.cluster ? ` ON CLUSTER ${config.cluster}` : '';
      await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${config.database}${onCluster}` });
    }
    if (!config.url) {
      // Lets analysts write `FROM order_lines` on chDB as they can on the server (`database` above).
      await client.command({ query: `USE ${config.database}` });
    }
  } catch (error) {
    await client.close();
    if (readonly && isUnknownDatabase(error)) {
      throw new Error(
        `the analytics database "${config.database}" does not exist yet: start the analytics projector (qm serve) or run qm replay analytics`,
        { cause: error },
      );
    }
    throw error;
  }
  return {
    client,
    database: config.database,
    backend: config.url ? 'clickhouse' : 'chdb',
    readonly,
    ...(config.url && config.cluster ? { cluster: config.cluster } : {}),
    close: () => client.close(),
  };
}

/**
 * chdb types its connection against `@clickhouse/client-common` 1.23.0 while `@clickhouse/client`
 * 1.23.1 bundles its own copy of those types (its `ClickHouseSettings` gained members): the same
 * runtime contract, two nominally different declarations. Hence the one cast.
 */
function chdbConnection(path: string): ChdbAsClientConnection {
  try {
    return createChdbConnection({ path }) as unknown as ChdbAsClientConnection;
  } catch (error) {
    throw new AnalyticsStoreBusy(path, error);
  }
}

/**
 * chDB locks its directory for one process (`Cannot lock file .../status`): while `qm serve` or
 * `qm project` holds the embedded store, another process cannot open it.
 */
export class AnalyticsStoreBusy extends Error {
  override name = 'AnalyticsStoreBusy';
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(
      `cannot open the embedded analytics store at ${path}: chDB lets one process use a directory, and another ` +
        `(qm serve or qm project) may hold it. Stop that process, use the admin API (/admin/analytics/reports), ` +
        `or point CLICKHOUSE_URL at a ClickHouse server.`,
      { cause },
    );
  }
}
type ChdbAsClientConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>;

function isUnknownDatabase(error: unknown): boolean {
  return error instanceof Error && /UNKNOWN_DATABASE|Database .* does(n't| not) exist/i.test(error.message);
}

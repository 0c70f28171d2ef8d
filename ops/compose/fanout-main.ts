import { once } from 'node:events';
import { loadConfig } from '../../infra/config/config.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import { openDatabase } from './database.ts';
import { openEventStore } from './event-store.ts';
import { startFanout, type FanoutRole } from './fanout.ts';

/**
 * A standalone fan-out process: `tsx ops/compose/fanout-main.ts [publisher] [notifications]`
 * (both when none is named), configured from the environment like `qm serve`. Runs until SIGINT or
 * SIGTERM; a kill -9 is survived by design (checkpoint, durable consumer, leases).
 */
const known: readonly string[] = ['publisher', 'notifications'] satisfies FanoutRole[];
const roles = process.argv.slice(2);
const unknown = roles.filter((role) => !known.includes(role));
if (unknown.length > 0)
  throw new Error(`unknown role(s): ${unknown.join(', ')} (use publisher, notifications)`);
const config = loadConfig();
const log = createLogger(config.LOG_LEVEL, 'qm-fanout', { service: true });
const database = await openDatabase(config, log);
const store = await openEventStore(config, database);
const fanout = await startFanout({
  config,
  store,
  database,
  log,
  metrics: createMetricsRegistry(),
  ...(roles.length > 0 ? { roles: roles as FanoutRole[] } : {}),
});
await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
await fanout.stop();
await store.close();
await database.close();

/**
 * A scheduler process for the takeover test: the reminder scheduler on DATABASE_URL under the
 * scheduler lease, on the system clock. Prints `active` once it holds the lease; runs until killed.
 */
import { systemClock } from '../ports/clock.ts';
import { createSqlEventStore } from '../infra/event-store/sql/sql-event-store.ts';
import { createLogger } from '../infra/logging/logger.ts';
import { createPgClient } from '../infra/sql/pg-client.ts';
import { openPgSession } from '../infra/sql/pg-session.ts';
import { reminders } from './reminder-schedule.ts';
import { schedulerLease } from '../ops/compose/scheduler-lease.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const database = createPgClient({ connectionString: url, maxConnections: 4 });
const lease = schedulerLease(
  {
    database,
    openSession: () => openPgSession(url, 'qm-scheduler-crash-test'),
    log: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  },
  'reminders',
  { leaseMs: 2000, retryMs: 50, holder: 'child' },
);
const { scheduler } = reminders(createSqlEventStore(database)).scheduler({ clock: systemClock, lease });
await scheduler.start();
const announce = setInterval(() => {
  if (!scheduler.active) return;
  clearInterval(announce);
  process.stdout.write('active\n');
}, 20);

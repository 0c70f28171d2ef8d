import type { AppendResult, EventStore, NewEvent, Position } from '../../../ports/event-store.ts';
import { createSqlEventStore } from '../../../infra/event-store/sql/sql-event-store.ts';
import { newEventId } from '../../../infra/event-store/new-event-id.ts';
import { createLogger } from '../../../infra/logging/logger.ts';
import { createMetricsRegistry } from '../../../infra/metrics/registry.ts';
import type { SqlClient } from '../../../infra/sql/sql-client.ts';
import type { ProjectorDeps } from '../projector-runner.ts';

/** An event for runtime tests; `poison` marks one the test projection refuses. */
export function testEvent(
  type = 'ThingHappened',
  data: Record<string, string | number | boolean> = {},
): NewEvent {
  return {
    id: newEventId(),
    type,
    data,
    metadata: {
      actor: { id: 'test', role: 'system' },
      correlationId: newEventId(),
      causationId: null,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

/** Appends `count` events spread over `streams` streams of `category`. */
export async function appendSpread(
  store: EventStore,
  category: string,
  streams: number,
  count: number,
): Promise<Position> {
  const batches = new Map<string, NewEvent[]>();
  for (let i = 0; i < count; i++) {
    const stream = `${category}-${i % streams}`;
    batches.set(stream, [...(batches.get(stream) ?? []), testEvent('ThingHappened', { n: i })]);
  }
  let last: AppendResult | null = null;
  for (const [stream, events] of batches) {
    for (let i = 0; i < events.length; i += 50)
      last = await store.append(stream, events.slice(i, i + 50), 'any');
  }
  if (!last) throw new Error('appendSpread needs count > 0');
  return last.position;
}

/** Projector deps over a migrated database, with the SQL event store on it. */
export function projectorDeps(database: SqlClient, extra: Partial<ProjectorDeps> = {}): ProjectorDeps {
  return {
    store: createSqlEventStore(database, { pollIntervalMs: 10 }),
    database,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    metrics: createMetricsRegistry(),
    ...extra,
  };
}

/** The truth the test read model must equal: events per stream of a category, from the log. */
export async function countsFromLog(database: SqlClient, category: string): Promise<Record<string, number>> {
  const rows = await database.query<{ stream: string; n: string }>(
    `select stream, count(*)::text as n from qm_events where category = $1 and not (data ? 'poison') group by stream`,
    [category],
  );
  return Object.fromEntries(rows.map((row) => [row.stream, Number(row.n)]));
}

/** What the test read model holds, in the given schema. */
export async function countsInSchema(database: SqlClient, schema: string): Promise<Record<string, number>> {
  const rows = await database.query<{ stream: string; events: number }>(
    `select stream, events from "${schema}".stream_counts`,
  );
  return Object.fromEntries(rows.map((row) => [row.stream, Number(row.events)]));
}

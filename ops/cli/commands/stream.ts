import { Command, InvalidArgumentError } from 'commander';
import type { EventView } from '../../../projections/time-travel/event-view.ts';
import { parsePointInTime, type PointInTime } from '../../../projections/time-travel/point-in-time.ts';
import { stateAt, streamHistory } from '../../../projections/time-travel/time-travel.ts';
import type { openEventStore } from '../../compose/event-store.ts';
import { runWithContext } from '../run-with-context.ts';
import { runningServer, segment, ServerRefused, type RunningServer } from '../running-server.ts';

/** `qm stream show | at`: a stream's history, and its aggregate as it stood at a time or position. */
export function streamCommand(): Command {
  const command = new Command('stream').description(
    'Inspect an event stream: its events, or its aggregate at a past time (time travel)',
  );

  command
    .command('show')
    .description('List the events of <stream> with their metadata (e.g. stock-SKU1@berlin, order-<id>)')
    .argument('<stream>', 'stream name')
    .option('--from <revision>', 'first revision to list', wholeNumber, 0)
    .option('--limit <n>', 'how many events to list', wholeNumber, 100)
    .option('--json', 'print JSON instead of a table')
    .action((stream: string, options: { from: number; limit: number; json?: boolean }) =>
      withStore(async (read) => {
        const history = await read(
          (store) => streamHistory(store, stream, { fromRevision: options.from, limit: options.limit }),
          async (server) => {
            const query = `from=${options.from}&limit=${options.limit}`;
            const path = `/admin/streams/${segment(stream)}/events?${query}`;
            // The route answers 404 for a stream without events, where the store answers no revision.
            const answer = await server.request('read', 'GET', path).catch(notFoundAs(null));
            return answer ? ((await answer.json()) as StreamHistory) : { stream, revision: null, events: [] };
          },
        );
        if (options.json) return print(history);
        if (history.revision === null) return console.log(`${stream}: no events`);
        console.log(`${stream}: revisions 0..${history.revision}`);
        console.table(history.events.map(eventRow));
      }),
    );

  command
    .command('at')
    .description('Show the aggregate of <stream> as it stood at a time or global position')
    .argument('<stream>', 'stream name, e.g. stock-SKU1@berlin')
    .requiredOption(
      '--at <when>',
      'ISO time (2026-11-17T14:00:00Z), a friendly form in local time (now, "3 hours ago", "yesterday 14:00", "last tuesday 14:00") or a position token (1234:56)',
      pointInTime,
    )
    .option('--events <n>', 'how many of the events that led there to list', wholeNumber, 20)
    .option('--json', 'print JSON instead of text')
    .action((stream: string, options: { at: GivenPointInTime; events: number; json?: boolean }) =>
      withStore(async (read) => {
        const answer = await read(
          (store) => stateAt(store, stream, options.at.at, { eventLimit: options.events }),
          async (server) => {
            // The text as given: the server reads friendly forms in its time zone, the same machine's.
            const query = new URLSearchParams({ at: options.at.text, events: String(options.events) });
            const path = `/admin/streams/${segment(stream)}/at?${query.toString()}`;
            const response = await server.request('read', 'GET', path).catch(notFoundAs(null));
            return response ? ((await response.json()) as StateAt) : null;
          },
        );
        if (!answer) throw new Error(`${stream} has no events`);
        if (options.json) return print(answer);
        console.log(`${stream} (${answer.category}) at ${answer.at}`);
        console.log(
          answer.asOf
            ? `as of revision ${answer.asOf.revision}, position ${answer.asOf.position}, ${answer.asOf.occurredAt} (${answer.eventCount} events)`
            : 'no event yet at that point: the initial state',
        );
        console.log(JSON.stringify(answer.state, null, 2));
        if (answer.events.length > 0) {
          console.log(`the last ${answer.events.length} events that led there:`);
          console.table(answer.events.map(eventRow));
        }
        if (answer.changedBy.length > 0) {
          console.log('changed by:');
          console.table(
            answer.changedBy.map((c) => ({
              actor: `${c.actor.role}:${c.actor.id}`,
              events: c.events,
              last: c.lastAt,
            })),
          );
        }
      }),
    );
  return command;
}

type Store = Awaited<ReturnType<typeof openEventStore>>;
type StreamHistory = Awaited<ReturnType<typeof streamHistory>>;
type StateAt = NonNullable<Awaited<ReturnType<typeof stateAt>>>;

/** Reads from the event store opened here, or through the embedded server that owns the data root. */
type Read = <T>(
  local: (store: Store) => Promise<T>,
  remote: (server: RunningServer) => Promise<T>,
) => Promise<T>;

async function withStore(work: (read: Read) => Promise<void>) {
  await runWithContext(async ({ config, log }) => {
    const server = runningServer(config);
    if (server) return work((_local, remote) => remote(server));
    // Loaded only here: a read sent to the server needs no PGlite.
    const { openDatabase } = await import('../../compose/database.ts');
    const { openEventStore } = await import('../../compose/event-store.ts');
    const database = await openDatabase(config, log);
    const store = await openEventStore(config, database);
    try {
      await work((local) => local(store));
    } finally {
      await store.close();
      await database.close();
    }
  });
}

/** The running server's 404 means "no events": answer `value`, as the store does; rethrow the rest. */
const notFoundAs =
  <T>(value: T) =>
  (error: unknown): T => {
    if (error instanceof ServerRefused && error.status === 404) return value;
    throw error;
  };

function eventRow(event: EventView) {
  const data = JSON.stringify(event.data);
  return {
    revision: event.revision,
    position: event.position,
    type: event.type,
    occurredAt: event.occurredAt,
    actor: `${event.actor.role}:${event.actor.id}`,
    correlation: event.correlationId,
    data: data.length > 80 ? `${data.slice(0, 77)}...` : data,
  };
}

const print = (value: unknown) =>
  console.log(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2));

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

/** The parsed point (for a local read) and the text as given (for the server to parse). */
interface GivenPointInTime {
  at: PointInTime;
  text: string;
}

function pointInTime(value: string): GivenPointInTime {
  const at = parsePointInTime(value, new Date());
  if (!at) {
    throw new InvalidArgumentError(
      'expected an ISO time, a position like 1234:56, or now / "3 hours ago" / "yesterday 14:00" / "last tuesday 14:00"',
    );
  }
  return { at, text: value };
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Appended } from '../append-signal.ts';
import type { SqlClient } from '../../sql/sql-client.ts';

/** Tells other processes of this process's appends, and this process of theirs. */
export interface AppendNotifications {
  /** An append committed here: tell the others (batched, at most one NOTIFY per turn of the loop). */
  publish(appended: readonly Appended[]): void;
  /** `onAppended` hears of every other process's appends, from now on. */
  listen(onAppended: (appended: readonly Appended[]) => void): void;
  close(): Promise<void>;
}

const CHANNEL = 'qm_appended';
/** NOTIFY payloads must stay under 8,000 bytes; past that, the notification says "anything". */
const MAX_PAYLOAD = 7_000;
/** What a notification too long to list wakes: every waiter (see append-signal.ts). */
const ANYTHING: Appended = { stream: '*', type: '*' };

/**
 * Append notifications between processes on PostgreSQL, with LISTEN/NOTIFY. A projector, the log
 * tail or a subscription caught up with the log waits for the next append or its poll interval;
 * an append in the same process ends that wait at once, one in another process (`qm serve` writing,
 * `qm project` or `qm work` projecting) only at the next poll. With this, each process NOTIFYs
 * after its appends, and the others wake as for their own.
 *
 * The NOTIFY is sent after the append's commit, on its own, never inside the append's
 * transaction: a notifying transaction takes a database-wide lock at commit, which would queue
 * every append behind every other. Notifications of one turn of the event loop go out as one
 * (the categories and types appended, so filtered waiters wake only for what they follow). A lost
 * notification (the listener reconnecting) costs one poll interval of lag, nothing else: the poll
 * still runs.
 *
 * While appends keep coming, at most one NOTIFY goes out per `minIntervalMs` (default 20): the
 * first append after a quiet spell is announced at once, the ones after it together at the end of
 * the interval. A storefront's cart requests each append on their own, so a NOTIFY per turn of
 * the loop was a round trip for a third of them, while the readers it wakes poll every 10 ms
 * under load anyway (`projections/runtime/log-tail.ts`).
 */
export function pgAppendNotifications(options: {
  client: SqlClient;
  connectionString: string;
  onError?: (error: unknown) => void;
  /** Shortest time between two NOTIFYs from this process (default 20 ms; 0: one per turn). */
  minIntervalMs?: number;
}): AppendNotifications {
  const me = randomBytes(6).toString('hex');
  const pending = new Set<string>();
  let scheduled = false;
  let closed = false;
  let listener: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const onError = options.onError ?? (() => undefined);
  const minIntervalMs = options.minIntervalMs ?? 20;
  let lastFlush = -Infinity;

  const flush = () => {
    scheduled = false;
    if (closed) return;
    lastFlush = performance.now();
    const lines = [...pending];
    pending.clear();
    let payload = [me, ...lines].join('\n');
    if (payload.length > MAX_PAYLOAD) payload = `${me}\n*`;
    options.client.query('select pg_notify($1, $2)', [CHANNEL, payload]).catch(onError);
  };

  const parse = (payload: string): Appended[] | null => {
    const [from, ...lines] = payload.split('\n');
    if (from === me) return null;
    if (lines[0] === '*') return [ANYTHING];
    // `category-` as the stream: the waiters' filters match on the category and the type.
    return lines.map((line) => {
      const [category, type] = line.split('\t');
      return { stream: `${category}-`, type: type ?? '' };
    });
  };

  return {
    publish(appended) {
      if (closed) return;
      for (const { stream, type } of appended) pending.add(`${stream.split('-', 1)[0]}\t${type}`);
      if (!scheduled) {
        scheduled = true;
        const wait = lastFlush + minIntervalMs - performance.now();
        if (wait > 0) setTimeout(flush, wait).unref();
        else setImmediate(flush);
      }
    },
    listen(onAppended) {
      const connect = async () => {
        if (closed) return;
        const client = new pg.Client({
          connectionString: options.connectionString,
          application_name: 'quartermaster-listen',
        });
        const again = () => {
          if (listener !== client) return;
          listener = undefined;
          void client.end().catch(() => undefined);
          if (!closed) retry = setTimeout(() => void connect(), 1_000);
        };
        client.on('error', (error) => {
          onError(error);
          again();
        });
        client.on('end', again);
        client.on('notification', (message) => {
          const appended = message.payload ? parse(message.payload) : [ANYTHING];
          if (appended) onAppended(appended);
        });
        listener = client;
        try {
          await client.connect();
          await client.query(`listen ${CHANNEL}`);
        } catch (error) {
          onError(error);
          again();
        }
      };
      void connect();
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}

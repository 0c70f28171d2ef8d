/**
 * The read benchmark's writer, run as a second process (`forkShopWriter`) so that the shops' command
 * handling never shares an event loop with the projectors it measures. It writes seeded mixed shop
 * workloads (`mixedWorkload`, one namespace per shop) through the real command handlers into the
 * database the parent created, and answers the parent's requests over IPC:
 *
 * - `open`: every shop opens (locations, products, first stock);
 * - `paced`: the shops write at `rate` events/s for `warmUpSeconds` and then `seconds` more,
 *   reporting each append: its position, its acknowledgement time (`performance.timeOrigin +
 *   now()`, comparable across processes) and whether it came in the warm-up;
 * - `fill`: the shops write flat out until the log holds `target` events, reporting progress.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parsePositionToken, positionToToken, type Position } from '../../ports/position.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import { mixedWorkload, type MixedWorkload } from '../../test-support/mixed-workload.ts';
import { commandHarness } from '../../test-support/command-harness.ts';

export type WriterRequest =
  | { type: 'open' }
  | { type: 'paced'; rate: number; seconds: number; warmUpSeconds?: number }
  | { type: 'fill'; target: number }
  | { type: 'close' };

type WriterMessage =
  | { type: 'appended'; position: string; at: number; warmUp: boolean }
  | { type: 'progress'; events: number }
  | { type: 'done'; eventsPerSecond?: number }
  | { type: 'failed'; error: string };

/** Wall-clock milliseconds with sub-millisecond precision, the same scale in every process. */
export const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export interface ShopWriterOptions {
  /** The migrated PostgreSQL database to write to. */
  url: string;
  /** Shops written side by side, each with ids of its own. */
  shops: number;
  /** Shop `i` draws from seed `seed + i`. */
  seed: number;
}

export interface ShopWriter {
  /** Sends a request; resolves when the writer is done with it (with the rate `paced` reached after its warm-up). */
  request(
    request: WriterRequest,
    on?: {
      appended?: (position: Position, at: number, warmUp: boolean) => void;
      progress?: (events: number) => void;
    },
  ): Promise<{ eventsPerSecond?: number }>;
  close(): Promise<void>;
}

/** Starts the writer process on the migrated PostgreSQL database at `url`. */
export function forkShopWriter(options: ShopWriterOptions): ShopWriter {
  const child: ChildProcess = fork(
    join(import.meta.dirname, 'shop-writer-process.ts'),
    [JSON.stringify(options)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  let exited = false;
  child.once('exit', () => void (exited = true));
  return {
    request(request, on = {}) {
      return new Promise((resolve, reject) => {
        const listen = (message: WriterMessage) => {
          if (message.type === 'appended')
            on.appended?.(parsePositionToken(message.position)!, message.at, message.warmUp);
          else if (message.type === 'progress') on.progress?.(message.events);
          else {
            child.off('message', listen);
            child.off('exit', died);
            if (message.type === 'failed') reject(new Error(`shop writer: ${message.error}`));
            else resolve(message);
          }
        };
        const died = (code: number | null) =>
          reject(new Error(`shop writer exited (${code}) during ${request.type}`));
        child.on('message', listen);
        child.once('exit', died);
        child.send(request);
      });
    },
    async close() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' } satisfies WriterRequest);
      await gone;
    },
  };
}

/** The child's side (bench/lib/shop-writer-process.ts): the shops on their own connection pool. */
export async function serveShopWriter(options: ShopWriterOptions): Promise<void> {
  const client = createPgClient({ connectionString: options.url, maxConnections: 40 });
  // As `qm serve` in server mode: its appends wake the projecting process's readers (NOTIFY).
  const h = await commandHarness('postgres', {
    database: { client, dispose: () => client.close() },
    notifyAcrossProcesses: options.url,
  });
  const send = (message: WriterMessage) => process.send!(message);
  let appended = 0;
  let reportAppends = false;
  let warmingUp = false;
  const shops: MixedWorkload[] = Array.from({ length: options.shops }, (_, i) =>
    mixedWorkload(h, options.seed + i, {
      namespace: `s${i}`,
      onAppended({ events, position }) {
        appended += events;
        if (reportAppends) {
          send({ type: 'appended', position: positionToToken(position), at: now(), warmUp: warmingUp });
        }
      },
    }),
  );
  const count = async () => {
    const [row] = await h.sql.query<{ n: string }>('select count(*)::text as n from qm_events');
    return Number(row!.n);
  };
  const handle = async (request: WriterRequest): Promise<WriterMessage> => {
    switch (request.type) {
      case 'open':
        await Promise.all(shops.map((shop) => shop.run(0)));
        return { type: 'done' };
      case 'paced': {
        // Each shop takes its next step once the total is back on schedule: the sum holds the rate.
        // The measured seconds follow the warm-up without a pause (a new request would start with
        // every shop stepping at once, a burst the warm-up is there to leave behind), on a schedule
        // of their own: a warm-up that fell behind is not caught up in a burst either.
        const started = performance.now();
        const measuredFrom = started + (request.warmUpSeconds ?? 0) * 1000;
        const deadline = measuredFrom + request.seconds * 1000;
        let schedule = { appended, at: started };
        // Appends are reported from the start, so that the parent's handling of the reports is part
        // of the warm-up too and the measured seconds begin in the steady state, not with a step.
        reportAppends = true;
        warmingUp = true;
        const warmUp = setTimeout(
          () => {
            warmingUp = false;
            schedule = { appended, at: performance.now() };
          },
          Math.max(0, measuredFrom - started),
        );
        await Promise.all(
          shops.map(async (shop) => {
            while (performance.now() < deadline) {
              const due = schedule.at + ((appended - schedule.appended) / request.rate) * 1000;
              await sleep(due - performance.now());
              await shop.run(1);
            }
          }),
        );
        clearTimeout(warmUp);
        reportAppends = false;
        const seconds = (performance.now() - schedule.at) / 1000;
        return { type: 'done', eventsPerSecond: (appended - schedule.appended) / seconds };
      }
      case 'fill':
        for (let events = await count(); events < request.target; events = await count()) {
          await Promise.all(shops.map((shop) => shop.run(20)));
          send({ type: 'progress', events });
        }
        return { type: 'done' };
      case 'close':
        await h.dispose();
        process.exit(0);
    }
  };
  // The bench died without asking it to close: nothing is left to write for.
  process.once('disconnect', () => process.exit(1));
  process.on('message', (request: WriterRequest) => {
    handle(request).then(send, (error: unknown) =>
      send({
        type: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    );
  });
}

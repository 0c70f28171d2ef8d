import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** The longest a service's log line waits in the buffer before it is written. */
const LOG_FLUSH_MS = 100;
/** How many bytes of a service's log lines are gathered into one write. */
const LOG_BATCH_BYTES = 4096;

/**
 * Structured JSON logs (pino). On a terminal they are pretty-printed for people; piped or in CI
 * they stay one JSON object per line for machines.
 */
export function createLogger(
  level: string,
  name = 'quartermaster',
  /** A long-running service: lines are written in batches (see below). A command writes each at once. */
  options: { service?: boolean } = {},
): Logger {
  const pretty = process.stdout.isTTY && !process.env.CI;
  if (pretty) {
    return pino({
      name,
      level,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  // Written asynchronously: a request log line per request written synchronously to a pipe made
  // every answer wait for the write. A service gathers lines up to 4 KB, or a tenth of a second,
  // per write: one write a line cost the API process 2% of its CPU in the checkout bench (a flow's
  // eight requests log eight lines). pino flushes what is pending when the process exits; a
  // service killed outright loses at most that tenth of a second of lines. A command keeps its
  // lines in order with what it prints itself.
  const batched = options.service ? { minLength: LOG_BATCH_BYTES, periodicFlush: LOG_FLUSH_MS } : {};
  return pino({ name, level }, pino.destination({ dest: 1, sync: false, ...batched }));
}

import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs (pino). On a terminal they are pretty-printed for people; piped or in CI
 * they stay one JSON object per line for machines.
 */
export function createLogger(level: string, name = 'quartermaster'): Logger {
  const pretty = process.stdout.isTTY && !process.env.CI;
  if (pretty) {
    return pino({
      name,
      level,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  // Written asynchronously: a request log line per request written synchronously to a pipe made
  // every answer wait for the write. pino flushes what is pending when the process exits.
  return pino({ name, level }, pino.destination({ dest: 1, sync: false }));
}

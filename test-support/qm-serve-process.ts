import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** A port nothing listens on right now (the OS picks it; it is closed again before it is returned). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** `qm serve` as a child process, with its output kept for assertions. */
export interface QmServe {
  child: ChildProcess;
  /** stdout and stderr so far (JSON log lines and the CLI's error line). */
  output(): string;
  /** Resolves with the exit code (the signal's name if killed); rejects after `timeoutMs`. */
  exited(timeoutMs: number): Promise<number | string>;
  /** Resolves once both ports serve; rejects if the process exits first or after `timeoutMs`. */
  serving(timeoutMs: number): Promise<void>;
}

/** Services the test runner may know of; a spawned server uses only those the test passes on. */
const serviceVariables = [
  'DATABASE_URL',
  'EVENTSTORE_URL',
  'NATS_URL',
  'REDIS_URL',
  'CLICKHOUSE_URL',
  'SMTP_URL',
];

/**
 * `QM_RATE_LIMITS` for a server under a test's load from one address and a few tokens: budgets it
 * never reaches, so the test sees what it is about (shutdown, kills), not 429s.
 */
export const UNLIMITED_BUDGETS = 'read.ip=100000000/60,write.ip=100000000/60,write.account=100000000/60';

export function spawnQmServe(env: Record<string, string>, args: readonly string[] = []): QmServe {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !serviceVariables.includes(name)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'ops/cli/main.ts', 'serve', ...args], {
    cwd: root,
    env: { ...inherited, LOG_LEVEL: 'info', CI: '1', QM_RATE_LIMITS: UNLIMITED_BUDGETS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const within = <T>(promise: Promise<T>, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`qm serve: no ${what} within ${timeoutMs} ms. Output:\n${output}`)),
        timeoutMs,
      );
      promise.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  return {
    child,
    output: () => output,
    exited: (timeoutMs) => within(exit, timeoutMs, 'exit'),
    serving: (timeoutMs) =>
      within(
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (output.includes('quartermaster is serving')) resolve();
          };
          child.stdout.on('data', check);
          check();
          void exit.then((code) =>
            reject(new Error(`qm serve exited (${code}) before serving. Output:\n${output}`)),
          );
        }),
        timeoutMs,
        'start',
      ),
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
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

/** A `qm` command (`serve`, `project`, `work`) as a child process, with its output kept for assertions. */
export interface QmProcess {
  child: ChildProcess;
  /** stdout and stderr so far (JSON log lines and the CLI's error line). */
  output(): string;
  /** Resolves with the exit code (the signal's name if killed); rejects after `timeoutMs`. */
  exited(timeoutMs: number): Promise<number | string>;
  /** Resolves once the output holds `text`; rejects if the process exits first or after `timeoutMs`. */
  logged(text: string, timeoutMs: number): Promise<void>;
}

/** `qm serve` as a child process. */
export interface QmServe extends QmProcess {
  /** Resolves once both ports serve; rejects if the process exits first or after `timeoutMs`. */
  serving(timeoutMs: number): Promise<void>;
}

/**
 * Rate-limit budgets for a test that loads a server from one address and one account: the limiter
 * stays on, but a burst of a test's orders is not an attack. Tests of the limits set their own.
 */
export const LOAD_TEST_RATE_LIMITS = 'write.ip=1000000/60,write.account=1000000/60,read.ip=1000000/60';

/** Services the test runner may know of; a spawned server uses only those the test passes on. */
const serviceVariables = [
  'DATABASE_URL',
  'EVENTSTORE_URL',
  'NATS_URL',
  'REDIS_URL',
  'CLICKHOUSE_URL',
  'SMTP_URL',
];

/** Where a spawned `qm` writes its output. */
export interface SpawnOptions {
  /**
   * A file that takes stdout and stderr, instead of pipes this process reads. For a benchmark: a
   * pipe made the benchmark read every request's log line on the two cores it measures.
   */
  logFile?: string;
}

/** `nodeArgs` go to node itself (e.g. `--cpu-prof`, which NODE_OPTIONS may not carry). */
export function spawnQmServe(
  env: Record<string, string>,
  args: readonly string[] = [],
  nodeArgs: readonly string[] = [],
  options: SpawnOptions = {},
): QmServe {
  const qm = spawnQm('serve', env, args, nodeArgs, options);
  return { ...qm, serving: (timeoutMs) => qm.logged('quartermaster is serving', timeoutMs) };
}

/** `qm <command> ...args` with the test's environment: only the services `env` names. */
export function spawnQm(
  command: string,
  env: Record<string, string>,
  args: readonly string[] = [],
  nodeArgs: readonly string[] = [],
  options: SpawnOptions = {},
): QmProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !serviceVariables.includes(name)),
  );
  const { logFile } = options;
  const file = logFile === undefined ? undefined : openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', 'ops/cli/main.ts', command, ...args],
    {
      cwd: root,
      env: { ...inherited, LOG_LEVEL: 'info', CI: '1', QM_RATE_LIMITS: LOAD_TEST_RATE_LIMITS, ...env },
      stdio: file === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', file, file],
    },
  );
  if (file !== undefined) closeSync(file); // the child holds its own copy
  let piped = '';
  child.stdout?.on('data', (chunk: Buffer) => (piped += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (piped += chunk.toString()));
  const output = () => (logFile === undefined ? piped : readFileSync(logFile, 'utf8'));
  const exit = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const within = <T>(promise: Promise<T>, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`qm ${command}: no ${what} within ${timeoutMs} ms. Output:\n${output()}`)),
        timeoutMs,
      );
      promise.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  return {
    child,
    output,
    exited: (timeoutMs) => within(exit, timeoutMs, 'exit'),
    logged: (text, timeoutMs) =>
      within(
        new Promise<void>((resolve, reject) => {
          // Detached once found: left on, it searched the whole output again at every chunk, which
          // made V8 copy the ever longer string each time (a long-running process's logs made that
          // a core's tenth in the benchmarks). A log file is read again every 100 ms until then.
          const poll = logFile === undefined ? undefined : setInterval(() => check(), 100).unref();
          const check = () => {
            if (!output().includes(text)) return;
            child.stdout?.off('data', check);
            child.stderr?.off('data', check);
            clearInterval(poll);
            resolve();
          };
          child.stdout?.on('data', check);
          child.stderr?.on('data', check);
          check();
          void exit.then((code) => {
            clearInterval(poll);
            reject(
              new Error(`qm ${command} exited (${code}) before logging "${text}". Output:\n${output()}`),
            );
          });
        }),
        timeoutMs,
        `"${text}"`,
      ),
  };
}

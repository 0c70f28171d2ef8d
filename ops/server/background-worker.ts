import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Logger } from '../../infra/logging/logger.ts';

/** What `qm work` tells the `qm serve` that started it. */
export type WorkerMessage =
  | { type: 'ready' }
  /** A batch it projected changed what these cache tags cover. */
  | { type: 'invalidate'; projection: string; tags: readonly string[] };

export interface BackgroundWorker {
  /** Resolves once the first worker reported ready (rejects if it died before). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export interface BackgroundWorkerOptions {
  log: Logger;
  /** Arguments after `qm work`. */
  args: readonly string[];
  onInvalidate(tags: readonly string[]): Promise<unknown>;
  /** How long the worker may take to stop before it is killed. Default 20 s. */
  stopTimeoutMs?: number;
}

const RESTART_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Starts `qm work` as a child process of this one (same Node, same loader flags, same environment)
 * and keeps it running: a worker that dies is started again after a growing delay, reset once one
 * has run for a minute. The projector leases keep a second instance from projecting while the
 * first is still going away. Stopping sends SIGTERM and waits for the worker to close its work.
 */
export function superviseBackgroundWorker(options: BackgroundWorkerOptions): BackgroundWorker {
  const log = options.log.child({ component: 'background-worker' });
  let child: ChildProcess | undefined;
  let stopping = false;
  let failures = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let markReady!: () => void;
  let failReady!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  let readyOnce = false;

  function start(): void {
    const startedAt = Date.now();
    // process.argv[1] is this CLI's entry (main.ts under tsx, main.js when built); execArgv carries
    // the loader flags it runs with.
    const worker = fork(process.argv[1]!, ['work', ...options.args], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Its own process group: a Ctrl+C in the terminal reaches the parent, which stops it in order
      // (after draining the APIs); should the parent die, the closed IPC channel stops it.
      detached: true,
    });
    child = worker;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        log.info({ pid: worker.pid }, 'background worker ready');
        if (!readyOnce) {
          readyOnce = true;
          markReady();
        }
      } else if (message.type === 'invalidate') {
        options
          .onInvalidate(message.tags)
          .catch((error: unknown) =>
            log.warn({ err: error, projection: message.projection }, 'could not invalidate the read cache'),
          );
      }
    });
    worker.once('exit', (code, signal) => {
      if (child === worker) child = undefined;
      if (stopping) return;
      if (!readyOnce) {
        failReady(new Error(`qm work exited (${code ?? signal}) before it was ready; see its log above`));
        return;
      }
      failures = Date.now() - startedAt > 60_000 ? 1 : failures + 1;
      const delay = RESTART_DELAYS_MS[Math.min(failures - 1, RESTART_DELAYS_MS.length - 1)]!;
      log.error({ code, signal, restartInMs: delay }, 'background worker died; starting it again');
      restartTimer = setTimeout(start, delay);
    });
  }

  start();
  return {
    ready,
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const worker = child;
      if (!worker || worker.exitCode !== null || worker.signalCode !== null) return;
      const exited = once(worker, 'exit');
      worker.kill('SIGTERM');
      const timer = setTimeout(() => {
        log.warn('background worker did not stop in time; killing it');
        worker.kill('SIGKILL');
      }, options.stopTimeoutMs ?? 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

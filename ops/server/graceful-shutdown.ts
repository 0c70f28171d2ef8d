import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from '../../infra/logging/logger.ts';

/**
 * Counts a server's requests in flight so a shutdown can wait for them, and, once draining, asks
 * every client to close its keep-alive connection after its answer (`Connection: close`): a request
 * that already reached us is answered by an open store, and the next one goes elsewhere or waits
 * for a restart instead of meeting a closed store (500 "PGlite is closed").
 */
export interface DrainableServer {
  server: Server;
  /** Requests received and not yet answered. */
  readonly inFlight: number;
  /** From now on, every answer closes its connection. */
  startDraining(): void;
}

export function drainable(server: Server): DrainableServer {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    inFlight.add(response);
    if (draining) response.shouldKeepAlive = false;
    response.once('close', () => inFlight.delete(response));
  });
  return {
    server,
    get inFlight() {
      return inFlight.size;
    },
    startDraining() {
      draining = true;
      // Answers still being worked on close their connection too, once sent.
      for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    },
  };
}

/**
 * How long a shutdown waits for requests in flight before it closes their connections. A request
 * takes milliseconds; the bound leaves the stores time to close within the 10 s a container
 * runtime gives before SIGKILL (Docker's default stop grace period).
 */
export const DEFAULT_DRAIN_TIMEOUT_MS = 5_000;

/**
 * Stops accepting connections on every server, then waits (at most `timeoutMs`) until the requests
 * in flight are answered, and only then resolves: the caller closes the stores after it. Idle
 * keep-alive connections are closed at once; a request still running at the deadline loses its
 * connection (logged with the count), which a client sees as a network error, never a 5xx.
 */
export async function drainServers(
  servers: readonly DrainableServer[],
  log: Logger,
  timeoutMs = DEFAULT_DRAIN_TIMEOUT_MS,
): Promise<void> {
  const started = Date.now();
  const inFlight = () => servers.reduce((sum, s) => sum + s.inFlight, 0);
  log.info({ inFlight: inFlight(), timeoutMs }, 'draining: no new connections, finishing requests in flight');
  const closed = servers.map(
    (s) =>
      new Promise<void>((resolve) => {
        s.startDraining();
        s.server.close(() => resolve());
        s.server.closeIdleConnections();
      }),
  );
  const deadline = started + timeoutMs;
  while (inFlight() > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A keep-alive connection whose last answer just went out is idle now: close it too.
    for (const s of servers) s.server.closeIdleConnections();
  }
  const abandoned = inFlight();
  if (abandoned > 0) {
    log.warn(
      { abandoned, timeoutMs },
      'draining timed out: closing connections of requests still running (raise the bound if this recurs)',
    );
  }
  for (const s of servers) s.server.closeAllConnections();
  await Promise.all(closed);
  log.info({ ms: Date.now() - started, abandoned }, 'drained: no connection left');
}

/** Resolves on the first SIGINT or SIGTERM; a second one ends the process at once (exit code 130). */
export async function firstStopSignal(log: Logger): Promise<NodeJS.Signals> {
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const force = (again: NodeJS.Signals) => {
    log.warn({ signal: again }, 'second stop signal: exiting without finishing the shutdown');
    process.exit(130);
  };
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  return signal;
}

/**
 * The shutdown of a serving process, in the order that loses nothing: stop accepting and finish
 * the requests in flight, then `close` the rest (projectors stop at a batch boundary before the
 * stores close: see `openSystem`). A shutdown that hangs past `drainTimeoutMs` plus `closeTimeoutMs`
 * ends the process with exit code 1, so a supervisor can restart it.
 */
export async function shutDown(options: {
  servers: readonly DrainableServer[];
  close: () => Promise<void>;
  log: Logger;
  drainTimeoutMs?: number;
  closeTimeoutMs?: number;
}): Promise<void> {
  const { servers, close, log } = options;
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  const closeTimeoutMs = options.closeTimeoutMs ?? 20_000;
  const watchdog = setTimeout(() => {
    log.error(
      { afterMs: drainTimeoutMs + closeTimeoutMs },
      'shutdown did not finish in time: exiting; the next start resumes from the checkpoints',
    );
    process.exit(1);
  }, drainTimeoutMs + closeTimeoutMs);
  watchdog.unref();
  try {
    await drainServers(servers, log, drainTimeoutMs);
    await close();
  } finally {
    clearTimeout(watchdog);
  }
}

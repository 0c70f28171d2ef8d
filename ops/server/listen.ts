import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Server } from 'node:http';
import { drainable, type DrainableServer } from './graceful-shutdown.ts';

/** Where a port listens, what it serves and the variable that moves it: named in the error a user sees. */
export interface Endpoint {
  hostname: string;
  port: number;
  /** e.g. `the command API`. */
  what: string;
  /** The environment variable that sets this port, e.g. `PORT`. */
  variable: string;
  /**
   * How long a client may take to send its headers (`QM_HEADERS_TIMEOUT_MS`; Node's default 60 s).
   * A slow-headers client (slowloris) is answered 408 problem+json and disconnected after it.
   */
  headersTimeoutMs?: number;
}

/** A bound port: it answers 503 (starting) until `serve` gives it its app. */
export type BoundServer = DrainableServer & { serve(app: Hono): void };

/** A port that could not be bound, with what to do about it. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
  constructor(
    readonly endpoint: Endpoint,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(listenMessage(endpoint, code, cause), { cause });
  }
}

function listenMessage(
  { hostname, port, what, variable }: Endpoint,
  code: string | undefined,
  cause: unknown,
) {
  const where = `${hostname}:${port}`;
  switch (code) {
    case 'EADDRINUSE':
      return (
        `port ${port} is already in use (${what} would listen on ${where}). Stop the process that ` +
        `holds it (\`ss -ltnp 'sport = :${port}'\` or \`lsof -i :${port}\` shows it), or set ` +
        `${variable} to a free port.`
      );
    case 'EACCES':
      return (
        `no permission to listen on ${where} (${what}): ports below 1024 need privileges. ` +
        `Set ${variable} to a port above 1023.`
      );
    case 'EADDRNOTAVAIL':
      return `${hostname} is not an address of this machine (${what} on port ${port}): set HOST to one that is, e.g. 127.0.0.1.`;
    default:
      return `could not listen on ${where} (${what}): ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}

/** Until the system is open, a request is told to come back shortly rather than left waiting. */
const starting = () =>
  new Response(
    JSON.stringify({
      type: 'urn:quartermaster:problem:starting',
      title: 'Starting',
      status: 503,
      detail: 'Quartermaster is starting: retry in a moment.',
    }),
    { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '1' } },
  );

/**
 * Binds the endpoint's port, resolving once it is bound. A port that cannot be bound rejects with a
 * `ListenError` naming the port and the way out, instead of an `error` event that nothing handles
 * while the rest of the process keeps it alive.
 */
export function listen(endpoint: Endpoint): Promise<BoundServer> {
  let fetch: (request: Request) => Response | Promise<Response> = starting;
  const server = createAdaptorServer({
    fetch: (request: Request) => fetch(request),
    hostname: endpoint.hostname,
    ...(endpoint.headersTimeoutMs
      ? {
          serverOptions: {
            headersTimeout: endpoint.headersTimeoutMs,
            // Node checks the timeouts on this interval (default 30 s): check often enough to honour them.
            connectionsCheckingInterval: Math.min(1_000, endpoint.headersTimeoutMs),
          },
        }
      : {}),
  }) as Server;
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(new ListenError(endpoint, error.code, error));
    };
    const onListening = () => {
      server.off('error', onError);
      const tracked = drainable(server);
      resolve(Object.assign(tracked, { serve: (app: Hono) => void (fetch = app.fetch) }));
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(endpoint.port, endpoint.hostname);
  });
}

/**
 * Binds every endpoint, or none: if one port cannot be bound, those already bound are closed again
 * before the `ListenError` is thrown. Binding comes first in `qm serve`, so a port in use is
 * reported at once, before any store is opened.
 */
export async function listenAll(endpoints: readonly Endpoint[]): Promise<BoundServer[]> {
  const servers: BoundServer[] = [];
  try {
    for (const endpoint of endpoints) servers.push(await listen(endpoint));
    return servers;
  } catch (error) {
    await closeServers(servers);
    throw error;
  }
}

/** Closes servers that never served (a start-up that failed after binding). */
export async function closeServers(servers: readonly BoundServer[]): Promise<void> {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.server.close(() => resolve());
          s.server.closeAllConnections();
        }),
    ),
  );
}

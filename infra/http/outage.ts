/**
 * Whether an error means a backing service (PostgreSQL, Redis, NATS) could not serve the request
 * right now, as opposed to a bug: the database refused a connection because every slot is taken
 * (53300), is starting or shutting down (57P0x), a connection broke (class 08), or a socket could
 * not be opened at all. Such a request can be retried unchanged, so it is answered 503 with
 * Retry-After instead of 500: clients and load balancers back off and try again.
 */
export function isOutage(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (typeof cause !== 'object') return false;
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (outageCodes.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && outageMessages.some((pattern) => pattern.test(message))) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

const outageCodes = new Set([
  // PostgreSQL: too_many_connections, admin/crash shutdown, cannot_connect_now.
  '53300',
  '57P01',
  '57P02',
  '57P03',
  // Node sockets (pg, ioredis, nats).
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  // nats.js: no server, connection closed or draining.
  'CONNECTION_REFUSED',
  'CONNECTION_CLOSED',
  'CONNECTION_DRAINING',
]);

const outageMessages = [
  // pg-pool's own wording when no connection comes within connectionTimeoutMillis.
  /timeout exceeded when trying to connect/i,
  /Connection terminated (unexpectedly|due to connection timeout)/i,
  // ioredis with its offline queue off.
  /Stream isn't writeable/i,
];

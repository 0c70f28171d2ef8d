import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

/** The address a request counts against when it did not come through a socket (`app.request` in tests). */
export const NO_SOCKET_ADDRESS = '0.0.0.0';

/**
 * The client's address. With no trusted proxy it is the socket's peer: `X-Forwarded-For` is then
 * ignored, since any client can write it and would pick its own rate-limit key. Behind `hops`
 * proxies that each append the address they saw, the client is the entry `hops` places from the
 * right; entries further left were written by the client and are not trusted.
 */
export function clientIpResolver(trustedProxyHops: number): (c: Context) => string {
  return (c) => {
    const peer = socketAddress(c);
    if (trustedProxyHops === 0) return peer;
    const forwarded = c.req.header('x-forwarded-for');
    if (!forwarded) return peer;
    const chain = forwarded.split(',').map((entry) => entry.trim());
    return chain[chain.length - trustedProxyHops] ?? chain[0] ?? peer;
  };
}

function socketAddress(c: Context): string {
  // @hono/node-server passes the Node request as `incoming` (under `server` when mounted in another app).
  const env = c.env as { incoming?: IncomingMessage; server?: { incoming?: IncomingMessage } } | undefined;
  const incoming = env?.incoming ?? env?.server?.incoming;
  return unmapIpv4(incoming?.socket.remoteAddress ?? NO_SOCKET_ADDRESS);
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are one client: one budget, one block-list entry. */
function unmapIpv4(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

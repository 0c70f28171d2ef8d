// A keep-alive HTTP/1.1 client on one socket, for the load generators' shoppers: one request at a
// time, written as one string, the answer parsed just enough (status, Content-Length or chunked
// body, Retry-After). node:http's client costs this process about 0.6 ms of CPU per request (a
// ClientRequest, an IncomingMessage and their streams each time), this about 0.3 ms, on the two
// cores it shares with the server under test.
import { Buffer } from 'node:buffer';
import net from 'node:net';

const HEADERS_END = Buffer.from('\r\n\r\n');

export function rawHttpConnection(host, port) {
  let socket = null;
  let buffer = Buffer.alloc(0);
  /** The request waiting for its answer: { resolve, reject }. */
  let waiting = null;

  const connect = () => {
    const s = net.connect({ host, port, noDelay: true });
    // A socket given up (the server said Connection: close) may report its end after the next
    // request has opened another: only the current socket's events count.
    const fail = (error) => {
      if (socket !== s) return;
      socket = null;
      buffer = Buffer.alloc(0);
      const w = waiting;
      waiting = null;
      w?.reject(error);
    };
    s.on('data', (chunk) => {
      if (socket !== s) return;
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      const answer = parse();
      if (!answer) return;
      const w = waiting;
      waiting = null;
      w?.resolve(answer);
    });
    s.on('error', fail);
    s.on('close', () => fail(new Error('connection closed')));
    return s;
  };

  /** An answer once the buffer holds a whole one (and drops it from the buffer), else null. */
  function parse() {
    const end = buffer.indexOf(HEADERS_END);
    if (end < 0) return null;
    const head = buffer.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    let length = -1;
    let chunked = false;
    let retryAfter = 1;
    let close = false;
    for (const line of head.split('\r\n').slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') length = Number(value);
      else if (name === 'transfer-encoding') chunked = value.toLowerCase().includes('chunked');
      else if (name === 'retry-after') retryAfter = Number(value);
      else if (name === 'connection') close = value.toLowerCase() === 'close';
    }
    let at = end + 4;
    let body;
    if (chunked) {
      const parts = [];
      for (;;) {
        const lineEnd = buffer.indexOf('\r\n', at);
        if (lineEnd < 0) return null;
        const size = parseInt(buffer.toString('latin1', at, lineEnd), 16);
        if (buffer.length < lineEnd + 2 + size + 2) return null;
        if (size === 0) {
          at = lineEnd + 4;
          break;
        }
        parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
    } else {
      if (length < 0) length = 0;
      if (buffer.length < at + length) return null;
      body = buffer.toString('utf8', at, at + length);
      at += length;
    }
    buffer = buffer.subarray(at);
    if (close) {
      socket?.destroy();
      socket = null;
    }
    return { status, body, retryAfter };
  }

  return {
    /** One request; answers { status, body (text), retryAfter }, or rejects on a connection error. */
    request(method, path, headers, payload) {
      socket ??= connect();
      let text = `${method} ${path} HTTP/1.1\r\nhost: ${host}:${port}\r\n`;
      for (const [name, value] of Object.entries(headers)) text += `${name}: ${value}\r\n`;
      if (payload !== undefined) text += `content-length: ${Buffer.byteLength(payload)}\r\n`;
      text += '\r\n';
      if (payload !== undefined) text += payload;
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(text);
      });
    },
    close() {
      socket?.destroy();
      socket = null;
    },
  };
}

import type { ServerType } from '@hono/node-server';
import type { Duplex } from 'node:stream';
import { HttpProblem, PROBLEM_CONTENT_TYPE } from './problem.ts';

/** What Node's HTTP parser reports, and the problem each answers with (Node's own status choice). */
const parserProblems: Record<string, { status: number; code: string; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'request_header_fields_too_large',
    title: 'Request header fields too large',
    detail:
      'The request line and headers together exceed the server limit (16 KiB); send a shorter URL or fewer headers.',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    code: 'payload_too_large',
    title: 'Payload too large',
    detail: 'The chunk extensions exceed the server limit.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    title: 'Request timeout',
    detail: 'The request was not received in time.',
  },
};

const malformed = {
  status: 400,
  code: 'malformed_request',
  title: 'Malformed HTTP request',
  detail: 'The server could not parse the request (its request line or a header is invalid).',
};

/**
 * Makes requests that never reach the app (Node's HTTP parser refuses them: an oversized URL or
 * header, a NUL in a header, a malformed request line) answer problem+json like every other
 * error, instead of Node's bare `431` / `400` with no body. Call it once on each server `serve()`
 * returns; the connection is closed after the answer, as Node does, because the parser cannot
 * find where the next request would start.
 */
export function answerClientErrorsAsProblems(server: ServerType): void {
  // Every server `serve()` makes (HTTP/1, HTTP/2) emits 'clientError' with the socket.
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    // Nothing can be answered on a connection the client has gone from.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const known = uriTooLong(error) ?? parserProblems[error.code ?? ''] ?? malformed;
    socket.end(rawProblemResponse(new HttpProblem(known)));
  });
}

const longUri = {
  status: 414,
  code: 'uri_too_long',
  title: 'URI too long',
  detail:
    'The URL exceeds the server limit (16 KiB with the headers); send long filters in fewer parameters.',
};

/**
 * An overflow whose request line alone is over the limit is the URL's fault: 414 rather than 431.
 * Node reports only the chunk it was parsing (`rawPacket`); when that chunk starts the request and
 * holds no line end within the limit, the request line is what overflowed.
 */
function uriTooLong(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): typeof longUri | undefined {
  if (error.code !== 'HPE_HEADER_OVERFLOW' || !error.rawPacket) return undefined;
  const head = error.rawPacket.toString('latin1', 0, 16 * 1024 + 64);
  if (!/^[A-Z]+ /.test(head)) return undefined;
  const lineEnd = head.indexOf('\r\n');
  return lineEnd === -1 || lineEnd > 8 * 1024 ? longUri : undefined;
}

/** An HTTP/1.1 response written straight to the socket: the parser failed, so there is no `res`. */
function rawProblemResponse(problem: HttpProblem): string {
  const body = JSON.stringify(problem.toDocument());
  return [
    `HTTP/1.1 ${problem.status} ${problem.title}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { CommandResult } from '../../commands/command-handlers.ts';
import { positionToToken } from '../../ports/position.ts';
import { fastJson } from '../../infra/http/answer-headers.ts';

/**
 * A write's answer: the result body plus the stream revision (in the body and as ETag) and the
 * consistency token (in the body and as `QM-Position`), so a client can read its own write.
 *
 * Built with a plain header object (`fastJson`), which the Node adapter writes out as it is: through
 * `c.header()` and `c.json()`, every write answer built a `Headers` and set the twenty-odd answer
 * headers on it one by one, 2% of the API process's CPU in the checkout bench. So a route answering
 * with this sets no header with `c.header()` (it would be lost), and the request's own headers (the
 * correlation id) go in with `addAnswerHeaders`.
 */
export function writeAnswer<Status extends 200 | 201, Body extends object = object>(
  c: Context,
  status: Status,
  result: CommandResult,
  body?: Body,
): JsonAnswer<WriteAnswerBody<Body>, Status> {
  const position = result.position ? positionToToken(result.position) : null;
  const headers: Record<string, string> = {};
  if (result.revision !== null) headers.ETag = `"${result.revision}"`;
  if (position) headers['QM-Position'] = position;
  const answer = { ...body, revision: result.revision, position, events: result.events };
  // Typed as `c.json` would type it: the OpenAPI routes check their handlers' answers against it.
  return fastJson(c, JSON.stringify(answer), headers, status) as JsonAnswer<WriteAnswerBody<Body>, Status>;
}

type WriteAnswerBody<Body> = Body & {
  revision: CommandResult['revision'];
  position: string | null;
  events: CommandResult['events'];
};

type JsonAnswer<T, Status extends 200 | 201> = Response & TypedResponse<JSONParsed<T>, Status, 'json'>;

import type { Context } from 'hono';
import type { CommandResult } from '../../commands/command-handlers.ts';
import { positionToToken } from '../../ports/position.ts';

/**
 * A write's answer: the result body plus the stream revision (in the body and as ETag) and the
 * consistency token (in the body and as `QM-Position`), so a client can read its own write.
 */
export function writeAnswer<Status extends 200 | 201, Body extends object = object>(
  c: Context,
  status: Status,
  result: CommandResult,
  body?: Body,
) {
  const position = result.position ? positionToToken(result.position) : null;
  if (result.revision !== null) c.header('ETag', `"${result.revision}"`);
  if (position) c.header('QM-Position', position);
  return c.json({ ...body, revision: result.revision, position, events: result.events }, status);
}

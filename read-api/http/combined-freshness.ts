import { comparePositions, parsePositionToken } from '../../ports/position.ts';

/**
 * The freshness headers of one answer read from several read models, each read with `freshRead`:
 * it is as fresh as the least advanced of them (`X-Read-Position`), and stale when any part is.
 */
export function combinedFreshness(...parts: readonly Record<string, string>[]): Record<string, string> {
  const headers: Record<string, string> = {};
  let least: { token: string; position: NonNullable<ReturnType<typeof parsePositionToken>> } | null = null;
  for (const part of parts) {
    const token = part['X-Read-Position'];
    const position = token === undefined ? null : parsePositionToken(token);
    // A part whose projector has applied nothing yet is behind every position.
    if (position === null) {
      least = null;
      break;
    }
    if (least === null || comparePositions(position, least.position) < 0) least = { token: token!, position };
  }
  if (least) headers['X-Read-Position'] = least.token;
  const warnings = parts.flatMap((part) => (part['X-Stale'] ? [part['Warning'] ?? ''] : []));
  if (warnings.length > 0) {
    headers['X-Stale'] = 'true';
    headers['Warning'] = warnings.filter(Boolean).join(', ');
  }
  return headers;
}

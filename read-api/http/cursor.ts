import type { z } from '@hono/zod-openapi';
import { findTextFaults } from '../../infra/http/storable-text.ts';
import { validationProblem } from '../../infra/http/validation-problem.ts';

/**
 * Opaque page cursors: the keyset of the last row a page showed, as base64url JSON. Clients pass
 * them back untouched; anything that does not decode to the expected shape is a 400 naming
 * `query.cursor`, never a 500. That includes a forged cursor whose JSON carries a NUL or a lone
 * surrogate: its keyset values go to SQL, so they are held to the same rule as every other input.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<Schema extends z.ZodType>(
  cursor: string | undefined,
  schema: Schema,
  why = 'is not a cursor this listing gave out',
): z.output<Schema> | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = findTextFaults(parsed).length === 0 ? schema.safeParse(parsed) : { success: false as const };
  if (!result.success) throw validationProblem([{ path: 'query.cursor', message: why }]);
  return result.data;
}

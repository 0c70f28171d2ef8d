import { z } from '@hono/zod-openapi';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text.ts';

/**
 * The check every request string carries: no NUL, no unpaired surrogate (see storable-text.ts).
 * One instance, so a test can find it on each string of every route's request schemas.
 */
export const storableText = z.refine<string>(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE });

/**
 * The base of every string a request carries (body fields, query, path, headers) in both APIs:
 * `Text.min(1).max(200)`. A string that reaches SQL or an event must be one PostgreSQL can store,
 * so bad input is a 400 naming the field, never a 500 from the database.
 */
export const Text = z.string().check(storableText);

/**
 * Ids in paths and bodies: the characters stream names allow, so every id makes a valid stream.
 * Both APIs use this one rule, so an id one accepts the other does too.
 */
export const Id = Text.regex(
  /^[A-Za-z0-9._~:+=-]{1,120}$/,
  'use letters, digits and . _ ~ : + = - (at most 120)',
).openapi({ example: 'p-1001' });

/** The RFC 9457 problem+json document `problemResponse` sends (see problem.ts), for OpenAPI. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .openapi('Problem');

/** An OpenAPI response answered with a `Problem`: `{ 404: problemAnswer('No such order') }`. */
export const problemAnswer = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

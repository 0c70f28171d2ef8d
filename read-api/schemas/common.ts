import { z } from '@hono/zod-openapi';

/** Ids in paths: the characters stream names allow (the write side's rule). */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9._~:+=-]{1,120}$/, 'use letters, digits and . _ ~ : + = - (at most 120)')
  .openapi({ example: 'p-1001' });

export const Money = z
  .object({ amount: z.number().int(), currency: z.string() })
  .openapi('Money', { example: { amount: 1299, currency: 'EUR' } });

export const Limit = (max: number, fallback: number) =>
  z.coerce
    .number()
    .int('must be a whole number')
    .min(1)
    .max(max)
    .default(fallback)
    .openapi({ description: `Page size, 1 to ${max}.`, example: fallback });

export const Cursor = z
  .string()
  .max(1000)
  .optional()
  .openapi({ description: 'Opaque: the `nextCursor` of the previous page, passed back untouched.' });

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

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/** Errors every read route may answer with. */
export const readErrors = {
  400: problem('Invalid query, path or consistency token (`errors` names each field)'),
  503: problem('The read model has not been built yet'),
};

/** Errors of routes behind a token. */
export const authErrors = {
  401: problem('No valid bearer token'),
  403: problem('The role may not read this'),
};

export const notFoundError = { 404: problem('No such resource (or not yours)') };

/** The `X-Stale` / `Warning` / `X-Read-Position` headers every read answer may carry. */
export const freshnessHeaderDocs = {
  'X-Read-Position': {
    description: 'The projector position the data was read at (a consistency token).',
    schema: { type: 'string' as const },
  },
  'X-Stale': {
    description:
      'Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet.',
    schema: { type: 'string' as const },
  },
  Warning: {
    description: '`110` (Response is stale) with the read model and token it could not wait for.',
    schema: { type: 'string' as const },
  },
};

export const jsonAnswer = <Schema extends z.ZodType>(schema: Schema, description: string) => ({
  description,
  headers: freshnessHeaderDocs,
  content: { 'application/json': { schema } },
});

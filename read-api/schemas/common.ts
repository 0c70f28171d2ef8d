import { z } from '@hono/zod-openapi';
import { Id, Text, problemAnswer } from '../../infra/http/openapi-schemas.ts';

export { Id, Text };

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

/** A moment in a query: ISO 8601 with a zone. */
export const Time = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 time such as 2026-11-21T10:00:00Z',
});

export const Cursor = Text.max(1000)
  .optional()
  .openapi({ description: 'Opaque: the `nextCursor` of the previous page, passed back untouched.' });

/** Errors every read route may answer with. */
export const readErrors = {
  400: problemAnswer('Invalid query, path or consistency token (`errors` names each field)'),
  503: problemAnswer('The read model has not been built yet'),
};

/** Errors of routes behind a token. */
export const authErrors = {
  401: problemAnswer('No valid bearer token'),
  403: problemAnswer('The role may not read this'),
};

export const notFoundError = { 404: problemAnswer('No such resource (or not yours)') };

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

import { z } from '@hono/zod-openapi';
import { Id, Text, problemAnswer } from '../../infra/http/openapi-schemas.ts';

export { Id, Text };

export const Money = z
  .object({
    amount: z
      .number()
      .int('must be whole minor units (cents), never a fraction')
      .min(0)
      .max(Number.MAX_SAFE_INTEGER),
    currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  })
  .openapi('Money', { example: { amount: 1299, currency: 'EUR' } });

export const Address = z
  .object({
    name: Text.min(1).max(200),
    line1: Text.min(1).max(200),
    line2: Text.max(200).nullable().default(null),
    city: Text.min(1).max(100),
    postalCode: Text.min(1).max(20),
    region: Text.max(100).nullable().default(null),
    country: Text.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE'),
  })
  .openapi('Address');

/** Every write answers with the stream's new revision (also the ETag) and the consistency token. */
export const WriteAnswer = z
  .object({
    revision: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The stream revision now; send it back as If-Match.' }),
    position: z.string().nullable().openapi({
      description:
        'Consistency token: the global position this write reached. Pass it to the read API to read your write.',
      example: '752:1044',
    }),
    events: z.array(z.object({ type: z.string(), data: z.record(z.string(), z.unknown()) })),
  })
  .openapi('WriteAnswer');

/** The answers every write route may give besides its success. */
export const errorResponses = {
  400: problemAnswer('Malformed request: the errors name each field'),
  401: problemAnswer('No valid bearer token'),
  403: problemAnswer('The token does not allow this'),
  404: problemAnswer('No such resource'),
  409: problemAnswer(
    'Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use',
  ),
  422: problemAnswer('A business rule refuses it, or an Idempotency-Key reused with another body'),
} as const;

export const idempotencyHeader = z.object({
  'idempotency-key': Text.min(1).max(255).openapi({
    description:
      'Makes the POST safe to retry: the same key and body answer the same, appending nothing again.',
  }),
});

export const ifMatchHeader = z.object({
  'if-match': Text.optional().openapi({
    description: 'The revision (ETag) you edited from; a newer stream answers 409.',
  }),
});

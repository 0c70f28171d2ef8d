import { createRoute, z } from '@hono/zod-openapi';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, Money, idempotencyHeader, Text, WriteAnswer } from '../schemas/common.ts';
import { IsoTime } from '../schemas/promotion-definition.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Prices'];
const ChangePath = z.object({ changeId: Id });

const SchedulePriceChange = z
  .object({
    changeId: Id.openapi({ example: 'winter-2026' }),
    effectiveAt: IsoTime.openapi({ description: 'When the prices take effect; must be in the future.' }),
    reason: Text.min(1).max(500),
    prices: z
      .array(z.object({ productId: Id, price: Money }))
      .min(1)
      .max(1000),
  })
  .openapi('SchedulePriceChange', {
    example: {
      changeId: 'winter-2026',
      effectiveAt: '2026-12-21T00:00:00Z',
      reason: 'winter prices',
      prices: [{ productId: 'mug', price: { amount: 1500, currency: 'EUR' } }],
    },
  });

const Names = z.array(Text.min(1).max(100)).max(100).default([]);
const MassPriceChange = z
  .object({
    changeId: Id.openapi({ example: 'kitchen-sale' }),
    reason: Text.min(1).max(500),
    categories: Names,
    brands: Names,
    adjustment: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('percent'),
        basisPoints: z
          .number()
          .int()
          .min(-9_999)
          .max(1_000_000)
          .openapi({ description: 'Basis points: -1000 is 10 % off, 500 is 5 % up.' }),
      }),
      z.object({
        kind: z.literal('fixed'),
        amount: z
          .number()
          .int()
          .min(-1_000_000_000)
          .max(1_000_000_000)
          .openapi({ description: 'Minor units added (negative: taken off).' }),
        currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
      }),
    ]),
    rounding: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('none') }),
        z.object({
          kind: z.literal('price_point'),
          ending: z.number().int().min(0).max(99).openapi({ description: '99: the nearest x.99.' }),
        }),
      ])
      .default({ kind: 'none' }),
  })
  .openapi('MassPriceChange', {
    example: {
      changeId: 'kitchen-sale',
      reason: 'kitchen sale',
      categories: ['kitchen'],
      brands: [],
      adjustment: { kind: 'percent', basisPoints: -1000 },
      rounding: { kind: 'price_point', ending: 99 },
    },
  });

const ScheduledMassPriceChange = MassPriceChange.extend({
  effectiveAt: IsoTime.openapi({
    description: 'When it takes effect (in the future): the products are selected and moved then.',
  }),
}).openapi('ScheduledMassPriceChange', {
  example: {
    changeId: 'january-sale',
    reason: 'january sale',
    categories: ['kitchen'],
    brands: [],
    adjustment: { kind: 'percent', basisPoints: -1000 },
    rounding: { kind: 'price_point', ending: 99 },
    effectiveAt: '2099-01-01T00:00:00Z',
  },
});

const MassPlan = {
  applied: z.array(z.object({ productId: z.string(), from: Money, to: Money })),
  skipped: z.array(
    z.object({
      productId: z.string(),
      why: z.enum(['not_found', 'discontinued', 'currency_mismatch', 'unchanged', 'negative']),
    }),
  ),
};
const MassPreview = z.object(MassPlan).openapi('MassPriceChangePreview');
const MassApplied = WriteAnswer.extend(MassPlan).openapi('MassPriceChangeApplied');

/**
 * Prices that move later or many at once (`prices:write`): a scheduled change takes effect at its
 * time through the price-change scheduler; a mass change moves every product of some categories or
 * brands under one reason, after a preview that appends nothing.
 */
export function priceChangeRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const context = (c: Parameters<typeof commandContext>[0]) => commandContext(c, deps.clock, deps.ids);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/price-changes',
      summary: 'Schedule prices to take effect at a future time (each recorded as PriceChanged then)',
      tags,
      ...guarded('prices:write'),
      request: { headers: idempotencyHeader, body: jsonBody(SchedulePriceChange) },
      responses: writeResponses(201, 'Scheduled'),
    }),
    async (c) =>
      writeAnswer(c, 201, await deps.handlers.schedulePriceChange(c.req.valid('json'), context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/price-changes/{changeId}/cancel',
      summary: 'Cancel a scheduled price change before it takes effect',
      tags,
      ...guarded('prices:write'),
      request: { headers: idempotencyHeader, params: ChangePath },
      responses: writeResponses(200, 'Cancelled'),
    }),
    async (c) =>
      writeAnswer(c, 200, await deps.handlers.cancelPriceChange(c.req.valid('param').changeId, context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/mass-price-changes/preview',
      summary: 'What a mass price change would do now, product by product; appends nothing',
      tags,
      ...guarded('prices:write'),
      request: { headers: idempotencyHeader, body: jsonBody(MassPriceChange) },
      responses: writeResponses(200, 'Preview', MassPreview),
    }),
    async (c) => c.json(await deps.handlers.previewMassPriceChange(c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/scheduled-mass-price-changes',
      summary: 'Schedule a mass price change to take effect at a future time (cancel it like any)',
      description:
        'Validated now; at `effectiveAt` the price-change scheduler selects the products of the categories or brands as they are then and moves each by its own PriceChanged, all in one append with the record, as an immediate mass change does. `POST /mass-price-changes/preview` shows what it would do now.',
      tags,
      ...guarded('prices:write'),
      request: { headers: idempotencyHeader, body: jsonBody(ScheduledMassPriceChange) },
      responses: writeResponses(201, 'Scheduled'),
    }),
    async (c) =>
      writeAnswer(c, 201, await deps.handlers.scheduleMassPriceChange(c.req.valid('json'), context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/mass-price-changes',
      summary: 'Move the prices of every product of some categories or brands, under one reason',
      description:
        'Each product gets its own PriceChanged, all in one atomic append with the change record; products in another currency (a fixed amount), discontinued, already at the price or that would fall below zero are skipped and named.',
      tags,
      ...guarded('prices:write'),
      request: { headers: idempotencyHeader, body: jsonBody(MassPriceChange) },
      responses: writeResponses(201, 'Applied', MassApplied),
    }),
    async (c) => {
      const { applied, skipped, ...result } = await deps.handlers.applyMassPriceChange(
        c.req.valid('json'),
        context(c),
      );
      return writeAnswer(c, 201, result, { applied, skipped });
    },
  );
  return app;
}

import { createRoute, z } from '@hono/zod-openapi';
import { commandContext } from '../http/command-context.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, idempotencyHeader, ifMatchHeader, Text, WriteAnswer } from '../schemas/common.ts';
import { PromotionDefinition } from '../schemas/promotion-definition.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Promotions'];
const PromotionPath = z.object({ promotionId: Id });

const CreatePromotion = z
  .object({ promotionId: Id.openapi({ example: 'summer-2026' }), definition: PromotionDefinition })
  .openapi('CreatePromotion');

const GenerateCodes = z
  .object({
    generationId: Id.openapi({ example: 'newsletter-june' }),
    count: z.number().int().min(1).max(10_000).openapi({ example: 500 }),
    prefix: Text.min(3)
      .max(12)
      .optional()
      .openapi({ description: 'Put before each code, then a dash.', example: 'JUNE' }),
  })
  .openapi('GenerateCodes');

const GeneratedCodes = WriteAnswer.extend({
  generationId: z.string(),
  codes: z
    .array(z.string())
    .openapi({ description: 'The codes this call appended (a resumed generation: only the new ones).' }),
  batches: z.number().int(),
}).openapi('GeneratedCodes');

const Expire = z
  .object({
    reason: z.enum(['ended_by_staff', 'window_closed', 'units_sold_out']).default('ended_by_staff'),
  })
  .openapi('ExpirePromotion');

/**
 * Promotions are admin business: define one (with its shared code claimed in the same append),
 * edit it (a new version; If-Match), move it through its lifecycle, and generate unique codes.
 */
export function promotionRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const context = (c: Parameters<typeof commandContext>[0]) => commandContext(c, deps.clock, deps.ids);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/promotions',
      summary: 'Create a promotion (a draft): rules, action, stacking, codes and limits',
      tags,
      ...guarded('promotions:write'),
      request: { headers: idempotencyHeader, body: jsonBody(CreatePromotion) },
      responses: writeResponses(201, 'Created'),
    }),
    async (c) => writeAnswer(c, 201, await deps.handlers.createPromotion(c.req.valid('json'), context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/promotions/{promotionId}/definition',
      summary: "Replace a promotion's definition: a new version (orders record the version they used)",
      tags,
      ...guarded('promotions:write'),
      request: {
        headers: idempotencyHeader.merge(ifMatchHeader),
        params: PromotionPath,
        body: jsonBody(z.object({ definition: PromotionDefinition }).openapi('EditPromotion')),
      },
      responses: writeResponses(200, 'Edited'),
    }),
    async (c) => {
      const input = {
        promotionId: c.req.valid('param').promotionId,
        definition: c.req.valid('json').definition,
      };
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(c, 200, await deps.handlers.editPromotion(input, context(c), ifMatch));
    },
  );

  const lifecycle = [
    ['activate', 'Activate a draft or paused promotion', deps.handlers.activatePromotion],
    ['pause', 'Pause an active promotion (its codes and redemptions stay)', deps.handlers.pausePromotion],
    ['archive', 'Archive a promotion for good', deps.handlers.archivePromotion],
  ] as const;
  for (const [verb, summary, handler] of lifecycle) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/promotions/{promotionId}/${verb}`,
        summary,
        tags,
        ...guarded('promotions:write'),
        request: { headers: idempotencyHeader, params: PromotionPath },
        responses: writeResponses(200, 'Changed'),
      }),
      async (c) => writeAnswer(c, 200, await handler(c.req.valid('param').promotionId, context(c))),
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/promotions/{promotionId}/expire',
      summary: 'End an active or paused promotion',
      tags,
      ...guarded('promotions:write'),
      request: { headers: idempotencyHeader, params: PromotionPath, body: jsonBody(Expire) },
      responses: writeResponses(200, 'Ended'),
    }),
    async (c) => {
      const input = { promotionId: c.req.valid('param').promotionId, reason: c.req.valid('json').reason };
      return writeAnswer(c, 200, await deps.handlers.expirePromotion(input, context(c)));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/promotions/{promotionId}/codes',
      summary: 'Generate up to 10,000 unique single-use codes, in batches under one generation id',
      description:
        'Each batch is appended atomically with a claim per code, so no code collides with any other, whatever its case. Sending the same generation id again resumes an interrupted generation.',
      tags,
      ...guarded('promotions:write'),
      request: { headers: idempotencyHeader, params: PromotionPath, body: jsonBody(GenerateCodes) },
      responses: writeResponses(201, 'Generated', GeneratedCodes),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const generated = await deps.handlers.generateCodes(
        { promotionId: c.req.valid('param').promotionId, ...body },
        context(c),
      );
      const { result, ...answer } = generated;
      return writeAnswer(c, 201, result, answer);
    },
  );
  return app;
}

import { createRoute, z } from '@hono/zod-openapi';
import { commandContext } from '../http/command-context.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, idempotencyHeader, ifMatchHeader, Text } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Replenishment'];
const Key = Id.refine((id) => !id.includes('@'), 'must not contain @');

const Policy = z
  .object({
    sku: Key,
    location: Key,
    leadTimeDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .nullable()
      .openapi({ description: 'Supplier lead time in days; null uses QM_LEAD_TIME_DAYS.', example: 10 }),
    serviceLevel: z.number().min(0.5).max(0.9999).nullable().openapi({
      description: 'Cycle service level for safety stock; null uses QM_SERVICE_LEVEL.',
      example: 0.98,
    }),
  })
  .openapi('ReplenishmentPolicy');

const Dismissal = z
  .object({ sku: Key, location: Key, note: Text.max(500).nullable().default(null) })
  .openapi('DismissReplenishmentSuggestion');

/**
 * Replenishment is admin business: per SKU and location lead time and service level (the
 * forecasting consumer recalculates with them), and dismissing a suggestion nobody will act on.
 * Reorder points and suggestions themselves are recorded by the forecasting consumer.
 */
export function replenishmentRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/replenishment/policies',
      summary: 'Set the lead time and service level of a SKU at a location',
      tags,
      ...guarded('replenishment:manage'),
      request: { headers: idempotencyHeader.merge(ifMatchHeader), body: jsonBody(Policy) },
      responses: writeResponses(200, 'Recorded'),
    }),
    async (c) => {
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(
        c,
        200,
        await deps.handlers.setReplenishmentPolicy(
          c.req.valid('json'),
          commandContext(c, deps.clock, deps.ids),
          ifMatch,
        ),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/replenishment/suggestions/{suggestionId}/dismiss',
      summary: 'Dismiss the open replenishment suggestion of a SKU at a location',
      tags,
      ...guarded('replenishment:manage'),
      request: {
        headers: idempotencyHeader.merge(ifMatchHeader),
        params: z.object({ suggestionId: Id }),
        body: jsonBody(Dismissal),
      },
      responses: writeResponses(200, 'Dismissed'),
    }),
    async (c) => {
      const { suggestionId } = c.req.valid('param');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(
        c,
        200,
        await deps.handlers.dismissReplenishmentSuggestion(
          { ...c.req.valid('json'), suggestionId },
          commandContext(c, deps.clock, deps.ids),
          ifMatch,
        ),
      );
    },
  );
  return app;
}

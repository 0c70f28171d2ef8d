import { createRoute, z } from '@hono/zod-openapi';
import { commandContext } from '../http/command-context.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { idempotentRequest } from '../idempotency/idempotent-request.ts';
import { requestDerivedId } from '../idempotency/request-derived-id.ts';
import { Id, idempotencyHeader, ifMatchHeader, Text } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import type { Permission } from '../../infra/auth/grants.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Inventory'];
const Sku = Id.refine((id) => !id.includes('@'), 'must not contain @');
const Location = Id.refine((id) => !id.includes('@'), 'must not contain @');
const Quantity = z.number().int().positive().max(1_000_000_000);

const Receipt = z
  .object({
    sku: Sku,
    location: Location,
    quantity: Quantity,
    reference: Text.max(200).nullable().default(null),
  })
  .openapi('StockReceipt');
const Adjustment = z
  .object({
    sku: Sku,
    location: Location,
    delta: z
      .number()
      .int()
      .refine((n) => n !== 0, 'must not be 0'),
    reason: z.enum(['count', 'damage', 'loss', 'found']),
    note: Text.max(1000).nullable().default(null),
  })
  .openapi('StockAdjustment');
const Transfer = z
  .object({ sku: Sku, from: Location, to: Location, quantity: Quantity, transferId: Id.optional() })
  .refine((t) => t.from !== t.to, { message: 'must differ from from', path: ['to'] })
  // A whole example: the members' own (one id example for every id) would move stock to where it is.
  .openapi('StockTransfer', { example: { sku: 'IPH15', from: 'berlin', to: 'hamburg', quantity: 5 } });
const Threshold = z
  .object({ sku: Sku, location: Location, threshold: z.number().int().min(0).max(1_000_000_000) })
  .openapi('LowStockThreshold');

/** Stock is admin business: receipts, counted adjustments, transfers, low-stock thresholds. */
export function inventoryRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const post = <Schema extends z.ZodType>(
    path: string,
    summary: string,
    schema: Schema,
    permission: Permission,
    edit = false,
  ) =>
    createRoute({
      method: 'post',
      path,
      summary,
      tags,
      ...guarded(permission),
      request: {
        headers: edit ? idempotencyHeader.merge(ifMatchHeader) : idempotencyHeader,
        body: jsonBody(schema),
      },
      responses: writeResponses(200, 'Recorded'),
    });

  app.openapi(post('/stock/receipts', 'Receive stock at a location', Receipt, 'stock:receive'), async (c) =>
    writeAnswer(
      c,
      200,
      await deps.handlers.receiveStock(c.req.valid('json'), commandContext(c, deps.clock, deps.ids)),
    ),
  );
  app.openapi(
    post(
      '/stock/adjustments',
      'Adjust stock after a count, damage, loss or find',
      Adjustment,
      'stock:adjust',
      true,
    ),
    async (c) => {
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(
        c,
        200,
        await deps.handlers.adjustStock(
          c.req.valid('json'),
          commandContext(c, deps.clock, deps.ids),
          ifMatch,
        ),
      );
    },
  );
  app.openapi(
    post(
      '/stock/transfers',
      'Move stock between locations (atomically out of one, into the other)',
      Transfer,
      'stock:transfer',
    ),
    async (c) => {
      const body = c.req.valid('json');
      // Derived from the key when the client names none, so a retry answers the same transfer.
      const request = idempotentRequest(c);
      const transferId =
        body.transferId ?? (request ? requestDerivedId('transfer', request) : deps.ids.newId());
      const result = await deps.handlers.transferStock(
        { ...body, transferId },
        commandContext(c, deps.clock, deps.ids),
      );
      return writeAnswer(c, 200, result, { transferId });
    },
  );
  app.openapi(
    post(
      '/stock/thresholds',
      'Set the low-stock threshold of a SKU at a location',
      Threshold,
      'stock:configure',
    ),
    async (c) =>
      writeAnswer(
        c,
        200,
        await deps.handlers.setLowStockThreshold(
          c.req.valid('json'),
          commandContext(c, deps.clock, deps.ids),
        ),
      ),
  );
  return app;
}

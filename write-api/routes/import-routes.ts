import { createRoute, z } from '@hono/zod-openapi';
import { hasPermission } from '../../infra/auth/grants.ts';
import { Text } from '../../infra/http/openapi-schemas.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import type { ImportJobs } from '../../infra/imports/import-jobs.ts';
import { commandContext } from '../http/command-context.ts';
import { optionalColumns, parseProductCsv, requiredColumns } from '../imports/product-csv.ts';
import { Id, errorResponses, idempotencyHeader } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded } from './route-kit.ts';

const tags = ['Imports'];

const RowError = z.object({
  row: z.number().int().openapi({ description: 'The row of the file, the header being row 1' }),
  field: z.string().openapi({ description: 'The column', example: 'priceAmount' }),
  code: z.string().openapi({ example: 'validation_failed' }),
  message: z.string(),
});

export const ImportStatus = z
  .object({
    importId: z.string(),
    kind: z.enum(['products']),
    state: z.enum(['running', 'finished']),
    total: z.number().int().openapi({ description: 'Rows in the file, the header not counted' }),
    done: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    startedBy: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    errors: z.array(RowError).openapi({ description: 'The refused rows (the first 1,000), in row order' }),
  })
  .openapi('ImportStatus');

const Accepted = z
  .object({
    importId: z.string(),
    total: z.number().int(),
    status: z.string().openapi({ description: 'Where the progress is: GET it, or follow /live/events' }),
  })
  .openapi('ImportAccepted');

const notFound = (importId: string) =>
  new HttpProblem({
    status: 404,
    code: 'import_not_found',
    title: 'No such import',
    detail: `No import ${importId} in this server's memory: it finished long ago, or the server restarted. The products it imported are in the catalog; upload the file again to see its rows.`,
  });

/**
 * Bulk imports (docs/operations.md, "Catalog import"). The upload is parsed and checked before the
 * answer: a file that is not a product CSV is a 400 naming the header or the problem, and nothing
 * runs. Otherwise the rows run as a job through the catalog commands (`importProducts`) and the
 * answer is 202 with the job's id; its progress is at `GET /imports/{importId}` and on the read
 * API's live stream. Under `/imports/`, the upload gets the upload body limit (`http-guards.ts`).
 */
export function importRoutes(deps: WriteApiDeps, imports: ImportJobs) {
  const app = featureApp();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/imports/products',
      summary: 'Import products from a CSV file: creates new ones, updates changed ones (202, runs as a job)',
      description: `One row per product. Required columns: ${requiredColumns.join(', ')}; optional: ${optionalColumns.join(', ')}. \`priceAmount\` is in minor units (1299 is 12.99). A row equal to the product appends nothing, so the same file imported again changes nothing. A row that changes a price needs prices:write.`,
      tags,
      ...guarded('catalog:write'),
      request: {
        headers: idempotencyHeader,
        body: {
          content: {
            'text/csv': {
              // Read raw and parsed by parseProductCsv; every cell is then checked on `Text` by the
              // create schema, so nothing PostgreSQL cannot store reaches an event.
              schema: Text.openapi({ format: 'binary' }),
              example: `${requiredColumns.join(',')},allowBackorder\nhammer-1,HAMMER-1,Claw hammer,Acme,tools,1299,EUR,false\n`,
            },
          },
          required: true,
        },
      },
      responses: {
        202: {
          description: 'Accepted: the import runs; follow its progress',
          content: { 'application/json': { schema: Accepted } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const parsed = parseProductCsv(new Uint8Array(await c.req.arrayBuffer()));
      const { resumed: _resumed, ...context } = commandContext(c, deps.clock, deps.ids);
      const importId = deps.ids.newId();
      const job = imports.start({
        importId,
        kind: 'products',
        total: parsed.total,
        startedBy: context.actor.id,
        startedAt: context.now,
      });
      for (const failure of parsed.invalid) job.row(failure);
      const log = deps.log.child({ importId });
      log.info({ rows: parsed.total, invalid: parsed.invalid.length }, 'product import started');
      void deps.handlers
        .importProducts(parsed.rows, context, {
          mayChangePrices: hasPermission(c.var.actor, 'prices:write'),
          now: () => deps.clock.now().toISOString(),
          onRow: (outcome) => job.row(outcome),
          onUnexpected: (error, row) =>
            log.error({ err: error, row }, 'product import: a row could not be saved'),
        })
        .catch((error: unknown) => log.error({ err: error }, 'product import stopped'))
        .finally(() => {
          job.finish(deps.clock.now().toISOString());
          const { created, updated, unchanged, failed } = job.status;
          log.info({ created, updated, unchanged, failed }, 'product import finished');
        });
      const status = `/imports/${encodeURIComponent(importId)}`;
      c.header('Location', status);
      return c.json({ importId, total: parsed.total, status }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/imports/{importId}',
      summary: "An import's progress: rows done of total, what each did, the refused rows",
      tags,
      ...guarded('catalog:write'),
      request: { params: z.object({ importId: Id }) },
      responses: {
        200: { description: 'The import', content: { 'application/json': { schema: ImportStatus } } },
        ...errorResponses,
      },
    }),
    (c) => {
      const { importId } = c.req.valid('param');
      const status = imports.get(importId);
      if (!status) throw notFound(importId);
      return c.json(status, 200);
    },
  );
  return app;
}

import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { savedReportList } from '../../projections/reports/queries.ts';
import type { ReportsDatabase } from '../../projections/reports/tables.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { freshRead, type ReadContext } from '../http/read-context.ts';
import { authErrors, jsonAnswer, readErrors } from '../schemas/common.ts';

const tags = ['Analytics'];
const projection = 'reports';

const SavedReport = z
  .object({
    reportId: z.string(),
    name: z.string(),
    definition: z.object({
      measure: z.enum(['revenue', 'units', 'discount', 'lines', 'orders']),
      by: z.array(z.enum(['period', 'sku', 'location', 'currency'])),
      filters: z.object({
        sku: z.string().optional(),
        location: z.string().optional(),
        currency: z.string().optional(),
      }),
      granularity: z.enum(['day', 'week', 'month']),
      lastDays: z.number().int(),
      limit: z.number().int(),
    }),
    schedule: z
      .object({
        cadence: z.enum(['daily', 'weekly']),
        weekday: z.number().int().nullable(),
        time: z.string(),
        timeZone: z.string(),
        recipients: z.array(z.string()),
        format: z.enum(['csv', 'pdf']),
      })
      .nullable(),
    nextRunAt: z.string().nullable().openapi({ description: 'When the schedule mails it next (UTC)' }),
    lastRunAt: z.string().nullable().openapi({ description: 'The due time of the last run mailed' }),
    runs: z.number().int(),
    savedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SavedReport');

/** The saved reports of the builder, with their schedules (saved through `PUT /reports/{id}`). */
export function reportReadRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/reports',
      summary: 'Saved reports, by name, with their schedules and next runs',
      tags,
      ...permissionGuard('analytics:read', ctx.authenticated),
      request: { query: z.object({ ...consistencyQuery }), headers: consistencyHeaders },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(SavedReport) }), 'Saved reports'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { value, headers } = await freshRead<
        ReportsDatabase,
        Awaited<ReturnType<typeof savedReportList>>
      >(ctx, c, projection, ({ db }) => savedReportList(db));
      return c.json({ items: value }, 200, headers);
    },
  );
  return app;
}

import { createRoute, z } from '@hono/zod-openapi';
import { commandContext } from '../http/command-context.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, idempotencyHeader, ifMatchHeader, Text } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Reports'];
const ReportPath = z.object({ reportId: Id.openapi({ example: 'weekly-revenue' }) });
const ReportDefinition = z
  .object({
    measure: z.enum(['revenue', 'units', 'discount', 'lines', 'orders']).openapi({ example: 'revenue' }),
    by: z
      .array(z.enum(['period', 'sku', 'location', 'currency']))
      .max(4)
      .openapi({ example: ['period', 'currency'] }),
    filters: z
      .object({
        sku: Id.optional(),
        location: Id.optional(),
        currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').optional(),
      })
      .strict()
      .default({}),
    granularity: z.enum(['day', 'week', 'month']).default('day'),
    lastDays: z
      .number()
      .int()
      .min(1)
      .max(366)
      .openapi({ description: 'The whole days before the day the report runs', example: 7 }),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict()
  .openapi('ReportDefinition');
const SaveReport = z
  .object({ name: Text.min(1).max(120).openapi({ example: 'Weekly revenue' }), definition: ReportDefinition })
  .strict()
  .openapi('SaveReport');
const ReportSchedule = z
  .object({
    cadence: z.enum(['daily', 'weekly']),
    weekday: z
      .number()
      .int()
      .min(1)
      .max(7)
      .nullable()
      .default(null)
      .openapi({ description: 'ISO weekday for a weekly run: 1 = Monday … 7 = Sunday', example: 1 }),
    time: Text.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM, 00:00 to 23:59').openapi({
      example: '08:00',
    }),
    timeZone: Text.min(1).max(64).openapi({ example: 'Europe/Berlin' }),
    recipients: z
      .array(z.email().max(254))
      .min(1)
      .max(20)
      .openapi({ example: ['ops@example.com'] }),
    format: z.enum(['csv', 'pdf']).default('csv'),
  })
  .strict()
  .refine((schedule) => schedule.cadence === 'daily' || schedule.weekday !== null, {
    path: ['weekday'],
    message: 'a weekly schedule names its weekday',
  })
  .openapi('ReportSchedule');

/**
 * Saved reports of the dashboard's builder and their mail schedules. The scheduler that mails
 * them is `commands/reports/scheduled-report-mail.ts`; the list is `GET /admin/reports`.
 */
export function reportRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const context = (c: Parameters<typeof commandContext>[0]) => commandContext(c, deps.clock, deps.ids);
  app.openapi(
    createRoute({
      method: 'put',
      path: '/reports/{reportId}',
      summary: 'Save a report of the builder (or replace its name and definition)',
      description:
        'The definition is the builder’s (`GET /admin/analytics/builder`) with a rolling period: the `lastDays` whole days before the day it runs. `If-Match` makes a replacement refuse a newer report.',
      tags,
      ...guarded('reports:manage'),
      request: {
        headers: idempotencyHeader.merge(ifMatchHeader),
        params: ReportPath,
        body: jsonBody(SaveReport),
      },
      responses: writeResponses(200, 'Saved'),
    }),
    async (c) => {
      const { name, definition } = c.req.valid('json');
      const input = {
        reportId: c.req.valid('param').reportId,
        name,
        definition: {
          ...definition,
          // Absent filters stay absent: the event is plain JSON.
          filters: Object.fromEntries(
            Object.entries(definition.filters).filter(([, value]) => value !== undefined),
          ) as { sku?: string; location?: string; currency?: string },
        },
      };
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(c, 200, await deps.handlers.saveReport(input, context(c), ifMatch));
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/reports/{reportId}/schedule',
      summary: 'Mail a saved report daily or weekly, at a local time in a time zone, as CSV or PDF',
      tags,
      ...guarded('reports:manage'),
      request: { headers: idempotencyHeader, params: ReportPath, body: jsonBody(ReportSchedule) },
      responses: writeResponses(200, 'Scheduled'),
    }),
    async (c) => {
      const schedule = c.req.valid('json');
      const input = {
        reportId: c.req.valid('param').reportId,
        schedule: { ...schedule, weekday: schedule.cadence === 'weekly' ? schedule.weekday : null },
      };
      return writeAnswer(c, 200, await deps.handlers.scheduleReport(input, context(c)));
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/reports/{reportId}/schedule',
      summary: 'Stop mailing a saved report',
      tags,
      ...guarded('reports:manage'),
      request: { headers: idempotencyHeader, params: ReportPath },
      responses: writeResponses(200, 'Unscheduled'),
    }),
    async (c) =>
      writeAnswer(c, 200, await deps.handlers.unscheduleReport(c.req.valid('param').reportId, context(c))),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/reports/{reportId}',
      summary: 'Delete a saved report, with its schedule',
      tags,
      ...guarded('reports:manage'),
      request: { headers: idempotencyHeader, params: ReportPath },
      responses: writeResponses(200, 'Deleted'),
    }),
    async (c) =>
      writeAnswer(c, 200, await deps.handlers.deleteReport(c.req.valid('param').reportId, context(c))),
  );
  return app;
}

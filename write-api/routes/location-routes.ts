import { createRoute, z } from '@hono/zod-openapi';
import { commandContext } from '../http/command-context.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, idempotencyHeader, ifMatchHeader, Text } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Locations'];
const LocationId = Id.refine((id) => !id.includes('@'), 'must not contain @').openapi({ example: 'berlin' });
const Name = Text.min(1).max(200);

/** Admins create and name the locations stock is kept at. */
export function locationRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/locations',
      summary: 'Create a location',
      tags,
      ...guarded('locations:write'),
      request: {
        headers: idempotencyHeader,
        body: jsonBody(z.object({ locationId: LocationId, name: Name }).openapi('CreateLocation')),
      },
      responses: writeResponses(201, 'Created'),
    }),
    async (c) => {
      const { locationId, name } = c.req.valid('json');
      return writeAnswer(
        c,
        201,
        await deps.handlers.createLocation(locationId, name, commandContext(c, deps.clock, deps.ids)),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/locations/{locationId}/rename',
      summary: 'Rename a location',
      tags,
      ...guarded('locations:write'),
      request: {
        headers: idempotencyHeader.merge(ifMatchHeader),
        params: z.object({ locationId: LocationId }),
        body: jsonBody(z.object({ name: Name }).openapi('RenameLocation')),
      },
      responses: writeResponses(200, 'Renamed'),
    }),
    async (c) => {
      const { locationId } = c.req.valid('param');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      const context = commandContext(c, deps.clock, deps.ids);
      return writeAnswer(
        c,
        200,
        await deps.handlers.renameLocation(locationId, c.req.valid('json').name, context, ifMatch),
      );
    },
  );
  return app;
}

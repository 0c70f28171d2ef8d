import { createRoute, z } from '@hono/zod-openapi';
import { allPermissions } from '../../infra/auth/grants.ts';
import { commandContext } from '../http/command-context.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { idempotencyHeader, ifMatchHeader, Text } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guardedWithStepUp, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Roles'];
const RoleName = Text.regex(
  /^[A-Za-z0-9._~:+=-]{1,64}$/,
  'must be 1 to 64 characters of A-Z a-z 0-9 . _ ~ : + = -',
)
  .refine((name) => !['customer', 'staff', 'admin'].includes(name), 'is a built-in role')
  .openapi({ example: 'inventory-clerk' });
const Permissions = z
  .array(z.enum(allPermissions as [string, ...string[]]))
  .min(1)
  .max(allPermissions.length * 2)
  .openapi({ example: ['stock:receive', 'stock:adjust'] });
const DefineRole = z
  .object({ name: RoleName, description: Text.max(500).default(''), permissions: Permissions })
  .openapi('DefineRole');
const RolePath = z.object({ name: RoleName });

/** Admins define custom roles ("inventory clerk", "finance") as named sets of permissions. */
export function roleRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const context = (c: Parameters<typeof commandContext>[0]) => commandContext(c, deps.clock, deps.ids);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/roles',
      summary: 'Define a custom role',
      tags,
      ...guardedWithStepUp('roles:manage', deps),
      request: { headers: idempotencyHeader, body: jsonBody(DefineRole) },
      responses: writeResponses(201, 'Defined'),
    }),
    async (c) => writeAnswer(c, 201, await deps.handlers.defineRole(c.req.valid('json'), context(c))),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/roles/{name}/permissions',
      summary: "Replace a custom role's permissions (takes effect on every API process within seconds)",
      tags,
      ...guardedWithStepUp('roles:manage', deps),
      request: {
        headers: idempotencyHeader.merge(ifMatchHeader),
        params: RolePath,
        body: jsonBody(z.object({ permissions: Permissions }).openapi('ChangeRolePermissions')),
      },
      responses: writeResponses(200, 'Changed'),
    }),
    async (c) => {
      const input = { name: c.req.valid('param').name, permissions: c.req.valid('json').permissions };
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(c, 200, await deps.handlers.changeRolePermissions(input, context(c), ifMatch));
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/roles/{name}/retire',
      summary: 'Retire a custom role: it grants nothing from then on',
      tags,
      ...guardedWithStepUp('roles:manage', deps),
      request: { headers: idempotencyHeader, params: RolePath },
      responses: writeResponses(200, 'Retired'),
    }),
    async (c) => writeAnswer(c, 200, await deps.handlers.retireRole(c.req.valid('param').name, context(c))),
  );
  return app;
}

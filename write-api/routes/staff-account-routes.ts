import { createRoute, z } from '@hono/zod-openapi';
import type { AccountHandlers } from '../../commands/accounts/account-handlers.ts';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { idempotentRequest } from '../idempotency/idempotent-request.ts';
import { requestDerivedId } from '../idempotency/request-derived-id.ts';
import { Id, idempotencyHeader, Text, WriteAnswer } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import {
  checkPassword,
  Email,
  optionalIdempotencyHeader,
  Password,
  publicRoute,
  spend,
  withoutSecrets,
} from './account-kit.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Staff'];
type AccountDeps = WriteApiDeps & { accounts: AccountHandlers };
const Roles = z
  .array(Id.max(64))
  .min(1)
  .max(20)
  .openapi({
    description: 'Built-in staff or admin, or custom roles',
    example: ['staff', 'inventory-clerk'],
  });
const StaffPath = z.object({ staffId: Id.max(64) });

/** Accepting an invitation: anyone holding the mailed token. */
export function staffPublicRoutes(deps: AccountDeps) {
  const app = featureApp();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/staff/invitations/accept',
      summary: 'Accept a staff invitation with the mailed token, setting a password',
      tags,
      ...publicRoute(deps, 'invitation acceptance'),
      request: {
        headers: optionalIdempotencyHeader,
        body: jsonBody(
          z
            .object({ token: Text.min(1).max(300), password: Password })
            .superRefine((body, ctx) => checkPassword(body.password, undefined, 'password', ctx))
            .openapi('AcceptInvitation'),
        ),
      },
      responses: writeResponses(
        200,
        'Accepted: the account is active',
        WriteAnswer.extend({ staffId: z.string() }).openapi('StaffAccepted'),
      ),
    }),
    async (c) => {
      await spend(deps, c, 'signup');
      const result = await deps.accounts.staff.acceptInvitation(
        c.req.valid('json'),
        commandContext(c, deps.clock, deps.ids),
      );
      return writeAnswer(c, 200, withoutSecrets(result), { staffId: result.staffId });
    },
  );
  return app;
}

/** Admins invite staff by email with roles, revoke invitations, change a staff member's roles. */
export function staffAccountRoutes(deps: AccountDeps) {
  const app = featureApp();
  const staff = deps.accounts.staff;
  const context = (c: Parameters<typeof commandContext>[0]) => commandContext(c, deps.clock, deps.ids);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/staff/invitations',
      summary: 'Invite a staff member by email with roles (the token is mailed; it expires in 72 hours)',
      tags,
      ...guarded('staff:manage'),
      request: {
        headers: idempotencyHeader,
        body: jsonBody(
          z
            .object({
              staffId: Id.max(64)
                .optional()
                .openapi({ description: 'Chosen by the client; else derived from the Idempotency-Key' }),
              email: Email,
              name: Text.min(1).max(200).nullable().default(null),
              roles: Roles,
            })
            .openapi('InviteStaff'),
        ),
      },
      responses: writeResponses(
        201,
        'Invited',
        WriteAnswer.extend({ staffId: z.string() }).openapi('StaffInvitedAnswer'),
      ),
    }),
    async (c) => {
      const { staffId: chosen, ...invitation } = c.req.valid('json');
      const request = idempotentRequest(c);
      const staffId = chosen ?? (request ? requestDerivedId('staff', request) : deps.ids.newId());
      const result = await staff.inviteStaff({ staffId, ...invitation }, context(c));
      return writeAnswer(c, 201, withoutSecrets(result), { staffId });
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/staff/invitations/{staffId}/revoke',
      summary: 'Revoke a pending invitation',
      tags,
      ...guarded('staff:manage'),
      request: { headers: idempotencyHeader, params: StaffPath },
      responses: writeResponses(200, 'Revoked'),
    }),
    async (c) => writeAnswer(c, 200, await staff.revokeInvitation(c.req.valid('param').staffId, context(c))),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/staff/{staffId}/roles',
      summary: "Change a staff member's roles (recorded with the roles before)",
      tags,
      ...guarded('staff:manage'),
      request: {
        params: StaffPath,
        body: jsonBody(
          z
            .object({ roles: Roles, reason: Text.max(500).nullable().default(null) })
            .openapi('ChangeStaffRoles'),
        ),
      },
      responses: writeResponses(200, 'Changed'),
    }),
    async (c) => {
      const { roles, reason } = c.req.valid('json');
      return writeAnswer(
        c,
        200,
        await staff.changeStaffRoles(c.req.valid('param').staffId, roles, reason, context(c)),
      );
    },
  );
  return app;
}

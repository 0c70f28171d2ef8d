import { createRoute, z } from '@hono/zod-openapi';
import type { AccountHandlers } from '../../commands/accounts/account-handlers.ts';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { errorResponses, Text, WriteAnswer } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import {
  checkPassword,
  Email,
  noSoonerThan,
  optionalIdempotencyHeader,
  Password,
  publicRoute,
  spend,
  withoutSecrets,
} from './account-kit.ts';
import { featureApp, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Accounts'];
/** Every reset request answers after this long, whether or not an account holds the address. */
export const RESET_ANSWER_FLOOR_MS = 300;
const Accepted = z
  .object({ status: z.literal('accepted'), message: z.string() })
  .openapi('PasswordResetAccepted');
const accepted = {
  status: 'accepted' as const,
  message: 'If an account holds this address, a code is on its way. It is good for 15 minutes.',
};

/** Password reset by a code mailed to the account's address (docs/accounts.md). */
export function passwordResetRoutes(deps: WriteApiDeps & { accounts: AccountHandlers }) {
  const app = featureApp();
  const customers = deps.accounts.customers;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password-reset',
      summary: 'Ask for a reset code by mail; the same 202 whether or not the account exists',
      tags,
      ...publicRoute(deps, 'password reset'),
      request: {
        headers: optionalIdempotencyHeader,
        body: jsonBody(z.object({ email: Email }).openapi('PasswordResetRequest')),
      },
      responses: {
        202: { description: 'Accepted', content: { 'application/json': { schema: Accepted } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { email } = c.req.valid('json');
      await spend(deps, c, 'reset', email);
      const context = commandContext(c, deps.clock, deps.ids);
      await noSoonerThan(RESET_ANSWER_FLOOR_MS, () => customers.requestPasswordReset(email, context));
      return c.json(accepted, 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password-reset/confirm',
      summary:
        'Set a new password with the mailed code (single use, 15 minutes, five tries); ends every session',
      tags,
      ...publicRoute(deps, 'password reset'),
      request: {
        headers: optionalIdempotencyHeader,
        body: jsonBody(
          z
            .object({
              email: Email,
              code: Text.regex(/^\d{6}$/, 'must be the six digits mailed'),
              newPassword: Password,
            })
            .superRefine((body, ctx) => checkPassword(body.newPassword, body.email, 'newPassword', ctx))
            .openapi('PasswordResetConfirm'),
        ),
      },
      responses: writeResponses(200, 'The password is changed', WriteAnswer),
    }),
    async (c) => {
      const body = c.req.valid('json');
      await spend(deps, c, 'reset', body.email);
      const context = commandContext(c, deps.clock, deps.ids);
      const result = await customers.resetPassword(body, context);
      // Log out everywhere: a session opened with the old password (perhaps by whoever learnt it) ends.
      await deps.auth?.handlers.revokeAfterPasswordReset(result.customerId, context);
      return writeAnswer(c, 200, withoutSecrets(result));
    },
  );
  return app;
}

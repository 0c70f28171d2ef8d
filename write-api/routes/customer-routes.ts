import { createRoute, z } from '@hono/zod-openapi';
import type { AccountHandlers } from '../../commands/accounts/account-handlers.ts';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { idempotentRequest } from '../idempotency/idempotent-request.ts';
import { requestDerivedId } from '../idempotency/request-derived-id.ts';
import { Address, Id, idempotencyHeader, Text, WriteAnswer } from '../schemas/common.ts';
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

const tags = ['Customers'];
type AccountDeps = WriteApiDeps & { accounts: AccountHandlers };

const SignUp = z
  .object({
    email: Email,
    password: Password,
    name: Text.min(1).max(200).nullable().default(null),
    marketingConsent: z.boolean().default(false),
  })
  .superRefine((body, ctx) => checkPassword(body.password, body.email, 'password', ctx))
  .openapi('SignUp');
const CustomerAnswer = WriteAnswer.extend({ customerId: z.string() }).openapi('CustomerWriteAnswer');

/** Sign-up and email verification: anyone may call them, within the `signup` and `2fa` budgets. */
export function customerPublicRoutes(deps: AccountDeps) {
  const app = featureApp();
  const customers = deps.accounts.customers;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/customers',
      summary: 'Sign up: creates an unverified account and mails a verification code',
      tags,
      ...publicRoute(deps, 'sign-up'),
      request: { headers: optionalIdempotencyHeader, body: jsonBody(SignUp) },
      responses: writeResponses(201, 'Signed up; the code is on its way', CustomerAnswer),
    }),
    async (c) => {
      const body = c.req.valid('json');
      await spend(deps, c, 'signup', body.email);
      // A retry with the same key names the same account, so it finds its first run's events.
      const request = idempotentRequest(c);
      const customerId = request ? requestDerivedId('customer', request) : deps.ids.newId();
      const context = {
        ...commandContext(c, deps.clock, deps.ids),
        actor: { id: customerId, role: 'customer' as const },
      };
      const result = await customers.signUp({ customerId, ...body }, context);
      return writeAnswer(c, 201, withoutSecrets(result), { customerId });
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/customers/verify',
      summary: 'Verify the email with the mailed code (five tries per code, 15 minutes)',
      tags,
      ...publicRoute(deps, 'email verification'),
      request: {
        headers: optionalIdempotencyHeader,
        body: jsonBody(
          z
            .object({ email: Email, code: Text.regex(/^\d{6}$/, 'must be the six digits mailed') })
            .openapi('VerifyEmail'),
        ),
      },
      responses: writeResponses(200, 'Verified', CustomerAnswer),
    }),
    async (c) => {
      const { email, code } = c.req.valid('json');
      await spend(deps, c, '2fa', email);
      const result = await customers.verifyEmail(email, code, commandContext(c, deps.clock, deps.ids));
      return writeAnswer(c, 200, withoutSecrets(result), { customerId: result.customerId });
    },
  );
  return app;
}

const Profile = z
  .object({
    name: Text.min(1).max(200).nullable().optional(),
    phone: Text.max(30).nullable().optional(),
  })
  .openapi('ChangeProfile');
const AddressEntry = z
  .object({ label: Text.max(100).default(''), address: Address, isDefault: z.boolean().default(false) })
  .openapi('AddressBookEntry');
const AddressPath = z.object({ addressId: Id.max(64) });

/** A customer's own account (`/me`: the token's subject), and staff assigning customer groups. */
export function customerRoutes(deps: AccountDeps) {
  const app = featureApp();
  const customers = deps.accounts.customers;
  const context = (c: Parameters<typeof commandContext>[0]) => commandContext(c, deps.clock, deps.ids);
  const self = (c: { var: { actor: { id: string } } }) => c.var.actor.id;

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/me',
      summary: 'Change one’s name or phone (fields left out stay as they are)',
      tags,
      ...guarded('account:self'),
      request: { body: jsonBody(Profile) },
      responses: writeResponses(200, 'Changed'),
    }),
    async (c) =>
      writeAnswer(
        c,
        200,
        withoutSecrets(await customers.changeProfile(self(c), c.req.valid('json'), context(c))),
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/addresses',
      summary: 'Add an address to one’s address book (optionally as the default shipping address)',
      tags,
      ...guarded('account:self'),
      request: { headers: idempotencyHeader, body: jsonBody(AddressEntry) },
      responses: writeResponses(
        201,
        'Added',
        WriteAnswer.extend({ addressId: z.string() }).openapi('AddressAdded'),
      ),
    }),
    async (c) => {
      const request = idempotentRequest(c);
      const addressId = request ? requestDerivedId('address', request) : deps.ids.newId();
      const entry = { addressId, ...c.req.valid('json') };
      return writeAnswer(c, 201, await customers.saveAddress(self(c), entry, context(c)), { addressId });
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/me/addresses/{addressId}',
      summary: 'Replace an address of one’s address book',
      tags,
      ...guarded('account:self'),
      request: { params: AddressPath, body: jsonBody(AddressEntry) },
      responses: writeResponses(200, 'Saved'),
    }),
    async (c) => {
      const entry = { addressId: c.req.valid('param').addressId, ...c.req.valid('json') };
      return writeAnswer(c, 200, await customers.saveAddress(self(c), entry, context(c)));
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/me/addresses/{addressId}',
      summary: 'Remove an address from one’s address book',
      tags,
      ...guarded('account:self'),
      request: { params: AddressPath },
      responses: writeResponses(200, 'Removed'),
    }),
    async (c) =>
      writeAnswer(c, 200, await customers.removeAddress(self(c), c.req.valid('param').addressId, context(c))),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/me/consent',
      summary: 'Give or withdraw marketing consent (recorded with its time and source)',
      tags,
      ...guarded('account:self'),
      request: { body: jsonBody(z.object({ granted: z.boolean() }).openapi('MarketingConsent')) },
      responses: writeResponses(200, 'Recorded'),
    }),
    async (c) =>
      writeAnswer(
        c,
        200,
        await customers.recordConsent(self(c), c.req.valid('json').granted, 'profile', context(c)),
      ),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/me/preferences',
      summary: 'Choose marketing and reminder mail (transactional mail always goes; marketing needs consent)',
      tags,
      ...guarded('account:self'),
      request: {
        body: jsonBody(
          z.object({ marketing: z.boolean(), reminder: z.boolean() }).openapi('NotificationPreferences'),
        ),
      },
      responses: writeResponses(200, 'Set'),
    }),
    async (c) =>
      writeAnswer(c, 200, await customers.setPreferences(self(c), c.req.valid('json'), context(c))),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/customers/{customerId}/groups',
      summary: 'Set the groups a customer belongs to (read by price lists and promotions)',
      tags,
      ...guarded('customers:write'),
      request: {
        params: z.object({ customerId: Id }),
        body: jsonBody(z.object({ groups: z.array(Id.max(64)).max(50) }).openapi('CustomerGroups')),
      },
      responses: writeResponses(200, 'Set'),
    }),
    async (c) => {
      const { customerId } = c.req.valid('param');
      return writeAnswer(
        c,
        200,
        await customers.setGroups(customerId, c.req.valid('json').groups, context(c)),
      );
    },
  );
  return app;
}

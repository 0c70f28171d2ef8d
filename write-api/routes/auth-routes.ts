import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthEnv } from '../../infra/auth/actor.ts';
import { Unauthenticated } from '../../infra/auth/auth-errors.ts';
import { authenticate } from '../../infra/auth/authenticate.ts';
import { permissionGuard } from '../../infra/auth/require-permission.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import { commandContext } from '../http/command-context.ts';
import { errorResponses, Id, idempotencyHeader, Text } from '../schemas/common.ts';
import type { AuthRouteDeps, WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody } from './route-kit.ts';

const tags = ['Auth'];
const Email = Text.min(3).max(320).openapi({ example: 'ada@example.com' });
const Password = Text.min(1).max(1024);
const Code = Text.min(6).max(32).openapi({ example: '123456' });
const Tokens = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().openapi({ description: 'Seconds the access token lives' }),
    sessionId: z.string(),
  })
  .openapi('SessionTokens');
const Challenge = z
  .object({ challenge: z.literal('totp'), challengeToken: z.string() })
  .openapi('LoginChallenge');
const json = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});
const noContent = { 204: { description: 'Done' }, ...errorResponses };

const refused = () => new Unauthenticated('invalid', 'The email or password is wrong.');
const seen = (deps: WriteApiDeps, c: Context) => ({
  ip: deps.guards?.clientIp(c) ?? 'unknown',
  userAgent: (c.req.header('user-agent') ?? '').slice(0, 300),
});
const tooMany = (retryAfterSeconds: number) =>
  new HttpProblem({
    status: 429,
    code: 'rate_limited',
    title: 'Too many attempts',
    detail: `Too many failed attempts; try again in ${retryAfterSeconds} s.`,
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });

/**
 * The public half: login and refresh need no token, and no Idempotency-Key (a retried login or
 * refresh is simply another one: a lost answer leaves an unused session or an unrotated token).
 */
export function authPublicRoutes(deps: WriteApiDeps & { auth: AuthRouteDeps }): OpenAPIHono<AuthEnv> {
  const app = featureApp();
  const { handlers, bruteForce } = deps.auth;
  const context = (c: Context) => commandContext(c as Context<AuthEnv>, deps.clock, deps.ids);
  // commandContext reads the actor; before login the request speaks for nobody yet.
  const anonymous = (c: Context) => {
    (c as Context<AuthEnv>).set('actor', { id: 'anonymous', role: 'customer' });
    return context(c);
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      'x-public': 'login',
      summary: 'Log in with email and password',
      description:
        'Answers the tokens, or `{challenge: "totp", challengeToken}` when the account has a second factor (finish with POST /auth/login/totp). Unknown email and wrong password answer the same 401; repeated failures are slowed, then locked (429 with Retry-After).',
      tags,
      request: { body: jsonBody(z.object({ email: Email, password: Password }).openapi('Login')) },
      responses: {
        200: json('Logged in, or a second factor is needed', z.union([Tokens, Challenge])),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const where = seen(deps, c);
      const account = email.trim().toLowerCase();
      await deps.guards?.rateLimits?.enforce('login', { ip: where.ip, account });
      const verdict = await bruteForce?.check(where.ip, account);
      if (verdict && !verdict.allowed) throw tooMany(verdict.retryAfterSeconds);
      const outcome = await handlers.login({ email, password, ...where }, anonymous(c));
      if (outcome.outcome === 'refused') {
        await bruteForce?.recordFailure(where.ip, account);
        throw refused();
      }
      await bruteForce?.recordSuccess(where.ip, account);
      if (outcome.outcome === 'challenge') {
        return c.json({ challenge: 'totp' as const, challengeToken: outcome.challengeToken }, 200);
      }
      const { outcome: _, ...tokens } = outcome;
      return c.json(tokens, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login/totp',
      'x-public': 'login',
      summary: 'Finish a login with a TOTP code or a recovery code',
      tags,
      request: {
        body: jsonBody(z.object({ challengeToken: Text.max(4096), code: Code }).openapi('LoginSecondFactor')),
      },
      responses: { 200: json('Logged in', Tokens), ...errorResponses },
    }),
    async (c) => {
      const { challengeToken, code } = c.req.valid('json');
      const where = seen(deps, c);
      await deps.guards?.rateLimits?.enforce('2fa', { ip: where.ip });
      const verdict = await bruteForce?.check(where.ip, `2fa:${challengeToken.slice(-16)}`);
      if (verdict && !verdict.allowed) throw tooMany(verdict.retryAfterSeconds);
      try {
        const issued = await handlers.loginSecondFactor({ challengeToken, code, ...where }, anonymous(c));
        if (!issued)
          throw new Unauthenticated('invalid', 'The login challenge is invalid or expired; log in again.');
        return c.json(issued, 200);
      } catch (error) {
        await bruteForce?.recordFailure(where.ip, `2fa:${challengeToken.slice(-16)}`);
        throw error;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/refresh',
      'x-public': 'login',
      summary: 'Exchange a refresh token for a new pair (the old one is spent)',
      description:
        'A refresh token is good once. Presenting a spent one again revokes its whole session (every token of the family) and answers 401.',
      tags,
      request: { body: jsonBody(z.object({ refreshToken: Text.max(200) }).openapi('Refresh')) },
      responses: { 200: json('New tokens', Tokens), ...errorResponses },
    }),
    async (c) => {
      const where = seen(deps, c);
      await deps.guards?.rateLimits?.enforce('login', { ip: where.ip });
      const issued = await handlers.refresh(
        { refreshToken: c.req.valid('json').refreshToken, ...where },
        anonymous(c),
      );
      if (!issued) throw new Unauthenticated('invalid', 'The refresh token is not valid; log in again.');
      return c.json(issued, 200);
    },
  );
  return app;
}

/** Logout and step-up: a token, no Idempotency-Key (both are safe to repeat). */
export function authSessionRoutes(deps: WriteApiDeps & { auth: AuthRouteDeps }): OpenAPIHono<AuthEnv> {
  const app = featureApp();
  const { handlers } = deps.auth;
  const context = (c: Context<AuthEnv>) => commandContext(c, deps.clock, deps.ids);
  const sessionOf = (c: Context<AuthEnv>) => {
    const { sessionId } = c.var.actor;
    if (!sessionId) {
      throw new HttpProblem({
        status: 400,
        code: 'no_session',
        title: 'No session',
        detail: 'This token belongs to no login session (qm token, an outside provider).',
      });
    }
    return sessionId;
  };
  const signedIn = authenticate(deps.verifier);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      summary: "End this token's session (its refresh token too)",
      tags,
      ...permissionGuard('account:self', signedIn),
      responses: noContent,
    }),
    async (c) => {
      await handlers.logout(sessionOf(c), context(c));
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/step-up',
      summary: 'Pass a second factor now: a new access token for refunds and role changes',
      tags,
      ...permissionGuard('account:self', signedIn),
      request: { body: jsonBody(z.object({ code: Code }).openapi('StepUp')) },
      responses: {
        200: json('A fresh access token', z.object({ accessToken: z.string(), expiresIn: z.number().int() })),
        ...errorResponses,
      },
    }),
    async (c) => {
      const where = seen(deps, c);
      await deps.guards?.rateLimits?.enforce('2fa', { ip: where.ip, account: c.var.actor.id });
      const actor = { id: c.var.actor.id, sessionId: sessionOf(c) };
      return c.json(await handlers.stepUp(actor, c.req.valid('json').code, where, context(c)), 200);
    },
  );
  return app;
}

/** One's own second factor and sessions, and an admin ending a staff member's: behind the API's token and key. */
export function accountSecurityRoutes(deps: WriteApiDeps & { auth: AuthRouteDeps }) {
  const app = featureApp();
  const { handlers } = deps.auth;
  const context = (c: Context<AuthEnv>) => commandContext(c, deps.clock, deps.ids);
  const CodeBody = jsonBody(z.object({ code: Code }).openapi('SecondFactorCode'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/2fa/totp',
      summary: 'Start TOTP enrolment: a secret and its otpauth:// URI (confirm with a code)',
      tags,
      ...guarded('account:2fa'),
      request: { headers: idempotencyHeader },
      responses: {
        200: json(
          'Scan the URI',
          z.object({ secret: z.string(), provisioningUri: z.string() }).openapi('TotpEnrolment'),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await handlers.startTotp(c.var.actor.id, c.var.actor.id, context(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/2fa/totp/confirm',
      summary: 'Confirm TOTP with a code: answers 10 single-use recovery codes, once',
      tags,
      ...guarded('account:2fa'),
      request: { headers: idempotencyHeader, body: CodeBody },
      responses: {
        200: json('Enabled', z.object({ recoveryCodes: z.array(z.string()) })),
        ...errorResponses,
      },
    }),
    async (c) => {
      await deps.guards?.rateLimits?.enforce('2fa', { account: c.var.actor.id });
      return c.json(
        await handlers.confirmTotp(c.var.actor.id, c.req.valid('json').code, seen(deps, c), context(c)),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/2fa/totp/disable',
      summary: 'Turn TOTP off (needs a current code or a recovery code)',
      tags,
      ...guarded('account:2fa'),
      request: { headers: idempotencyHeader, body: CodeBody },
      responses: noContent,
    }),
    async (c) => {
      await deps.guards?.rateLimits?.enforce('2fa', { account: c.var.actor.id });
      await handlers.disableTotp(c.var.actor.id, c.req.valid('json').code, seen(deps, c), context(c));
      return c.body(null, 204);
    },
  );
  const SessionList = z
    .object({
      sessions: z.array(
        z.object({
          sessionId: z.string(),
          userAgent: z
            .string()
            .openapi({ description: 'The device: its browser or app, as it named itself' }),
          ip: z.string(),
          startedAt: z.string().openapi({ description: 'When the login happened' }),
          lastSeenAt: z.string().openapi({ description: 'The last login or refresh' }),
          current: z.boolean().openapi({ description: "The session of this request's token" }),
        }),
      ),
    })
    .openapi('SessionList');
  const listed = async (accountId: string, currentSessionId: string | undefined) => ({
    sessions: (await handlers.listSessions(accountId)).map((session) => ({
      ...session,
      current: session.sessionId === currentSessionId,
    })),
  });
  // Read from the session streams, not a read model: a session revoked a moment ago is gone from the list.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/sessions',
      summary: 'My active sessions, newest first (device, IP, started, last seen, current)',
      tags,
      ...guarded('account:self'),
      responses: { 200: json('Active sessions', SessionList), ...errorResponses },
    }),
    async (c) => c.json(await listed(c.var.actor.id, c.var.actor.sessionId), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/{staffId}/sessions',
      summary: "A staff member's active sessions, newest first",
      tags,
      ...guarded('staff:manage'),
      request: { params: z.object({ staffId: Id }) },
      responses: { 200: json('Active sessions', SessionList), ...errorResponses },
    }),
    async (c) => c.json(await listed(c.req.valid('param').staffId, c.var.actor.sessionId), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/me/sessions/{sessionId}',
      summary: 'Revoke one of my sessions',
      tags,
      ...guarded('account:self'),
      request: { params: z.object({ sessionId: Id }) },
      responses: noContent,
    }),
    async (c) => {
      await handlers.revokeOwnSession(c.var.actor.id, c.req.valid('param').sessionId, context(c));
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/sessions/revoke-all',
      summary: 'Log out everywhere: revoke every session of mine',
      tags,
      ...guarded('account:self'),
      request: { headers: idempotencyHeader },
      responses: { 200: json('Revoked', z.object({ revoked: z.number().int() })), ...errorResponses },
    }),
    async (c) => c.json(await handlers.revokeAllSessions(c.var.actor.id, false, context(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/staff/{staffId}/sessions/revoke-all',
      summary: 'Revoke every session of a staff member',
      tags,
      ...guarded('staff:manage'),
      request: { headers: idempotencyHeader, params: z.object({ staffId: Id }) },
      responses: { 200: json('Revoked', z.object({ revoked: z.number().int() })), ...errorResponses },
    }),
    async (c) =>
      c.json(await handlers.revokeAllSessions(c.req.valid('param').staffId, true, context(c)), 200),
  );
  return app;
}

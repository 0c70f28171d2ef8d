import {
  accountSecurityDecider,
  RECOVERY_CODE_COUNT,
  SecondFactorRefused,
  type AccountSecurityCommand,
  type AccountSecurityState,
  type LoginMethod,
  type SecondFactorProof,
  type SecondFactorPurpose,
} from '../../domain/account-security/index.ts';
import type { Decider, DomainEvent } from '../../domain/decider.ts';
import {
  sessionDecider,
  SessionNotFound,
  type SessionCommand,
  type SessionRevocationReason,
  type SessionState,
} from '../../domain/sessions/index.ts';
import { accountSecurityStream, sessionStream } from '../../domain/streams.ts';
import type { AccountSecrets } from '../../ports/account-secrets.ts';
import type { LoginAccount, LoginAccounts } from '../../ports/login-accounts.ts';
import type { SessionRevocations, SessionTokens } from '../../ports/session-tokens.ts';
import type { Totp } from '../../ports/totp.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';

export interface AuthDeps {
  runtime: CommandRuntime;
  accounts: LoginAccounts;
  secrets: AccountSecrets;
  tokens: SessionTokens;
  totp: Totp;
  revocations: SessionRevocations;
  settings: {
    /** Roles that must have a second factor (`QM_REQUIRE_2FA_ROLES`): without one, enrolment only. */
    requireSecondFactorRoles: readonly string[];
    /** How long an access token lives (seconds): a revoked session stays listed that long. */
    accessTtlSeconds: number;
    /** Name shown in authenticator apps (`issuer` of the otpauth URI). */
    totpIssuer: string;
  };
}

/** Where a request came from: recorded with every login activity event. */
export interface Seen {
  ip: string;
  userAgent: string;
}

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionId: string;
}

export type LoginOutcome =
  | ({ outcome: 'tokens' } & IssuedSession)
  | { outcome: 'challenge'; challengeToken: string }
  /** Wrong email or password: the same for both. `accountId` for the brute-force count, when known. */
  | { outcome: 'refused'; accountId: string | null };

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * Login, refresh, logout, sessions and the TOTP second factor. A session is a `session-{id}`
 * stream; the account's second factor and activity are its `auth-{accountId}` stream. Every
 * revocation is announced on `revocations`, so API processes refuse the session's access tokens
 * within seconds rather than when they expire.
 */
export function authHandlers(deps: AuthDeps) {
  const { runtime, accounts, secrets, tokens, totp, revocations, settings } = deps;
  let decoy: Promise<string> | undefined;

  const loadState = async <S>(decider: Decider<never, DomainEvent, S>, stream: string) =>
    (
      await loadAggregate(
        runtime.store,
        decider as unknown as Decider<unknown, DomainEvent, S>,
        stream,
        runtime.cache,
        false,
        runtime.upcasters,
      )
    ).state;
  const security = (accountId: string) =>
    loadState<AccountSecurityState>(accountSecurityDecider, accountSecurityStream(accountId));
  const session = (sessionId: string) => loadState<SessionState>(sessionDecider, sessionStream(sessionId));
  const onSecurity = (accountId: string, command: AccountSecurityCommand, context: CommandContext) =>
    handleCommand(runtime, accountSecurityDecider, accountSecurityStream(accountId), command, context);
  const onSession = (sessionId: string, command: SessionCommand, context: CommandContext) =>
    handleCommand(runtime, sessionDecider, sessionStream(sessionId), command, context);

  const mustEnrol = (account: LoginAccount, state: AccountSecurityState) =>
    state.totp.status !== 'enabled' &&
    [account.role, ...account.roles].some((role) => settings.requireSecondFactorRoles.includes(role));

  const access = (
    account: LoginAccount,
    sessionId: string,
    secondFactorAt: string | null,
    enrolOnly: boolean,
  ) =>
    tokens.issueAccess({
      accountId: account.accountId,
      role: account.role,
      roles: account.roles,
      sessionId,
      secondFactorAt: secondFactorAt === null ? null : seconds(secondFactorAt),
      enrolOnly,
    });

  async function startSession(
    account: LoginAccount,
    state: AccountSecurityState,
    methods: LoginMethod[],
    seen: Seen,
    context: CommandContext,
  ): Promise<IssuedSession> {
    const sessionId = runtime.ids.newId();
    const refresh = tokens.newRefreshToken(sessionId);
    const secondFactorAt = methods.length > 1 ? context.now : null;
    const expiresAt = new Date(Date.parse(context.now) + tokens.refreshLifetimeSeconds * 1000).toISOString();
    const as = accountContext(context, account);
    await onSession(
      sessionId,
      {
        type: 'StartSession',
        data: {
          sessionId,
          accountId: account.accountId,
          role: account.role,
          roles: account.roles,
          refreshHash: refresh.hash,
          expiresAt,
          secondFactorAt,
          ...seen,
          at: context.now,
        },
      },
      as,
    );
    await onSecurity(
      account.accountId,
      {
        type: 'RecordLogin',
        data: { accountId: account.accountId, sessionId, methods, ...seen, now: context.now },
      },
      as,
    );
    const issued = await access(account, sessionId, secondFactorAt, mustEnrol(account, state));
    return { accessToken: issued.token, expiresIn: issued.expiresIn, refreshToken: refresh.token, sessionId };
  }

  /** Checks a code against the account's factor, records the outcome, refuses a wrong one. */
  async function verifySecondFactor(
    accountId: string,
    purpose: SecondFactorPurpose,
    code: string,
    seen: Seen,
    context: CommandContext,
  ): Promise<SecondFactorProof> {
    const state = await security(accountId);
    if (state.totp.status !== 'enabled') throw new SecondFactorRefused(accountId);
    const proof = proofOf(state.totp.secret, code, Date.parse(context.now));
    const command: AccountSecurityCommand =
      purpose === 'disable'
        ? { type: 'DisableTotp', data: { accountId, proof, ...seen, now: context.now } }
        : { type: 'VerifySecondFactor', data: { accountId, purpose, proof, ...seen, now: context.now } };
    const outcome = await onSecurity(accountId, command, context);
    if (outcome.events.some((event) => event.type === 'SecondFactorFailed')) {
      throw new SecondFactorRefused(accountId);
    }
    return proof;
  }

  const proofOf = (secret: string, code: string, nowMs: number): SecondFactorProof =>
    /^\d{6}$/.test(code.trim())
      ? { kind: 'totp', step: totp.matchStep(secret, code.trim(), nowMs) }
      : { kind: 'recovery-code', hash: totp.hashRecoveryCode(code) };

  async function revoke(sessionId: string, reason: SessionRevocationReason, context: CommandContext) {
    const outcome = await onSession(
      sessionId,
      { type: 'RevokeSession', data: { sessionId, reason, now: context.now } },
      context,
    );
    await announce(sessionId, context);
    return outcome;
  }
  const announce = (sessionId: string, context: CommandContext) =>
    revocations.revoke(sessionId, Date.parse(context.now) + (settings.accessTtlSeconds + 60) * 1000);

  async function revokeAll(
    accountId: string,
    byAdmin: boolean,
    context: CommandContext,
    reason: SessionRevocationReason = byAdmin ? 'admin' : 'revoked-all',
  ) {
    const { sessionIds } = await security(accountId);
    for (const sessionId of sessionIds) await revoke(sessionId, reason, context);
    await onSecurity(
      accountId,
      { type: 'RecordSessionsRevoked', data: { accountId, sessionIds, byAdmin, now: context.now } },
      context,
    );
    return { revoked: sessionIds.length };
  }

  return {
    async login(
      input: { email: string; password: string } & Seen,
      context: CommandContext,
    ): Promise<LoginOutcome> {
      const { email, password, ...seen } = input;
      const account = await accounts.byEmail(email);
      if (!account) {
        // As slow as a known email, so timing tells no one which emails have accounts.
        decoy ??= secrets.hashPassword(`decoy-${runtime.ids.newId()}`);
        await secrets.verifyPassword(password, await decoy);
        return { outcome: 'refused', accountId: null };
      }
      const as = accountContext(context, account);
      if (!(await secrets.verifyPassword(password, account.passwordHash))) {
        await onSecurity(
          account.accountId,
          {
            type: 'RecordLoginFailure',
            data: { accountId: account.accountId, reason: 'password', ...seen, now: context.now },
          },
          as,
        );
        return { outcome: 'refused', accountId: account.accountId };
      }
      const state = await security(account.accountId);
      if (state.totp.status === 'enabled') {
        return {
          outcome: 'challenge',
          challengeToken: await tokens.issueChallenge(account.accountId, account.kind),
        };
      }
      return { outcome: 'tokens', ...(await startSession(account, state, ['password'], seen, context)) };
    },

    /** Finishes a login that answered a challenge, with a TOTP code or a recovery code. */
    async loginSecondFactor(
      input: { challengeToken: string; code: string } & Seen,
      context: CommandContext,
    ): Promise<IssuedSession | null> {
      const { challengeToken, code, ...seen } = input;
      const challenge = await tokens.readChallenge(challengeToken);
      const account = challenge && (await accounts.byId(challenge.accountId, challenge.kind));
      if (!account) return null;
      const as = accountContext(context, account);
      const proof = await verifySecondFactor(account.accountId, 'login', code, seen, as);
      const state = await security(account.accountId);
      return startSession(
        account,
        state,
        ['password', proof.kind === 'totp' ? 'totp' : 'recovery-code'],
        seen,
        as,
      );
    },

    /**
     * Rotates the refresh token: a new pair, the old token spent. A spent token presented again
     * revokes its whole session (the family): null either way the refresh is refused.
     */
    async refresh(
      input: { refreshToken: string } & Seen,
      context: CommandContext,
    ): Promise<IssuedSession | null> {
      const { refreshToken, ...seen } = input;
      const presented = tokens.readRefreshToken(refreshToken);
      if (!presented) return null;
      const { sessionId } = presented;
      const before = await session(sessionId);
      if (before.status === 'absent') return null;
      const account = await accounts.byId(
        before.accountId,
        before.role === 'customer' ? 'customer' : 'staff',
      );
      const as = { ...context, actor: { id: before.accountId, role: before.role as 'customer' } };
      const next = tokens.newRefreshToken(sessionId);
      let outcome;
      try {
        outcome = await onSession(
          sessionId,
          {
            type: 'RefreshSession',
            data: {
              sessionId,
              presentedHash: presented.hash,
              refreshHash: next.hash,
              ...seen,
              now: context.now,
            },
          },
          as,
        );
      } catch (error) {
        if (error instanceof Error && error.name === 'RefreshRefused') return null;
        throw error;
      }
      if (outcome.events.some((event) => event.type === 'RefreshTokenReused')) {
        await announce(sessionId, context);
        return null;
      }
      if (!account) {
        await revoke(sessionId, 'revoked', as);
        return null;
      }
      const state = outcome.state;
      if (state.status === 'absent') return null;
      const issued = await access(
        account,
        sessionId,
        state.secondFactorAt,
        mustEnrol(account, await security(account.accountId)),
      );
      return { accessToken: issued.token, expiresIn: issued.expiresIn, refreshToken: next.token, sessionId };
    },

    logout: (sessionId: string, context: CommandContext) => revoke(sessionId, 'logout', context),

    /** Revokes one of the caller's own sessions; another account's answers as missing. */
    async revokeOwnSession(accountId: string, sessionId: string, context: CommandContext) {
      const state = await session(sessionId);
      if (state.status === 'absent' || state.accountId !== accountId) throw new SessionNotFound(sessionId);
      return revoke(sessionId, 'revoked', context);
    },

    /** "Log out everywhere"; `byAdmin` when an admin ends a staff member's sessions. */
    revokeAllSessions: (accountId: string, byAdmin: boolean, context: CommandContext) =>
      revokeAll(accountId, byAdmin, context),

    /** A password was reset: every session of the account ends (whoever knew the old one may hold one). */
    revokeAfterPasswordReset: (accountId: string, context: CommandContext) =>
      revokeAll(accountId, false, context, 'password-reset'),

    /** A new TOTP secret (pending until confirmed with a code), and its provisioning URI. */
    async startTotp(accountId: string, label: string, context: CommandContext) {
      const secret = totp.newSecret();
      await onSecurity(
        accountId,
        { type: 'StartTotpEnrolment', data: { accountId, secret, now: context.now } },
        context,
      );
      return { secret, provisioningUri: totp.provisioningUri(secret, label) };
    },

    /** Confirms the pending secret with a code; answers the recovery codes, once. */
    async confirmTotp(accountId: string, code: string, seen: Seen, context: CommandContext) {
      const state = await security(accountId);
      const step =
        state.totp.status === 'pending'
          ? totp.matchStep(state.totp.secret, code.trim(), Date.parse(context.now))
          : null;
      const recovery = totp.newRecoveryCodes(RECOVERY_CODE_COUNT);
      const outcome = await onSecurity(
        accountId,
        {
          type: 'ConfirmTotp',
          data: { accountId, step, recoveryCodeHashes: recovery.hashes, ...seen, now: context.now },
        },
        context,
      );
      if (!outcome.events.some((event) => event.type === 'TotpEnabled'))
        throw new SecondFactorRefused(accountId);
      return { recoveryCodes: recovery.codes };
    },

    disableTotp: (accountId: string, code: string, seen: Seen, context: CommandContext) =>
      verifySecondFactor(accountId, 'disable', code, seen, context),

    /**
     * Step-up: a second factor now, recorded on the session, and a fresh access token whose
     * `amr_at` says so (refunds and role changes need one within `QM_STEP_UP_MINUTES`).
     */
    async stepUp(
      actor: { id: string; sessionId: string },
      code: string,
      seen: Seen,
      context: CommandContext,
    ): Promise<{ accessToken: string; expiresIn: number }> {
      const state = await session(actor.sessionId);
      if (state.status !== 'active' || state.accountId !== actor.id)
        throw new SessionNotFound(actor.sessionId);
      await verifySecondFactor(actor.id, 'step-up', code, seen, context);
      await onSession(
        actor.sessionId,
        { type: 'PassSecondFactor', data: { sessionId: actor.sessionId, now: context.now } },
        context,
      );
      const account = await accounts.byId(actor.id, state.role === 'customer' ? 'customer' : 'staff');
      if (!account) throw new SessionNotFound(actor.sessionId);
      const issued = await access(account, actor.sessionId, context.now, false);
      return { accessToken: issued.token, expiresIn: issued.expiresIn };
    },

    /** The sessions of an account, newest first, for `GET /me/sessions`. */
    async listSessions(accountId: string) {
      const { sessionIds } = await security(accountId);
      const states = await Promise.all(sessionIds.map(async (id) => ({ id, state: await session(id) })));
      return states
        .flatMap(({ id, state }) =>
          state.status === 'active'
            ? [
                {
                  sessionId: id,
                  ip: state.ip,
                  userAgent: state.userAgent,
                  startedAt: state.startedAt,
                  lastSeenAt: state.lastSeenAt,
                },
              ]
            : [],
        )
        .reverse();
    },
  };
}

/** Login events are the account's own doing, whoever's request carried them. */
function accountContext(context: CommandContext, account: LoginAccount): CommandContext {
  return { ...context, actor: { id: account.accountId, role: account.role } };
}

export type AuthHandlers = ReturnType<typeof authHandlers>;

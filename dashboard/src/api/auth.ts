import { commandFetch } from './command-fetch.ts';
import { loadSession, saveSession, type Session } from './session.ts';

/**
 * The login contract of the command API (docs/dashboard.md): `POST /auth/login` answers the token
 * pair, or a TOTP challenge answered at `POST /auth/login/totp`; `POST /auth/refresh` rotates the
 * refresh token; `POST /auth/logout` ends the session. Typed here by hand until the routes are in
 * the OpenAPI document the client types are generated from.
 */
interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionId?: string;
}

export type LoginResult = { kind: 'signed-in' } | { kind: 'totp'; challengeToken: string };

function store(pair: TokenPair): void {
  saveSession({
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    expiresAt: Date.now() + pair.expiresIn * 1000,
  });
}

const post = async <T>(path: string, body: unknown): Promise<T> =>
  (await (await commandFetch(path, { method: 'POST', body: JSON.stringify(body) })).json()) as T;

export async function login(email: string, password: string): Promise<LoginResult> {
  const answer = await post<TokenPair | { challenge: 'totp'; challengeToken: string }>('/auth/login', {
    email,
    password,
  });
  if ('challenge' in answer) return { kind: 'totp', challengeToken: answer.challengeToken };
  store(answer);
  return { kind: 'signed-in' };
}

export async function answerTotp(challengeToken: string, code: string): Promise<void> {
  store(await post<TokenPair>('/auth/login/totp', { challengeToken, code }));
}

let refreshing: Promise<void> | undefined;

/** Rotates the refresh token a minute before the access token expires; one refresh at a time. */
export function refreshIfDue(): Promise<void> {
  const session = loadSession();
  if (!session?.refreshToken || session.expiresAt - Date.now() > 60_000) return Promise.resolve();
  refreshing ??= post<TokenPair>('/auth/refresh', { refreshToken: session.refreshToken })
    .then(store)
    .catch(() => saveSession(null))
    .finally(() => (refreshing = undefined));
  return refreshing;
}

/**
 * Passes a second factor now (`POST /auth/step-up`): the command API answers a fresh access token
 * for the actions that demand one (refunds, role changes), which replaces the session's. The
 * refresh token stays as it is.
 */
export async function stepUp(code: string): Promise<void> {
  const session = loadSession();
  if (!session) throw new Error('Sign in first.');
  const answer = await commandFetch('/auth/step-up', {
    method: 'POST',
    body: JSON.stringify({ code }),
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  const fresh = (await answer.json()) as { accessToken: string; expiresIn: number };
  saveSession({ ...session, accessToken: fresh.accessToken, expiresAt: Date.now() + fresh.expiresIn * 1000 });
}

export async function logout(session: Session | null): Promise<void> {
  if (session?.refreshToken) {
    await commandFetch('/auth/logout', {
      method: 'POST',
      body: JSON.stringify({ refreshToken: session.refreshToken }),
      headers: { authorization: `Bearer ${session.accessToken}` },
    }).catch(() => undefined);
  }
  saveSession(null);
}

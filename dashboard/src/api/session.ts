import { builtInGrants, isBuiltInRole, type Permission } from '../../../domain/access/permissions.ts';

/**
 * The signed-in session: an access token (from the login, or pasted: `qm token`, an outside identity
 * provider), and with a login its refresh token. Kept in sessionStorage, so a tab's sign-in ends
 * with the tab and is never shared with another site.
 */
export interface Session {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms after which the access token is refused; refreshed a little before when possible. */
  expiresAt: number;
}

export interface Claims {
  sub: string;
  role: string;
  roles?: string[];
  exp?: number;
}

const KEY = 'qm.dashboard.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener(session);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The token's payload, read without verifying it: the APIs verify; the app only adapts its menus. */
export function decodeClaims(token: string): Claims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replaceAll('-', '+').replaceAll('_', '/'));
    const claims = JSON.parse(json) as Partial<Claims>;
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return null;
    return claims as Claims;
  } catch {
    return null;
  }
}

/** A session from a pasted token; null when it is not a JWT with `sub`, `role` and a future `exp`. */
export function sessionFromToken(token: string): Session | null {
  const trimmed = token.trim();
  const claims = decodeClaims(trimmed);
  if (!claims) return null;
  const expiresAt = claims.exp ? claims.exp * 1000 : Date.now() + 15 * 60_000;
  if (expiresAt <= Date.now()) return null;
  return { accessToken: trimmed, refreshToken: null, expiresAt };
}

/**
 * What the menus may offer: the built-in grants of the token's roles (domain/access/permissions.ts,
 * the table the APIs check). A custom role's grants live on the server, so a token naming one is
 * shown every page and the API's 403 answers in plain words where it may not go.
 */
export function permissionsOf(claims: Claims): { has(permission: Permission): boolean } {
  const names = claims.roles ?? [claims.role];
  if (names.some((name) => !isBuiltInRole(name))) return { has: () => true };
  const granted = new Set<Permission>();
  for (const name of names) if (isBuiltInRole(name)) for (const p of builtInGrants[name]) granted.add(p);
  return { has: (permission) => granted.has(permission) };
}

import type { Permission } from '../../domain/access/permissions.ts';

/**
 * The kinds of caller a token can name. `system` (process managers, schedulers) is never granted
 * by a token. What a caller may do is its permissions (`infra/auth/grants.ts`), never this name.
 */
export const roles = ['customer', 'staff', 'admin'] as const;

export type Role = (typeof roles)[number];

/** Who is calling: the token's subject and role. Every event the request appends records both. */
export interface Actor {
  id: string;
  role: Role;
  /**
   * The roles an account carries (`roles` claim of tokens this server mints): built-in names and
   * custom roles. Absent for tokens from `qm token` or an outside provider, which grant `role`'s.
   */
  roles?: readonly string[];
  /** The login session the token belongs to (`sid`), checked against the revocation list. */
  sessionId?: string;
  /** When the session last passed a second factor (`amr_at`, seconds), for step-up checks. */
  secondFactorAt?: number;
  /**
   * The token allows second-factor enrolment only (`scope: "2fa-enrol"`): the account's roles need
   * 2FA (`QM_REQUIRE_2FA_ROLES`) and it has none yet.
   */
  enrolOnly?: boolean;
  /** Resolved by `withGrants` when the verifier knows the custom roles; else from `role`/`roles`. */
  permissions?: ReadonlySet<Permission>;
}

/** Turns a bearer token into the actor it vouches for, or throws `Unauthenticated` (401, or 503). */
export type TokenVerifier = (token: string) => Promise<Actor>;

/** Hono environment of routes behind `authenticate`: `c.var.actor` is the verified caller. */
export interface AuthEnv {
  Variables: { actor: Actor };
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** The roles a token can grant. `system` (process managers, schedulers) is never granted by a token. */
export const roles = ['customer', 'staff', 'admin'] as const;

export type Role = (typeof roles)[number];

/** Who is calling: the token's subject and role. Every event the request appends records it. */
export interface Actor {
  id: string;
  role: Role;
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

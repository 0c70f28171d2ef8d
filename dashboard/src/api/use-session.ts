import { useEffect, useState } from 'react';
import { decodeClaims, loadSession, onSessionChange, permissionsOf, type Session } from './session.ts';

/** The session, its claims and permissions, kept current when it changes (sign-in, refresh, sign-out). */
export function useSession() {
  const [session, setSession] = useState<Session | null>(loadSession);
  useEffect(() => onSessionChange(setSession), []);
  const claims = session ? decodeClaims(session.accessToken) : null;
  return { session, claims, can: claims ? permissionsOf(claims) : { has: () => false } };
}

const unitSeconds = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * Reads a token lifetime such as `90s`, `15m`, `8h`, `7d` (a bare number is seconds). Parsed here
 * rather than by jose so that expiry is computed from the caller's clock, which tests control.
 */
export function parseTtl(ttl: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(ttl.trim());
  const amount = match ? Number(match[1]) : NaN;
  if (!match || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new Error(`Invalid token lifetime "${ttl}": use a positive number with s, m, h or d (e.g. 8h).`);
  }
  const unit = (match[2] || 's') as keyof typeof unitSeconds;
  return amount * unitSeconds[unit];
}

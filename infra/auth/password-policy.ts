import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * What a new password must be (NIST SP 800-63B §5.1.1.2): long enough, not too long to hash, and
 * not on a list of commonly used passwords. No composition rules (they make passwords no stronger
 * and push users to predictable patterns).
 *
 * The list is the 49,233 "passwords-common" of `@zxcvbn-ts/language-common` (MIT), compared
 * case-insensitively.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const common = new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));

export type PasswordRefusal = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** Why `password` may not be used, or null when it may. Length counts characters, not bytes. */
export function passwordRefusal(
  password: string,
  options: { email?: string; minLength?: number } = {},
): PasswordRefusal | null {
  const length = [...password].length;
  if (length < (options.minLength ?? PASSWORD_MIN_LENGTH)) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'common';
  const local = options.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'contains_email';
  return null;
}

export const passwordRefusalText: Record<PasswordRefusal, string> = {
  too_short: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
  common: 'is on a list of commonly used passwords; choose another',
  contains_email: 'must not contain the email address',
};

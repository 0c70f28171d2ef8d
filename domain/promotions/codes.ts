import { ValidationFailed } from '../errors.ts';

const CODE = /^[A-Z0-9][A-Z0-9_-]{2,39}$/;

/**
 * Codes are case-insensitive: `summer20`, ` Summer20 ` and `SUMMER20` are one code. The normal form
 * (trimmed, upper case, 3 to 40 of A-Z 0-9 _ -) names the code's claim stream, so two spellings can
 * never be claimed as two codes.
 */
export function normalizeCode(field: string, code: string): string {
  const normal = code.trim().toUpperCase();
  if (!CODE.test(normal))
    throw new ValidationFailed(
      field,
      'must be 3 to 40 characters of A-Z 0-9 _ -, starting with a letter or digit',
    );
  return normal;
}

/** The normal form, or null for a string that cannot be a code (a buyer's typo is not an error). */
export function codeOrNull(code: string): string | null {
  const normal = code.trim().toUpperCase();
  return CODE.test(normal) ? normal : null;
}

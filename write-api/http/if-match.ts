import { HttpProblem } from '../../infra/http/problem.ts';

/**
 * The stream revision an admin edited from, from `If-Match: "3"` (the ETag we sent) or `3`.
 * Absent means "whatever is current"; anything else is a 400 naming the header.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) {
    throw new HttpProblem({
      status: 400,
      code: 'invalid_if_match',
      title: 'Invalid If-Match',
      detail: 'If-Match must be the ETag a previous answer gave, such as "3".',
      extensions: { errors: [{ path: 'header.if-match', message: 'must be a revision such as "3"' }] },
    });
  }
  return Number(match[1]);
}

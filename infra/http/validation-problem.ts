import { HttpProblem, type FieldError } from './problem.ts';

/** The part of a zod issue this module reads, so both zod classic and core errors fit. */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** Where validated input came from: Hono's validation targets. */
export type InputTarget = 'json' | 'form' | 'query' | 'param' | 'header' | 'cookie';

/**
 * Writes an issue path the way clients write field access: `lines[0].quantity`. Input other than
 * the body is prefixed with where it came from (`query.limit`, `param.id`, `header.if-match`), so
 * a body field and a query parameter of the same name are never confused.
 */
export function formatIssuePath(path: readonly PropertyKey[], target?: InputTarget): string {
  const isBody = target === 'json' || target === 'form';
  let out = target === undefined || isBody ? '' : target;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  // A failure of the whole input (wrong type, missing body) has an empty path: name the input.
  if (out === '' && isBody) return 'body';
  return out;
}

/** One field error per issue. */
export function fieldErrors(issues: readonly IssueLike[], target?: InputTarget): FieldError[] {
  return issues.map((issue) => ({ path: formatIssuePath(issue.path, target), message: issue.message }));
}

/** The 400 problem for input that failed validation, naming every bad field. */
export function validationProblem(errors: readonly FieldError[]): HttpProblem {
  const summary = errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message));
  return new HttpProblem({
    status: 400,
    code: 'validation_failed',
    title: 'Invalid request',
    detail: summary.join('; ') || 'The request is invalid.',
    extensions: { errors: errors.map((error) => ({ path: error.path, message: error.message })) },
  });
}

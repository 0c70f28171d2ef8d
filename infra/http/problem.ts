/** The media type of every error answer (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** JSON a problem may carry as an extension member: only values that survive `JSON.stringify`. */
export type ProblemValue =
  null | boolean | number | string | readonly ProblemValue[] | { readonly [key: string]: ProblemValue };

/** One field that failed validation: `path` as `lines[0].quantity`, `message` for people. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * An RFC 9457 problem details document. Besides the standard members it always carries `code`, a
 * stable snake_case identifier clients match on (the `type` URI is derived from it), plus any
 * extension members (`errors`, `stream`, `details`...).
 */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  [extension: string]: ProblemValue | undefined;
}

/** The `type` URI of a problem code. A URN: stable, and never mistaken for a page to fetch. */
export function problemType(code: string): string {
  return `urn:quartermaster:problem:${code}`;
}

export interface HttpProblemInit {
  status: number;
  /** Stable snake_case identifier; becomes the `type` URI and the `code` member. */
  code: string;
  /** Short summary of the problem type; the same for every occurrence of `code`. */
  title: string;
  /** What went wrong this time, for people. */
  detail?: string;
  /** Extra members of the body. Standard members (`type`, `status`...) cannot be overridden. */
  extensions?: Record<string, ProblemValue>;
  /** Extra response headers (`WWW-Authenticate`, `Retry-After`...). */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An error that already knows its HTTP answer. Throw it anywhere in a request (middleware, handler)
 * and the edge's error handler turns it into a problem+json response with this status.
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly extensions: Record<string, ProblemValue>;
  readonly headers: Record<string, string>;

  constructor(init: HttpProblemInit) {
    super(init.detail ?? init.title, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.extensions = init.extensions ?? {};
    this.headers = init.headers ?? {};
  }

  /** The body this problem answers with; `instance` identifies the request (its path). */
  toDocument(instance?: string): ProblemDocument {
    return {
      ...this.extensions,
      type: problemType(this.code),
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(instance === undefined ? {} : { instance }),
      code: this.code,
    };
  }
}

/** A problem+json response for `problem`, with its headers. */
export function problemResponse(problem: HttpProblem, instance?: string): Response {
  return new Response(JSON.stringify(problem.toDocument(instance)), {
    status: problem.status,
    headers: { ...problem.headers, 'Content-Type': PROBLEM_CONTENT_TYPE },
  });
}

import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { Logger } from '../logging/logger.ts';
import { isOutage } from './outage.ts';
import { HttpProblem, problemResponse } from './problem.ts';
import { fieldErrors, validationProblem } from './validation-problem.ts';

/** The generic 500: says nothing about the cause, which goes to the log instead. */
export function internalError(cause?: unknown): HttpProblem {
  return new HttpProblem({
    status: 500,
    code: 'internal_error',
    title: 'Internal server error',
    detail: 'The server failed to handle the request. It has been logged; try again later.',
    cause,
  });
}

/**
 * What an error nobody recognised answers with: 503 with Retry-After when a backing service was
 * unavailable (the request can be retried as it is), else the generic 500.
 */
export function serverError(cause: unknown): HttpProblem {
  if (!isOutage(cause)) return internalError(cause);
  return new HttpProblem({
    status: 503,
    code: 'service_unavailable',
    title: 'Service unavailable',
    detail:
      'A service behind this API is busy or unreachable. Retry after the delay, with the same Idempotency-Key for a command.',
    headers: { 'Retry-After': '1' },
    cause,
  });
}

/**
 * Maps an error thrown while serving a read request to the problem it answers with. Problems answer
 * as themselves; zod errors are 400s naming each field; Hono's HTTP errors keep their 4xx status;
 * anything else is an outage (503) or a bug (a generic 500), whose cause is logged, never shown.
 */
export function translateReadError(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof z.core.$ZodError) return validationProblem(fieldErrors(error.issues));
  if (error instanceof HTTPException && error.status < 500) {
    return new HttpProblem({
      status: error.status,
      code: error.status === 404 ? 'not_found' : 'bad_request',
      title: error.status === 404 ? 'Not found' : 'Bad request',
      detail: error.message || 'The request was refused.',
      cause: error,
    });
  }
  return serverError(error);
}

export interface ErrorHandlerOptions {
  /** Where 5xx causes go. Clients never see them, so without a log they would be lost. */
  log: Pick<Logger, 'error'>;
}

/**
 * An `app.onError` handler that answers every error with the RFC 9457 problem+json `translate`
 * maps it to, and logs 5xx causes with their stack (clients only see a generic detail). Both APIs
 * build theirs on it, each with its own translation.
 */
export function problemErrorHandler(
  translate: (error: unknown, c: Context) => HttpProblem,
  options: ErrorHandlerOptions,
): ErrorHandler {
  return (error, c) => {
    // Hono's own middleware (the timeout) can only throw an HTTPException: ours carry their problem.
    const problem =
      error instanceof HTTPException && error.cause instanceof HttpProblem
        ? error.cause
        : translate(error, c);
    if (problem.status >= 500) {
      const cause = problem.cause ?? error;
      options.log.error({ err: cause, method: c.req.method, path: c.req.path }, 'request failed');
    }
    return problemResponse(problem, c.req.path);
  };
}

/** The read API's one error translation point: `app.onError(readErrorHandler({ log }))`. */
export function readErrorHandler(options: ErrorHandlerOptions): ErrorHandler {
  return problemErrorHandler(translateReadError, options);
}

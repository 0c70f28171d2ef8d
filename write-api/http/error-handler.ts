import type { ErrorHandler, NotFoundHandler } from 'hono';
import type { Logger } from '../../infra/logging/logger.ts';
import { HttpProblem, problemResponse } from '../../infra/http/problem.ts';
import { translateError } from './translate-error.ts';

export interface ErrorHandlerOptions {
  /** Where 5xx causes go. Clients never see them, so without a log they would be lost. */
  log: Pick<Logger, 'error'>;
}

/**
 * The edge's one error translation point: `app.onError(errorHandler({ log }))`. Every error a
 * handler or middleware throws becomes an RFC 9457 problem+json answer (see `translateError` for
 * the mapping). 5xx answers carry a generic detail; the error itself, with its stack, is logged.
 */
export function errorHandler(options: ErrorHandlerOptions): ErrorHandler {
  return (error, c) => {
    const problem = translateError(error, { contentType: c.req.header('content-type') });
    if (problem.status >= 500) {
      options.log.error(
        { err: problem.cause ?? error, method: c.req.method, path: c.req.path },
        'request failed',
      );
    }
    return problemResponse(problem, c.req.path);
  };
}

/** `app.notFound(notFoundHandler)`: a 404 problem naming the method and path nothing answered. */
export const notFoundHandler: NotFoundHandler = (c) =>
  problemResponse(
    new HttpProblem({
      status: 404,
      code: 'route_not_found',
      title: 'Not found',
      detail: `Nothing answers ${c.req.method} ${c.req.path}.`,
    }),
    c.req.path,
  );

import type { ErrorHandler } from 'hono';
import { problemErrorHandler, type ErrorHandlerOptions } from '../../infra/http/error-handler.ts';
import { translateError } from './translate-error.ts';

/**
 * The edge's one error translation point: `app.onError(errorHandler({ log }))`. Every error a
 * handler or middleware throws becomes an RFC 9457 problem+json answer (see `translateError` for
 * the mapping). 5xx answers carry a generic detail; the error itself, with its stack, is logged.
 */
export function errorHandler(options: ErrorHandlerOptions): ErrorHandler {
  return problemErrorHandler(
    (error, c) => translateError(error, { contentType: c.req.header('content-type') }),
    options,
  );
}

import { PaymentError } from '../../ports/payments.ts';
import { paymentProblem } from './payment-problem.ts';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { InvalidAppend, WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import { internalError, serverError } from '../../infra/http/error-handler.ts';
import { HttpProblem, type ProblemValue } from '../../infra/http/problem.ts';
import { fieldErrors, validationProblem } from '../../infra/http/validation-problem.ts';

/** What the domain's typed errors look like from here; the edge never imports `domain/`. */
export interface KindedError {
  kind: 'conflict' | 'rule' | 'not_found' | 'invalid';
  code: string;
  message: string;
  details: Record<string, ProblemValue>;
}

const kindAnswers = {
  conflict: { status: 409, title: 'Conflict' },
  rule: { status: 422, title: 'Business rule violated' },
  not_found: { status: 404, title: 'Not found' },
  invalid: { status: 400, title: 'Invalid request' },
} as const;

/** True for errors that carry a refusal kind, a stable code and JSON details (the domain's errors). */
export function isKindedError(error: unknown): error is KindedError {
  if (typeof error !== 'object' || error === null) return false;
  const { kind, code, details } = error as Record<string, unknown>;
  return (
    typeof kind === 'string' &&
    Object.hasOwn(kindAnswers, kind) &&
    typeof code === 'string' &&
    typeof details === 'object' &&
    details !== null &&
    !Array.isArray(details)
  );
}

/** Codes for the plain HTTP errors Hono and its middleware throw. */
const httpCodes: Record<number, { code: string; title: string }> = {
  400: { code: 'bad_request', title: 'Bad request' },
  401: { code: 'unauthenticated', title: 'Authentication required' },
  403: { code: 'forbidden', title: 'Forbidden' },
  404: { code: 'not_found', title: 'Not found' },
  405: { code: 'method_not_allowed', title: 'Method not allowed' },
  413: { code: 'payload_too_large', title: 'Payload too large' },
  415: { code: 'unsupported_media_type', title: 'Unsupported media type' },
  429: { code: 'too_many_requests', title: 'Too many requests' },
};

/** The request facts the translation needs. */
export interface RequestFacts {
  contentType?: string | undefined;
}

/**
 * Maps any error thrown while serving a request to the problem it answers with. This is the one
 * place where errors become status codes. Anything not recognised is an outage (503, retry) or a
 * bug (a generic 500); its `cause` is the original error, for the log and never for the client.
 */
export function translateError(error: unknown, request: RequestFacts = {}): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof z.core.$ZodError) return validationProblem(fieldErrors(error.issues));
  if (error instanceof HTTPException) return fromHttpException(error);
  if (error instanceof WrongExpectedRevision) {
    return new HttpProblem({
      status: 409,
      code: 'wrong_expected_revision',
      title: 'Version conflict',
      detail: error.message,
      extensions: {
        stream: error.stream,
        expected: typeof error.expected === 'number' ? error.expected : String(error.expected),
        actual: error.actual,
      },
    });
  }
  if (error instanceof InvalidAppend) {
    return new HttpProblem({
      status: 400,
      code: 'invalid_append',
      title: 'Invalid request',
      detail: error.message,
      extensions: {
        field: error.field,
        reason: error.reason,
        errors: [{ path: error.field, message: error.reason }],
      },
    });
  }
  if (isKindedError(error)) return fromKindedError(error);
  if (error instanceof PaymentError) return paymentProblem(error);
  // `c.req.json()` throws a bare SyntaxError on a bad body; only then is it the client's fault.
  if (error instanceof SyntaxError && isJson(request.contentType)) return malformedJson();
  return serverError(error);
}

function fromKindedError(error: KindedError): HttpProblem {
  const answer = kindAnswers[error.kind];
  const { field, reason } = error.details;
  return new HttpProblem({
    status: answer.status,
    code: error.code,
    title: answer.title,
    detail: error.message,
    extensions: {
      details: error.details,
      // A domain validation failure names its field: answer it in the same shape as zod's.
      ...(error.kind === 'invalid' && typeof field === 'string'
        ? { errors: [{ path: field, message: typeof reason === 'string' ? reason : error.message }] }
        : {}),
    },
  });
}

function fromHttpException(error: HTTPException): HttpProblem {
  if (error.status >= 500) return internalError(error);
  if (error.status === 400 && /malformed json/i.test(error.message)) return malformedJson();
  const known = httpCodes[error.status] ?? { code: 'http_error', title: 'Request refused' };
  return new HttpProblem({
    status: error.status,
    ...known,
    detail: error.message || known.title,
    ...(error.status === 401 ? { headers: { 'WWW-Authenticate': 'Bearer' } } : {}),
    cause: error,
  });
}

function malformedJson(): HttpProblem {
  return new HttpProblem({
    status: 400,
    code: 'malformed_json',
    title: 'Malformed JSON body',
    detail: 'The request body is not valid JSON.',
  });
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([\w.-]+\+)?json\b/i.test(contentType.trim());
}

import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidAppend, WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import { translateError } from './translate-error.ts';

/** Shaped like the domain's typed errors, without importing domain/ (the edge must not need it). */
class FakeDomainError extends Error {
  constructor(
    readonly kind: 'conflict' | 'rule' | 'not_found' | 'invalid',
    readonly code: string,
    readonly details: Record<string, string | number>,
  ) {
    super(`refused: ${code}`);
  }
}

describe('translateError', () => {
  it('passes an HttpProblem through', () => {
    const problem = new HttpProblem({ status: 418, code: 'teapot', title: 'Teapot' });
    expect(translateError(problem)).toBe(problem);
  });

  it('turns a zod error into a 400 with field paths', () => {
    const result = z.object({ lines: z.array(z.object({ quantity: z.number().positive() })) }).safeParse({
      lines: [{ quantity: 1 }, { quantity: 0 }],
    });
    const problem = translateError(result.error);
    expect(problem.status).toBe(400);
    expect(problem.extensions.errors).toMatchObject([{ path: 'lines[1].quantity' }]);
  });

  it.each([
    ['conflict', 409],
    ['rule', 422],
    ['not_found', 404],
    ['invalid', 400],
  ] as const)('answers a %s refusal with %i, its code and details', (kind, status) => {
    const problem = translateError(
      new FakeDomainError(kind, 'insufficient_stock', { sku: 'A', available: 2 }),
    );
    expect(problem.toDocument()).toMatchObject({
      status,
      code: 'insufficient_stock',
      type: 'urn:quartermaster:problem:insufficient_stock',
      detail: 'refused: insufficient_stock',
      details: { sku: 'A', available: 2 },
    });
  });

  it('names the field of an invalid refusal like a validation failure', () => {
    const problem = translateError(
      new FakeDomainError('invalid', 'validation_failed', { field: 'lines[0].sku', reason: 'is empty' }),
    );
    expect(problem.extensions.errors).toEqual([{ path: 'lines[0].sku', message: 'is empty' }]);
  });

  it('answers a wrong expected revision with 409 and where the stream is', () => {
    const problem = translateError(new WrongExpectedRevision('order-1', 3, 5));
    expect(problem.toDocument()).toMatchObject({
      status: 409,
      code: 'wrong_expected_revision',
      stream: 'order-1',
      expected: 3,
      actual: 5,
    });
    expect(translateError(new WrongExpectedRevision('order-2', 'no_stream', 0)).extensions).toMatchObject({
      expected: 'no_stream',
      actual: 0,
    });
  });

  it('answers an invalid append with 400 naming the field', () => {
    const problem = translateError(new InvalidAppend('events[0].type', 'must not be empty'));
    expect(problem.toDocument()).toMatchObject({
      status: 400,
      code: 'invalid_append',
      field: 'events[0].type',
      errors: [{ path: 'events[0].type', message: 'must not be empty' }],
    });
  });

  it('answers malformed JSON with 400, from Hono or from a bare JSON.parse of the body', () => {
    const fromHono = translateError(new HTTPException(400, { message: 'Malformed JSON in request body' }));
    expect(fromHono.code).toBe('malformed_json');
    let syntaxError: unknown;
    try {
      JSON.parse('{nope');
    } catch (error) {
      syntaxError = error;
    }
    expect(translateError(syntaxError, { contentType: 'application/json; charset=utf-8' }).status).toBe(400);
    // A SyntaxError with no JSON body in the request is our bug, not the client's.
    expect(translateError(syntaxError, {}).status).toBe(500);
  });

  it('keeps the status of other HTTP exceptions, with a challenge on 401', () => {
    expect(
      translateError(new HTTPException(415, { message: 'Unsupported Media Type' })).toDocument(),
    ).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(translateError(new HTTPException(401)).headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
  });

  it('hides anything else behind a generic 500 that keeps the cause for the log', () => {
    const bug = new TypeError('secret internals at /srv/app.ts:12');
    const problem = translateError(bug);
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('secret');
    expect(problem.cause).toBe(bug);
    expect(translateError(new HTTPException(502, { message: 'upstream down' })).detail).not.toContain(
      'upstream',
    );
  });

  it.each([
    [
      'PostgreSQL out of connection slots',
      Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
    ],
    [
      'PostgreSQL starting up',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    ['a broken connection', Object.assign(new Error('connection failure'), { code: '08006' })],
    [
      'a refused socket',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
    [
      'an outage wrapped in another error',
      new Error('load failed', { cause: Object.assign(new Error('x'), { code: '53300' }) }),
    ],
  ])('answers %s with a 503 and Retry-After, hiding the cause', (_name, outage) => {
    const problem = translateError(outage);
    expect(problem.status).toBe(503);
    expect(problem.code).toBe('service_unavailable');
    expect(problem.headers['Retry-After']).toBe('1');
    expect(problem.cause).toBe(outage);
    expect(problem.detail).not.toContain(outage.message);
  });

  it('keeps a bug whose message merely mentions a code a 500', () => {
    expect(translateError(Object.assign(new Error('bad'), { code: 'ERR_INVALID_ARG_TYPE' })).status).toBe(
      500,
    );
    expect(translateError('53300').status).toBe(500);
  });
});

import { describe, expect, it } from 'vitest';
import { HttpProblem, PROBLEM_CONTENT_TYPE, problemResponse } from './problem.ts';

describe('problemResponse', () => {
  it('answers problem+json with the status, headers and body of the problem', async () => {
    const problem = new HttpProblem({
      status: 429,
      code: 'slow_down',
      title: 'Too many requests',
      detail: 'Wait a second.',
      extensions: { retryInSeconds: 1 },
      headers: { 'Retry-After': '1' },
    });
    const response = problemResponse(problem, '/orders');
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({
      type: 'urn:quartermaster:problem:slow_down',
      title: 'Too many requests',
      status: 429,
      detail: 'Wait a second.',
      instance: '/orders',
      code: 'slow_down',
      retryInSeconds: 1,
    });
  });

  it('never lets an extension override a standard member', () => {
    const problem = new HttpProblem({
      status: 409,
      code: 'conflict',
      title: 'Conflict',
      extensions: { status: 200, type: 'x', code: 'other' },
    });
    expect(problem.toDocument()).toMatchObject({ status: 409, code: 'conflict' });
    expect(problem.toDocument().type).toBe('urn:quartermaster:problem:conflict');
  });
});

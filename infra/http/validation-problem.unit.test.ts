import { describe, expect, it } from 'vitest';
import { fieldErrors, formatIssuePath, validationProblem } from './validation-problem.ts';

describe('formatIssuePath', () => {
  it('writes body paths the way clients access fields', () => {
    expect(formatIssuePath(['lines', 0, 'quantity'], 'json')).toBe('lines[0].quantity');
    expect(formatIssuePath([0, 'sku'], 'json')).toBe('[0].sku');
    expect(formatIssuePath(['address', 'city'])).toBe('address.city');
  });

  it('names the input when the whole body is wrong', () => {
    expect(formatIssuePath([], 'json')).toBe('body');
    expect(formatIssuePath([], 'form')).toBe('body');
    expect(formatIssuePath([])).toBe('');
  });

  it('prefixes input that is not the body with where it came from', () => {
    expect(formatIssuePath(['limit'], 'query')).toBe('query.limit');
    expect(formatIssuePath(['id'], 'param')).toBe('param.id');
    expect(formatIssuePath(['if-match'], 'header')).toBe('header.if-match');
  });
});

describe('validationProblem', () => {
  it('is a 400 listing every bad field', () => {
    const problem = validationProblem(
      fieldErrors(
        [
          { path: ['lines', 1, 'quantity'], message: 'Too small' },
          { path: ['currency'], message: 'Required' },
        ],
        'json',
      ),
    );
    expect(problem.toDocument('/orders')).toEqual({
      type: 'urn:quartermaster:problem:validation_failed',
      title: 'Invalid request',
      status: 400,
      detail: 'lines[1].quantity: Too small; currency: Required',
      instance: '/orders',
      code: 'validation_failed',
      errors: [
        { path: 'lines[1].quantity', message: 'Too small' },
        { path: 'currency', message: 'Required' },
      ],
    });
  });
});

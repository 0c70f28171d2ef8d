import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/problem.ts';
import { assertOwnerOr } from './assert-owner.ts';

const status = (run: () => void): number | 'allowed' => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    if (error instanceof HttpProblem) return error.status;
    throw error;
  }
};
const P = 'orders:act-for-others';

describe('assertOwnerOr', () => {
  it('lets the owner and holders of the permission through', () => {
    expect(status(() => assertOwnerOr({ id: 'c-1', role: 'customer' }, 'c-1', P))).toBe('allowed');
    expect(status(() => assertOwnerOr({ id: 's-1', role: 'staff' }, 'c-1', P))).toBe('allowed');
    expect(status(() => assertOwnerOr({ id: 'a-1', role: 'admin' }, null, P))).toBe('allowed');
  });

  it("answers someone else's resource with 404, so ids cannot be probed", () => {
    expect(status(() => assertOwnerOr({ id: 'c-2', role: 'customer' }, 'c-1', P))).toBe(404);
    expect(status(() => assertOwnerOr({ id: 'c-2', role: 'customer' }, undefined, P))).toBe(404);
    // A staff account whose custom roles do not grant it is a stranger too.
    expect(status(() => assertOwnerOr({ id: 's-2', role: 'staff', roles: ['clerk'] }, 'c-1', P))).toBe(404);
  });
});

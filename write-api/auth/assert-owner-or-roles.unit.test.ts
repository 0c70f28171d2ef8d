import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../infra/http/problem.ts';
import { assertOwnerOrRoles } from './assert-owner-or-roles.ts';

const status = (run: () => void): number | 'allowed' => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    if (error instanceof HttpProblem) return error.status;
    throw error;
  }
};

describe('assertOwnerOrRoles', () => {
  const staffOrAdmin = ['staff', 'admin'] as const;

  it('lets the owner and the listed roles through', () => {
    expect(status(() => assertOwnerOrRoles({ id: 'c-1', role: 'customer' }, 'c-1', staffOrAdmin))).toBe(
      'allowed',
    );
    expect(status(() => assertOwnerOrRoles({ id: 's-1', role: 'staff' }, 'c-1', staffOrAdmin))).toBe(
      'allowed',
    );
    expect(status(() => assertOwnerOrRoles({ id: 'a-1', role: 'admin' }, null, staffOrAdmin))).toBe(
      'allowed',
    );
  });

  it("answers another customer's resource with 404, so ids cannot be probed", () => {
    expect(status(() => assertOwnerOrRoles({ id: 'c-2', role: 'customer' }, 'c-1', staffOrAdmin))).toBe(404);
    expect(status(() => assertOwnerOrRoles({ id: 'c-2', role: 'customer' }, undefined, staffOrAdmin))).toBe(
      404,
    );
  });

  it('answers 403 to a non-customer role that is not allowed', () => {
    expect(status(() => assertOwnerOrRoles({ id: 's-1', role: 'staff' }, 'c-1', ['admin']))).toBe(403);
  });
});

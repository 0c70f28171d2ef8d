import { customerHandlers, type CustomerDeps } from '../customers/customer-handlers.ts';
import { staffHandlers } from '../staff/staff-handlers.ts';

/** Customer and staff accounts, for the write API's account routes (docs/accounts.md). */
export function accountHandlers(deps: CustomerDeps) {
  return { customers: customerHandlers(deps), staff: staffHandlers(deps) };
}

export type AccountHandlers = ReturnType<typeof accountHandlers>;

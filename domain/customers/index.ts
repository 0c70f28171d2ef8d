import type { Decider } from '../decider.ts';
import type { CustomerCommand } from './commands.ts';
import { decideCustomer } from './decide.ts';
import type { CustomerEvent } from './events.ts';
import { evolveCustomer } from './evolve.ts';
import { initialCustomerState, type CustomerState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { customerEventTypes, isCustomerEvent } from './events.ts';
export { mayReceive } from './decide.ts';
export { CustomerNotFound, ResetCodeRefused, VerificationCodeRefused } from './errors.ts';

/** Stream `customer-{customerId}` (see `customerStream`): a customer's account. */
export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  decide: decideCustomer,
  evolve: evolveCustomer,
  initialState: initialCustomerState,
};

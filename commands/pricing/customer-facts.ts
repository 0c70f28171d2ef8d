import { customerDecider, type CustomerState } from '../../domain/customers/index.ts';
import type { PricingCustomer } from '../../domain/pricing/price-breakdown.ts';
import { customerStream } from '../../domain/streams.ts';
import { asStepDecider } from '../runtime/steps.ts';
import type { CustomerHistory } from './customer-history.ts';
import type { Load } from './stream-load.ts';

/**
 * Who buys, as the price pipeline sees a customer: the groups their stream holds now and whether
 * they have placed an order yet. Carts, quotes and `POST /orders` all ask this, so a customer-group
 * or first-order promotion (and a group's price list) prices the same on every path.
 */
export async function customerFacts(
  load: Load,
  history: CustomerHistory,
  customerId: string,
): Promise<PricingCustomer> {
  const [groups, ordered] = await Promise.all([
    customerGroups(load, customerId),
    history.hasOrdered(customerId),
  ]);
  return { customerId, groups, firstOrder: !ordered };
}

/** The customer's groups as their stream holds them now (none for an unknown customer). */
export async function customerGroups(load: Load, customerId: string): Promise<readonly string[]> {
  const state = await load<CustomerState>(customerStream(customerId), asStepDecider(customerDecider));
  return state.status === 'absent' ? [] : state.groups;
}

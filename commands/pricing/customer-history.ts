/**
 * What the price pipeline knows of a customer's past orders, for promotion rules that depend on it
 * (`firstOrderOnly`). The composition root reads it from the orders read model
 * (`ops/compose/customer-history.ts`).
 */
export interface CustomerHistory {
  /** True when the customer has an order that was not cancelled. */
  hasOrdered(customerId: string): Promise<boolean>;
}

/**
 * Without a history nobody counts as a first-time buyer: a first-order discount is never given on a
 * guess.
 */
export const unknownCustomerHistory: CustomerHistory = { hasOrdered: () => Promise.resolve(true) };

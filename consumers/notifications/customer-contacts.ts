/**
 * Finds a customer's mail address. Orders carry a customer id, not an address: the identity
 * provider owns addresses. The default treats ids that are addresses (a JWT `sub` of an email
 * login) as such; a deployment with opaque ids plugs in a lookup against its customer directory.
 */
export interface CustomerContacts {
  emailOf(customerId: string): Promise<string | null>;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}

export const customerIdAsEmail: CustomerContacts = {
  emailOf: async (customerId) => (isEmailAddress(customerId) ? customerId : null),
};

/** A fixed directory (tests, small shops configured by hand), falling back to ids that are addresses. */
export function contactsFrom(directory: Record<string, string>): CustomerContacts {
  return {
    emailOf: async (customerId) => directory[customerId] ?? customerIdAsEmail.emailOf(customerId),
  };
}

/**
 * A data subject's erasure. Carries ids only: the orders it touched (so projectors and consumers
 * find their rows without reading anything else) and who asked.
 */
export type CustomerErased = {
  type: 'CustomerErased';
  data: { customerId: string; orderIds: string[]; reason: string | null };
};

/** The one-off encryption of personal fields written in plain text before encryption existed. */
export type PersonalDataEncrypted = {
  type: 'PersonalDataEncrypted';
  data: { events: number; fields: number; throughPosition: string };
};

export type PrivacyEvent = CustomerErased | PersonalDataEncrypted;

const types: Record<PrivacyEvent['type'], true> = { CustomerErased: true, PersonalDataEncrypted: true };

export const privacyEventTypes = Object.keys(types) as PrivacyEvent['type'][];

export function isPrivacyEvent(event: { type: string }): event is PrivacyEvent {
  return Object.hasOwn(types, event.type);
}

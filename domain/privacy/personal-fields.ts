/**
 * Which fields of which events hold personal data, and whose. The event store's privacy layer
 * encrypts exactly these with the subject's key (crypto-shredding): after the key is deleted they
 * read as `erasedText`. A new event type that carries personal data adds its row here, and from
 * then on its fields are encrypted at append.
 *
 * Paths are dot-separated keys into `data`. Only strings are encrypted; `null` stays `null`.
 * The shipping country stays clear on purpose: it is needed for tax accounting and names nobody.
 */
export const erasedText = '[erased]';

export interface PersonalFields {
  /** The data subject: whose key encrypts the fields. */
  subject(data: Record<string, unknown>): string | null;
  paths: readonly string[];
}

const shippingAddress = ['name', 'line1', 'line2', 'city', 'postalCode', 'region'].map(
  (field) => `shippingAddress.${field}`,
);

const byCustomer = (data: Record<string, unknown>) =>
  typeof data.customerId === 'string' ? data.customerId : null;
const byStaff = (data: Record<string, unknown>) => (typeof data.staffId === 'string' ? data.staffId : null);
const byAccount = (data: Record<string, unknown>) =>
  typeof data.accountId === 'string' ? data.accountId : null;
/** Where a login, refresh or second-factor request came from: the account's own data. */
const seen = { subject: byAccount, paths: ['ip', 'userAgent'] };
const bySubjectId = (data: Record<string, unknown>) =>
  typeof data.subjectId === 'string' ? data.subjectId : null;
const bookAddress = ['name', 'line1', 'line2', 'city', 'postalCode', 'region'].map(
  (field) => `address.${field}`,
);

export const personalFields: Readonly<Record<string, PersonalFields>> = {
  OrderPlaced: {
    subject: (data) => (typeof data.customerId === 'string' ? data.customerId : null),
    // `customerEmail` is optional today (imports may carry it); encrypted whenever present.
    paths: [...shippingAddress, 'customerEmail'],
  },
  // Free text a customer or staff wrote when cancelling an order, or asking for a return: it may
  // say anything about the person (docs/after-sale.md).
  OrderCancelled: { subject: byCustomer, paths: ['note'] },
  ReturnRequested: { subject: byCustomer, paths: ['note'] },
  // An order edit's new shipping address (docs/after-sale.md).
  OrderEdited: { subject: byCustomer, paths: shippingAddress },
  // A carrier's tracking words may name who signed for the parcel ("Signed by J SMITH").
  ShipmentTracked: { subject: byCustomer, paths: ['detail'] },
  // A label prints the recipient's name and address, and its URL alone fetches it.
  ShipmentLabelBought: { subject: byCustomer, paths: ['labelUrl'] },
  // Accounts (docs/accounts.md): the address book's label may name a person ("Mum's"), so it is sealed too.
  CustomerSignedUp: { subject: byCustomer, paths: ['personal.email', 'personal.name', 'personal.phone'] },
  CustomerProfileChanged: { subject: byCustomer, paths: ['personal.name', 'personal.phone'] },
  CustomerAddressSaved: { subject: byCustomer, paths: ['label', ...bookAddress] },
  StaffInvited: { subject: byStaff, paths: ['personal.email', 'personal.name'] },
  // Login activity and sessions (docs/security.md): the account id is a customer's or a staff member's.
  SessionStarted: seen,
  SessionRefreshed: seen,
  RefreshTokenReused: seen,
  LoginSucceeded: seen,
  LoginFailed: seen,
  SecondFactorVerified: seen,
  SecondFactorFailed: seen,
  // The authenticator's secret reads as erased with the account: its second factor is gone too.
  TotpEnrolmentStarted: { subject: byAccount, paths: ['secret'] },
  // Carts (docs/carts.md): the customer's key, or the guest cart's own (`guest-cart-{cartId}`).
  CartEmailSet: { subject: bySubjectId, paths: ['email'] },
  CartShippingAddressSet: { subject: bySubjectId, paths: shippingAddress },
};

export function personalFieldsOf(type: string): PersonalFields | undefined {
  return Object.hasOwn(personalFields, type) ? personalFields[type] : undefined;
}

/** What analytics stores instead of a personal field: analysts get no personal data at all. */
export const redactedText = '[redacted]';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/**
 * A copy of `event` with each personal field that is present and not null replaced by `change`
 * (given the subject, the path and the value); the same object when nothing changed.
 */
export function mapPersonalFields<E extends { type: string; data: JsonObject }>(
  event: E,
  change: (subject: string, path: string, value: JsonValue) => JsonValue,
): E {
  const fields = personalFieldsOf(event.type);
  const subject = fields?.subject(event.data);
  if (!fields || !subject) return event;
  let data: JsonObject | null = null;
  for (const path of fields.paths) {
    const value = valueAt(event.data, path);
    if (value === undefined || value === null) continue;
    const next = change(subject, path, value);
    if (next === value) continue;
    data ??= JSON.parse(JSON.stringify(event.data)) as JsonObject;
    setAt(data, path, next);
  }
  return data ? { ...event, data } : event;
}

export function valueAt(data: JsonObject, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = data;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = Object.hasOwn(current, part) ? current[part] : undefined;
  }
  return current;
}

function setAt(data: JsonObject, path: string, value: JsonValue): void {
  const parts = path.split('.');
  let current = data;
  for (const part of parts.slice(0, -1)) current = current[part] as JsonObject;
  current[parts.at(-1)!] = value;
}

import type { RecordedEvent } from '../../ports/event-store.ts';
import { isInventoryEvent, type InventoryEvent, type StockCounts } from '../../domain/inventory/index.ts';
import { isOrderEvent, type OrderEvent, type OrderPlaced } from '../../domain/orders/index.ts';
import { isReturnEvent, type ReturnEvent } from '../../domain/returns/index.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { enqueueDeliveries, type NewDelivery } from '../../infra/mail/mail-deliveries.ts';
import type { SqlClient, SqlExecutor } from '../../infra/sql/sql-client.ts';
import { isEmailAddress, type CustomerContacts } from './customer-contacts.ts';
import {
  loadOrderContacts,
  loadStocks,
  markAllHandled,
  saveOrderContacts,
  saveStocks,
  stockKey,
  type OrderContact,
} from './notification-state.ts';
import { crossStock } from './stock-crossings.ts';
import { backInStock, lowStock } from './templates/admin-templates.ts';
import * as customer from './templates/customer-templates.ts';
import type { RenderedMail } from './templates/rendered-mail.ts';
import { returnMail } from './templates/return-templates.ts';

export interface NotificationRules {
  /** Who gets stock alerts (QM_ADMIN_EMAIL). */
  adminEmails: readonly string[];
  contacts: CustomerContacts;
  log: Logger;
}

/**
 * Handles one event: decides the mails it causes and stores them as deliveries, together with the
 * consumer's own state and the mark that the event was handled, in one transaction. Handled before
 * → nothing happens, so a redelivery or a restart never makes a second mail. Returns how many mails
 * were stored (the caller wakes the dispatcher).
 */
export async function handleNotificationEvent(
  sql: SqlClient,
  event: RecordedEvent,
  rules: NotificationRules,
): Promise<number> {
  return (await handleNotificationEvents(sql, [event], rules)).get(event.id) ?? 0;
}

/**
 * Handles events in order as `handleNotificationEvent` handles each, all in one transaction and
 * with a fixed number of statements however many events there are: the marks in one insert, the
 * stock states and order contacts read in one select each and written in one statement each, the
 * deliveries in one insert. Each event's mails depend only on the state the events before it left,
 * which is kept in memory across the batch. Returns the mails stored per event id.
 */
export async function handleNotificationEvents(
  sql: SqlClient,
  events: readonly RecordedEvent[],
  rules: NotificationRules,
): Promise<Map<string, number>> {
  const mailCounts = new Map<string, number>();
  // A return's mails need only its order's contact: each in a transaction of its own (they are few).
  for (const event of events.filter(isReturnEvent)) {
    mailCounts.set(
      event.id,
      await handleReturnEvent(sql, event as unknown as ReturnEvent & { id: string }, rules),
    );
  }
  // An order event that mails nobody and changes no state of this consumer (a payment authorized,
  // an order cancelled) needs no transaction: there is nothing to do twice.
  const relevant = events.filter((event) => {
    if (isInventoryEvent(event)) return true;
    if (!isOrderEvent(event)) return false;
    const order = event as unknown as OrderEvent;
    return order.type === 'OrderPlaced' || customerMail(order) !== null;
  });
  if (relevant.length === 0) return mailCounts;
  // Outside the transaction: a directory lookup may be slow, or use this very database.
  const emails = await placedEmails(relevant, rules);
  return sql.transaction(async (tx) => {
    const fresh = await markAllHandled(tx, relevant);
    // Each fresh id once (a batch could carry an event twice).
    const todo = relevant.filter((event) => fresh.delete(event.id));
    const state = await loadState(tx, todo);
    const deliveries: NewDelivery[] = [];
    for (const event of todo) {
      const mails = isOrderEvent(event)
        ? orderMails(event, emails.get(event.id) ?? null, state, rules)
        : stockMails(event as unknown as InventoryEvent, state, rules);
      mailCounts.set(event.id, mails.length);
      for (const { to, template, mail } of mails)
        deliveries.push({ eventId: event.id, template, to, ...mail });
    }
    await saveOrderContacts(tx, state.newContacts);
    await saveStocks(tx, [...state.changedStocks.values()]);
    await enqueueDeliveries(tx, deliveries);
    return mailCounts;
  });
}

/** The consumer's state that a batch reads and changes, loaded once for the batch. */
interface BatchState {
  contacts: Map<string, OrderContact>;
  newContacts: { placed: OrderPlaced['data']; email: string | null }[];
  stocks: Map<string, StockCounts>;
  changedStocks: Map<string, { sku: string; location: string; state: StockCounts }>;
}

async function loadState(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<BatchState> {
  const orderIds = new Set<string>();
  const stockKeys = new Map<string, { sku: string; location: string }>();
  for (const event of events) {
    const data = event.data as { orderId?: unknown; sku?: unknown; location?: unknown };
    if (typeof data.orderId === 'string') orderIds.add(data.orderId);
    if (isInventoryEvent(event) && typeof data.sku === 'string' && typeof data.location === 'string')
      stockKeys.set(stockKey(data.sku, data.location), { sku: data.sku, location: data.location });
  }
  return {
    contacts: await loadOrderContacts(tx, [...orderIds]),
    newContacts: [],
    stocks: await loadStocks(tx, [...stockKeys.values()]),
    changedStocks: new Map(),
  };
}

/** The address of each OrderPlaced's customer, by event id; one lookup for the whole batch. */
async function placedEmails(
  events: readonly RecordedEvent[],
  rules: NotificationRules,
): Promise<Map<string, string | null>> {
  const emails = new Map<string, string | null>();
  const lookedUp = new Map<string, string>(); // event id → customer id
  for (const event of events) {
    if (event.type !== 'OrderPlaced' || !isOrderEvent(event)) continue;
    const placed = (event as unknown as OrderPlaced).data;
    const carried = (placed as { customerEmail?: unknown }).customerEmail;
    if (typeof carried === 'string' && isEmailAddress(carried)) emails.set(event.id, carried);
    else lookedUp.set(event.id, placed.customerId);
  }
  if (lookedUp.size === 0) return emails;
  const known = await rules.contacts.emailsOf([...new Set(lookedUp.values())]);
  for (const [eventId, customerId] of lookedUp) emails.set(eventId, known.get(customerId) ?? null);
  return emails;
}

type Mail = { to: string; template: string; mail: RenderedMail };

/** A return's steps mail the address its order was confirmed to. */
async function handleReturnEvent(
  sql: SqlClient,
  event: ReturnEvent & { id: string },
  rules: NotificationRules,
): Promise<number> {
  return sql.transaction(async (tx) => {
    if ((await markAllHandled(tx, [event])).size === 0) return 0;
    const contact = (await loadOrderContacts(tx, [event.data.orderId])).get(event.data.orderId);
    const rendered = contact ? returnMail(contact.placed, event) : null;
    if (!rendered) return 0;
    if (!contact?.email) {
      rules.log.warn(
        { orderId: event.data.orderId, type: event.type },
        'no mail address known for the order; no mail',
      );
      return 0;
    }
    await enqueueDeliveries(tx, [
      { eventId: event.id, template: rendered.template, to: contact.email, ...rendered.mail },
    ]);
    return 1;
  });
}

function orderMails(
  event: OrderEvent,
  placedEmail: string | null,
  state: BatchState,
  rules: NotificationRules,
): Mail[] {
  if (event.type === 'OrderPlaced') {
    // As the stored row does: an order stored before keeps its contact.
    if (!state.contacts.has(event.data.orderId)) {
      state.contacts.set(event.data.orderId, { email: placedEmail, placed: event.data });
      state.newContacts.push({ placed: event.data, email: placedEmail });
    }
    if (!placedEmail)
      rules.log.warn({ orderId: event.data.orderId }, 'no mail address for the customer; no confirmation');
    return placedEmail
      ? [{ to: placedEmail, template: 'order-confirmation', mail: customer.orderConfirmation(event.data) }]
      : [];
  }
  const render = customerMail(event);
  if (!render) return [];
  const contact = state.contacts.get(event.data.orderId);
  if (!contact?.email) {
    rules.log.warn(
      { orderId: event.data.orderId, type: event.type },
      'no mail address known for the order; no mail',
    );
    return [];
  }
  return [{ to: contact.email, template: render.template, mail: render.mail(contact.placed) }];
}

function customerMail(
  event: OrderEvent,
): { template: string; mail: (placed: OrderPlaced['data']) => RenderedMail } | null {
  switch (event.type) {
    case 'PaymentFailed':
      return { template: 'payment-failed', mail: (placed) => customer.paymentFailed(placed, event.data) };
    case 'ShipmentCreated':
      return { template: 'shipped', mail: (placed) => customer.shipped(placed, event.data) };
    case 'OrderDelivered':
      return { template: 'delivered', mail: (placed) => customer.delivered(placed) };
    case 'RefundIssued':
      return { template: 'refund-issued', mail: (placed) => customer.refundIssued(placed, event.data) };
    // A delivery reported by the carrier arrives as OrderDelivered too, which mails the customer.
    case 'OrderPlaced':
    case 'PaymentAuthorized':
    case 'PaymentCaptured':
    case 'OrderCancelled':
    case 'ShipmentLabelBought':
    case 'ShipmentTracked':
    case 'OrderLinesCancelled': // the refund for cancelled units, if any, mails as `refund-issued`
      return null;
    default:
      throw new Error(`unhandled order event ${(event as { type: string }).type}`);
  }
}

function stockMails(event: InventoryEvent, state: BatchState, rules: NotificationRules): Mail[] {
  const { sku, location } = event.data;
  const key = stockKey(sku, location);
  const { after, crossings } = crossStock(state.stocks.get(key) ?? { status: 'untracked' }, event);
  state.stocks.set(key, after);
  state.changedStocks.set(key, { sku, location, state: after });
  const mails: Mail[] = [];
  const alert = {
    sku,
    location,
    available: after.status === 'tracked' ? after.onHand - after.reserved : 0,
    threshold: after.status === 'tracked' ? after.threshold : null,
  };
  for (const crossing of crossings) {
    const mail = crossing === 'low-stock' ? lowStock(alert) : backInStock(alert);
    for (const to of rules.adminEmails) mails.push({ to, template: crossing, mail });
  }
  if (crossings.length > 0 && rules.adminEmails.length === 0) {
    rules.log.warn(
      { sku, location, crossings },
      'stock alert with no admin address (QM_ADMIN_EMAIL); no mail',
    );
  }
  if (event.type === 'BackorderFilled') {
    const contact = state.contacts.get(event.data.orderId);
    if (contact?.email) {
      mails.push({
        to: contact.email,
        template: 'backorder-filled',
        mail: customer.backorderFilled(contact.placed, sku, event.data.quantity),
      });
    }
  }
  return mails;
}

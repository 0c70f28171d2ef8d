import type { RecordedEvent } from '../../ports/event-store.ts';
import { isInventoryEvent, type InventoryEvent } from '../../domain/inventory/index.ts';
import { isOrderEvent, type OrderEvent, type OrderPlaced } from '../../domain/orders/index.ts';
import { isReturnEvent, type ReturnEvent } from '../../domain/returns/index.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { enqueueDeliveries, type NewDelivery } from '../../infra/mail/mail-deliveries.ts';
import type { SqlClient, SqlExecutor } from '../../infra/sql/sql-client.ts';
import { isEmailAddress, type CustomerContacts } from './customer-contacts.ts';
import {
  loadOrderContact,
  loadStock,
  markHandled,
  saveOrderContact,
  saveStock,
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
  if (isReturnEvent(event)) return handleReturnEvent(sql, event, rules);
  const order = isOrderEvent(event) ? (event as unknown as OrderEvent) : null;
  const stock = isInventoryEvent(event) ? (event as unknown as InventoryEvent) : null;
  if (!order && !stock) return 0;
  // An order event that mails nobody and changes no state of this consumer (a payment authorized,
  // an order cancelled) needs no transaction: there is nothing to do twice.
  if (order && order.type !== 'OrderPlaced' && customerMail(order) === null) return 0;
  // Outside the transaction: a directory lookup may be slow, or use this very database.
  const email = order?.type === 'OrderPlaced' ? await customerEmail(order.data, rules) : null;
  return sql.transaction(async (tx) => {
    if (!(await markHandled(tx, event))) return 0;
    const mails = order ? await orderMails(tx, order, email, rules) : await stockMails(tx, stock!, rules);
    const deliveries: NewDelivery[] = mails.map(({ to, template, mail }) => ({
      eventId: event.id,
      template,
      to,
      ...mail,
    }));
    await enqueueDeliveries(tx, deliveries);
    return deliveries.length;
  });
}

type Mail = { to: string; template: string; mail: RenderedMail };

/** A return's steps mail the address its order was confirmed to. */
async function handleReturnEvent(
  sql: SqlClient,
  event: ReturnEvent & { id: string },
  rules: NotificationRules,
): Promise<number> {
  return sql.transaction(async (tx) => {
    if (!(await markHandled(tx, event))) return 0;
    const contact = await loadOrderContact(tx, event.data.orderId);
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

/** OrderPlaced may carry the address itself (`customerEmail`); else the contacts lookup finds it. */
async function customerEmail(placed: OrderPlaced['data'], rules: NotificationRules): Promise<string | null> {
  const carried = (placed as { customerEmail?: unknown }).customerEmail;
  if (typeof carried === 'string' && isEmailAddress(carried)) return carried;
  return rules.contacts.emailOf(placed.customerId);
}

async function orderMails(
  tx: SqlExecutor,
  event: OrderEvent,
  placedEmail: string | null,
  rules: NotificationRules,
): Promise<Mail[]> {
  if (event.type === 'OrderPlaced') {
    await saveOrderContact(tx, event.data, placedEmail);
    if (!placedEmail)
      rules.log.warn({ orderId: event.data.orderId }, 'no mail address for the customer; no confirmation');
    return placedEmail
      ? [{ to: placedEmail, template: 'order-confirmation', mail: customer.orderConfirmation(event.data) }]
      : [];
  }
  const render = customerMail(event);
  if (!render) return [];
  const contact = await loadOrderContact(tx, event.data.orderId);
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
    case 'OrderPlaced':
    case 'PaymentAuthorized':
    case 'PaymentCaptured':
    case 'OrderCancelled':
      return null;
    default:
      throw new Error(`unhandled order event ${(event as { type: string }).type}`);
  }
}

async function stockMails(tx: SqlExecutor, event: InventoryEvent, rules: NotificationRules): Promise<Mail[]> {
  const { sku, location } = event.data;
  const { after, crossings } = crossStock(await loadStock(tx, sku, location), event);
  await saveStock(tx, sku, location, after);
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
    const contact = await loadOrderContact(tx, event.data.orderId);
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

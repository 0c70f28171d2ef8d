import type {
  OrderPlaced,
  PaymentFailed,
  RefundIssued,
  ShipmentCreated,
} from '../../../domain/orders/index.ts';
import { formatMoney, mail, type RenderedMail } from './rendered-mail.ts';

const footer = 'Quartermaster: you receive this mail because you placed an order with us.';

export function orderConfirmation(order: OrderPlaced['data']): RenderedMail {
  return mail(`Order ${order.orderId} confirmed`, {
    greeting: `Hello ${order.shippingAddress.name},`,
    paragraphs: [
      `thank you for your order ${order.orderId}. We will let you know when it ships.`,
      `It goes to ${order.shippingAddress.line1}, ${order.shippingAddress.postalCode} ${order.shippingAddress.city}.`,
    ],
    rows: [
      ...order.lines.map((line): [string, string] => [
        `${line.quantity} × ${line.sku}`,
        formatMoney(line.lineTotal),
      ]),
      ['Shipping', formatMoney(order.totals.shipping)],
      ['Total', formatMoney(order.totals.total)],
    ],
    footer,
  });
}

export function paymentFailed(order: OrderPlaced['data'], failure: PaymentFailed['data']): RenderedMail {
  return mail(`Payment for order ${order.orderId} failed`, {
    greeting: `Hello ${order.shippingAddress.name},`,
    paragraphs: [
      `we could not take the payment of ${formatMoney(order.totals.total)} for your order ${order.orderId}: ${failure.reason}.`,
      `Please pay again before ${order.expiresAt}, or your order will be cancelled and its items released.`,
    ],
    footer,
  });
}

export function shipped(order: OrderPlaced['data'], shipment: ShipmentCreated['data']): RenderedMail {
  return mail(`Order ${order.orderId} has shipped`, {
    greeting: `Hello ${order.shippingAddress.name},`,
    paragraphs: [`your order ${order.orderId} is on its way with ${shipment.carrier}.`],
    rows: [
      ['Carrier', shipment.carrier],
      ['Tracking number', shipment.trackingNumber],
      ...shipment.lines.map((line): [string, string] => [line.sku, `${line.quantity}`]),
    ],
    footer,
  });
}

export function delivered(order: OrderPlaced['data']): RenderedMail {
  return mail(`Order ${order.orderId} was delivered`, {
    greeting: `Hello ${order.shippingAddress.name},`,
    paragraphs: [`your order ${order.orderId} was delivered. We hope you enjoy it.`],
    footer,
  });
}

export function refundIssued(order: OrderPlaced['data'], refund: RefundIssued['data']): RenderedMail {
  return mail(`Refund of ${formatMoney(refund.amount)} for order ${order.orderId}`, {
    greeting: `Hello ${order.shippingAddress.name},`,
    paragraphs: [
      `we refunded ${formatMoney(refund.amount)} for your order ${order.orderId} (${refund.reason}).`,
      'It reaches your account in a few days, depending on your bank.',
    ],
    rows: [['Refund reference', refund.refundId]],
    footer,
  });
}

/** A backordered item arrived and is now reserved for the customer's order. */
export function backorderFilled(order: OrderPlaced['data'], sku: string, quantity: number): RenderedMail {
  return mail(`Back in stock: ${sku} for order ${order.orderId}`, {
    greeting: `Hello ${order.shippingAddress.name},`,
    paragraphs: [
      `${sku} is back in stock: ${quantity} reserved for your order ${order.orderId}, which we ship as soon as it is complete.`,
    ],
    footer,
  });
}

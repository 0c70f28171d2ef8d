import type { OrderPlaced } from '../../../domain/orders/index.ts';
import type { ReturnEvent } from '../../../domain/returns/index.ts';
import { mail, type RenderedMail } from './rendered-mail.ts';

const footer = 'Quartermaster: you receive this mail because you asked to return items of an order.';

/**
 * The mail each step of a return sends the customer: requested, authorized (with the label, or the
 * instructions when no carrier makes labels), rejected, received. The refund's mail is the order's
 * `refund-issued`, sent for the `RefundIssued` the refund appends beside `ReturnRefunded`.
 */
export function returnMail(
  order: OrderPlaced['data'],
  event: ReturnEvent,
): { template: string; mail: RenderedMail } | null {
  const greeting = `Hello ${order.shippingAddress.name},`;
  switch (event.type) {
    case 'ReturnRequested':
      return {
        template: 'return-requested',
        mail: mail(`Return requested for order ${order.orderId}`, {
          greeting,
          paragraphs: [
            `we received your return request for order ${order.orderId}. We will answer it shortly.`,
          ],
          rows: event.data.lines.map((line): [string, string] => [line.sku, `${line.quantity}`]),
          footer,
        }),
      };
    case 'ReturnAuthorized': {
      const { rmaNumber, label, instructions } = event.data;
      return {
        template: 'return-authorized',
        mail: mail(`Return ${rmaNumber} authorized`, {
          greeting,
          paragraphs: [
            `your return for order ${order.orderId} is authorized under RMA number ${rmaNumber}.`,
            label ? `Print your return label: ${label.labelUrl}` : instructions,
          ],
          rows: label
            ? [
                ['RMA number', rmaNumber],
                ['Carrier', label.carrier],
                ['Tracking number', label.trackingNumber],
              ]
            : [['RMA number', rmaNumber]],
          footer,
        }),
      };
    }
    case 'ReturnRejected':
      return {
        template: 'return-rejected',
        mail: mail(`Return for order ${order.orderId} declined`, {
          greeting,
          paragraphs: [`we cannot accept your return for order ${order.orderId}: ${event.data.reason}.`],
          footer,
        }),
      };
    case 'ReturnReceived':
      return {
        template: 'return-received',
        mail: mail(`Your return for order ${order.orderId} arrived`, {
          greeting,
          paragraphs: [
            `we received the items you sent back from order ${order.orderId}; the refund follows.`,
          ],
          rows: event.data.lines.map((line): [string, string] => [line.sku, `${line.quantity}`]),
          footer,
        }),
      };
    case 'ReturnRefunded':
      return null;
    default:
      return null;
  }
}

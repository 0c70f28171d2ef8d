import { describe, expect, it } from 'vitest';
import type { OrderPlaced } from '../../../domain/orders/index.ts';
import { berlinAddress } from '../../../test-support/addresses.ts';
import { backInStock, lowStock } from './admin-templates.ts';
import * as customer from './customer-templates.ts';
import { escapeHtml, formatMoney } from './rendered-mail.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const placed: OrderPlaced['data'] = {
  orderId: 'o-1',
  customerId: 'ada@example.com',
  currency: 'EUR',
  lines: [
    {
      lineId: 'L1',
      sku: 'HAMMER',
      quantity: 2,
      unitPrice: eur(1299),
      lineTotal: eur(2598),
      allocations: [{ location: 'berlin', quantity: 2 }],
    },
  ],
  totals: { subtotal: eur(2598), shipping: eur(499), total: eur(3097) },
  // The name carries markup, which the HTML mails must escape.
  shippingAddress: { ...berlinAddress, name: 'Ada <script>' },
  paymentProvider: 'manual',
  expiresAt: '2026-11-21T10:15:00.000Z',
};

describe('notification templates', () => {
  it('formats money in its currency with its own decimals', () => {
    expect(formatMoney(eur(3097))).toBe('€30.97');
    expect(formatMoney({ amount: 500, currency: 'JPY' })).toBe('¥500');
    expect(formatMoney({ amount: 1234, currency: 'KWD' })).toMatch(/^KWD\s1\.234$/);
  });

  it('escapes user data in HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  it('confirms an order with its lines and total, in text and HTML', () => {
    const mail = customer.orderConfirmation(placed);
    expect(mail.subject).toBe('Order o-1 confirmed');
    expect(mail.text).toContain('2 × HAMMER: €25.98');
    expect(mail.text).toContain('Total: €30.97');
    expect(mail.html).toContain('<td>€30.97</td>');
    expect(mail.html).toContain('Ada &#60;script&#62;');
    expect(mail.html).not.toContain('<script>');
  });

  it('names the carrier and tracking number of a shipment', () => {
    const mail = customer.shipped(placed, {
      orderId: 'o-1',
      shipmentId: 's-1',
      location: 'berlin',
      carrier: 'DHL',
      trackingNumber: 'JD0001',
      lines: [{ lineId: 'L1', sku: 'HAMMER', quantity: 2 }],
    });
    expect(mail.subject).toBe('Order o-1 has shipped');
    expect(mail.text).toContain('Carrier: DHL');
    expect(mail.text).toContain('Tracking number: JD0001');
    expect(mail.html).toContain('<td>JD0001</td>');
  });

  it('tells why a payment failed, and the refunded amount', () => {
    const failed = customer.paymentFailed(placed, {
      orderId: 'o-1',
      paymentRef: null,
      reason: 'card declined',
    });
    expect(failed.text).toContain('€30.97');
    expect(failed.text).toContain('card declined');
    const refund = customer.refundIssued(placed, {
      orderId: 'o-1',
      refundId: 'r-1',
      amount: eur(1000),
      reason: 'scratched',
    });
    expect(refund.subject).toBe('Refund of €10.00 for order o-1');
    expect(refund.html).toContain('r-1');
    expect(customer.delivered(placed).subject).toBe('Order o-1 was delivered');
  });

  it('alerts admins with SKU, location, availability and threshold', () => {
    const low = lowStock({ sku: 'HAMMER', location: 'berlin', available: 2, threshold: 3 });
    expect(low.subject).toBe('Low stock: HAMMER at berlin (2 available)');
    expect(low.text).toContain('Threshold: 3');
    const back = backInStock({ sku: 'HAMMER', location: 'berlin', available: 5, threshold: 3 });
    expect(back.subject).toBe('Back in stock: HAMMER at berlin (5 available)');
    expect(back.html).toContain('<td>5</td>');
  });
});

import { mail, type RenderedMail } from './rendered-mail.ts';

export interface StockAlert {
  sku: string;
  location: string;
  available: number;
  threshold: number | null;
}

const footer = 'Quartermaster stock alert: set the threshold with the low-stock threshold command.';

export function lowStock(alert: StockAlert): RenderedMail {
  return mail(`Low stock: ${alert.sku} at ${alert.location} (${alert.available} available)`, {
    paragraphs: [
      `Availability of ${alert.sku} at ${alert.location} fell to ${alert.available}, at or below its threshold of ${alert.threshold ?? 0}. Consider reordering.`,
    ],
    rows: [
      ['SKU', alert.sku],
      ['Location', alert.location],
      ['Available', `${alert.available}`],
      ['Threshold', `${alert.threshold ?? '-'}`],
    ],
    footer,
  });
}

export function backInStock(alert: StockAlert): RenderedMail {
  return mail(`Back in stock: ${alert.sku} at ${alert.location} (${alert.available} available)`, {
    paragraphs: [
      `${alert.sku} at ${alert.location} was sold out and is available again: ${alert.available}.`,
    ],
    rows: [
      ['SKU', alert.sku],
      ['Location', alert.location],
      ['Available', `${alert.available}`],
    ],
    footer,
  });
}

import type { ReturnData } from './state.ts';

export type RefundDue = { goods: number; tax: number; fee: number; shipping: number; total: number };

/**
 * What a return owes back for one receipt, or for every line at authorization: the lines' paid
 * amounts and their tax, less the restocking fee on the goods, plus the order's shipping with the
 * return's first refund when the policy gave it one. Partial receipts are prorated cumulatively
 * (units received so far, less units received before), so the receipts of a line add up to exactly
 * what it was paid, whatever the rounding.
 */
export function refundDue(state: ReturnData, basis: { receiptId: string } | 'authorization'): RefundDue {
  let goods = 0;
  let tax = 0;
  if (basis === 'authorization') {
    for (const line of state.lines) {
      goods += line.amount;
      tax += line.tax;
    }
  } else {
    const before = new Map<string, number>();
    for (const receipt of state.receipts) {
      const current = receipt.receiptId === basis.receiptId;
      for (const received of receipt.lines) {
        const line = state.lines.find((l) => l.lineId === received.lineId);
        if (!line) continue;
        const prior = before.get(line.lineId) ?? 0;
        before.set(line.lineId, prior + received.quantity);
        if (!current) continue;
        goods +=
          share(line.amount, prior + received.quantity, line.quantity) -
          share(line.amount, prior, line.quantity);
        tax +=
          share(line.tax, prior + received.quantity, line.quantity) - share(line.tax, prior, line.quantity);
      }
      if (current) break;
    }
  }
  const fee = Math.round((goods * state.restockingFeeBps) / 10_000);
  const shipping = state.refunds.length === 0 ? state.shipping : 0;
  return { goods, tax, fee, shipping, total: Math.max(0, goods + tax - fee + shipping) };
}

const share = (amount: number, units: number, of: number) => Math.floor((amount * units) / of);

import type { PricingRequest } from '../pricing/price-breakdown.ts';

type Line = PricingRequest['lines'][number];

/**
 * The cart's lines as the promotion engine asks about them: units that qualify, units taken
 * cheapest or dearest first, amounts per SKU. Each evaluation builds one and asks it for every
 * candidate, so what depends only on the cart (the lines' price order, which lines share a SKU) is
 * worked out once per evaluation instead of once per candidate: the engine's budget is a p99 under
 * 1 ms for 50 promotions on a 20-line cart, and sorting and short-lived objects per candidate were
 * most of that.
 */
export class CartLines {
  readonly lines: readonly Line[];
  private readonly currency: string;
  private cheapest: number[] | null = null;
  private dearest: number[] | null = null;
  private skuSlots: number[] | null = null;

  constructor(request: PricingRequest) {
    this.lines = request.lines;
    this.currency = request.currency;
  }

  /** Units on the lines `matching` marks. */
  unitsOf(matching: readonly boolean[]): number {
    let units = 0;
    for (let i = 0; i < this.lines.length; i++) if (matching[i]) units += this.lines[i]!.quantity;
    return units;
  }

  /**
   * Takes `n` units of the matching lines, cheapest or dearest first (ties by line order), as units
   * per line.
   */
  take(matching: readonly boolean[], n: number, pick: 'cheapest' | 'dearest'): number[] {
    const taken = new Array<number>(this.lines.length).fill(0);
    let left = n;
    for (const i of pick === 'cheapest' ? this.cheapestFirst() : this.dearestFirst()) {
      if (left === 0) break;
      if (!matching[i]) continue;
      const k = Math.min(left, this.lines[i]!.quantity);
      taken[i] = k;
      left -= k;
    }
    return taken;
  }

  /** Amounts per line summed per SKU (a SKU can sit on two lines), in the order SKUs first show. */
  bySku(perLine: readonly number[]): { sku: string; amount: { amount: number; currency: string } }[] {
    const slots = this.slots();
    const entries: { sku: string; amount: { amount: number; currency: string } }[] = [];
    const entryOf = new Array<number>(this.lines.length).fill(-1);
    for (let i = 0; i < perLine.length; i++) {
      const amount = perLine[i]!;
      if (amount === 0) continue;
      const slot = slots[i]!;
      const at = entryOf[slot]!;
      if (at >= 0) entries[at]!.amount.amount += amount;
      else {
        entryOf[slot] = entries.length;
        entries.push({ sku: this.lines[i]!.sku, amount: { amount, currency: this.currency } });
      }
    }
    return entries;
  }

  private cheapestFirst(): number[] {
    this.cheapest ??= this.indices().sort((a, b) => this.price(a) - this.price(b) || a - b);
    return this.cheapest;
  }

  private dearestFirst(): number[] {
    this.dearest ??= this.indices().sort((a, b) => this.price(b) - this.price(a) || a - b);
    return this.dearest;
  }

  /** For each line, the first line with its SKU. */
  private slots(): number[] {
    if (this.skuSlots) return this.skuSlots;
    const first = new Map<string, number>();
    this.skuSlots = this.lines.map((line, i) => {
      const seen = first.get(line.sku);
      if (seen !== undefined) return seen;
      first.set(line.sku, i);
      return i;
    });
    return this.skuSlots;
  }

  private price(i: number): number {
    return this.lines[i]!.unitPrice.amount;
  }

  private indices(): number[] {
    return this.lines.map((_, i) => i);
  }
}

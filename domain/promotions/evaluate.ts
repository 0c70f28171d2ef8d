import { percentage, split } from '../money.ts';
import type { AppliedDiscount, PricingRequest } from '../pricing/price-breakdown.ts';
import type { PromotionAction, PromotionDefinition, StockRule } from './definition.ts';
import type { Promotion } from './state.ts';

/** A promotion offered to the engine, with the code that unlocked it (null for an automatic one). */
export type Candidate = { promotion: Promotion; code: string | null };

export type NotAppliedReason =
  | 'not_active'
  | 'code_required'
  | 'outside_window'
  | 'condition_unmet'
  | 'limit_reached'
  | 'not_combinable'
  | 'nothing_left';

/** Why a promotion did not apply, for the cart to show ("not combinable with SUMMER20"). */
export type NotApplied = {
  promotionId: string;
  code: string | null;
  reason: NotAppliedReason;
  detail: string;
};

export type Evaluation = { subtotal: number; applied: AppliedDiscount[]; notApplied: NotApplied[] };

/**
 * A SKU's stock as the write side holds it, for stock rules: units on hand over every location, and
 * days of cover (available over the recorded expected daily demand; null without a recorded
 * demand). Read by the discount stage, cited on the order as the evidence of the discount.
 */
export type StockFact = { sku: string; onHand: number; daysOfCover: number | null };
export type StockFacts = ReadonlyMap<string, StockFact>;

/**
 * The evaluation engine: pure, no I/O, the same answer for the same input whatever the order of
 * `candidates`. Every figure is an integer number of minor units.
 *
 * 1. **Eligibility**: active, unlocked (automatic, or its code entered), inside its window at
 *    `request.at`, and every rule holds (currency, channel, customer group, first order, matching
 *    items, minimum subtotal and quantity). `exhausted` names promotions whose usage limit is known
 *    to be reached (the redemption step is still what enforces limits exactly).
 * 2. **Stacking**: candidates are taken by priority (higher first, then smaller id). The first one
 *    that would give a discount decides: if it is exclusive it applies alone; if it is combinable,
 *    every combinable one applies and the exclusive ones are "not combinable with" it.
 * 3. **Application order**: item-level before order-level, percent before fixed within a level:
 *    item percent, buy X get Y, bundle price, mix-and-match, item fixed; then tiered, order percent,
 *    order fixed; free shipping last. Ties go by priority, then id. Each discount is taken from what
 *    the ones before it left of each line, so no line ever goes below zero and the total discount
 *    never exceeds the subtotal.
 * 4. **Allocation**: every discount is allocated to lines (order-level ones in proportion to what
 *    each line has left, by largest remainder), so the line amounts always sum to the discount.
 */
export function evaluatePromotions(
  request: PricingRequest,
  candidates: readonly Candidate[],
  exhausted: ReadonlySet<string> = new Set(),
  /** The stock of the cart's SKUs, for promotions with a stock rule (a SKU missing: rule unmet). */
  stock: StockFacts = new Map(),
): Evaluation {
  const totals = request.lines.map((line) => line.unitPrice.amount * line.quantity);
  const subtotal = totals.reduce((a, b) => a + b, 0);
  const notApplied: NotApplied[] = [];
  const refuse = (c: Candidate, reason: NotAppliedReason, detail: string) =>
    notApplied.push({ promotionId: c.promotion.promotionId, code: c.code, reason, detail });

  const ordered = [...candidates].sort(byPriority);
  // Which lines each promotion is about, worked out once: its rules, the dry run and its
  // application all ask.
  const matching = new Map<Candidate, boolean[]>();
  const matchingOf = (c: Candidate) => {
    let mask = matching.get(c);
    if (!mask) matching.set(c, (mask = matchingLines(request, c.promotion.definition, stock)));
    return mask;
  };
  const eligible: Candidate[] = [];
  for (const candidate of ordered) {
    if (exhausted.has(candidate.promotion.promotionId)) {
      refuse(candidate, 'limit_reached', 'its usage limit is reached');
      continue;
    }
    const unmet = unmetRule(request, subtotal, candidate, stock, matchingOf);
    if (unmet) refuse(candidate, unmet.reason, unmet.detail);
    else eligible.push(candidate);
  }

  // Stacking: a dry run on the undiscounted lines tells whether a candidate would give anything.
  let leader: Candidate | null = null;
  const chosen: Candidate[] = [];
  for (const candidate of eligible) {
    const { definition } = candidate.promotion;
    const dry = discountOf(request, candidate.promotion, totals, subtotal, matchingOf(candidate));
    if (dry.total === 0 && definition.action.kind !== 'free_shipping') {
      refuse(candidate, 'condition_unmet', dry.unmet ?? 'the cart gives it nothing to discount');
      continue;
    }
    if (leader === null) {
      leader = candidate;
      chosen.push(candidate);
    } else if (leader.promotion.definition.stacking === 'exclusive' || definition.stacking === 'exclusive') {
      refuse(candidate, 'not_combinable', `not combinable with ${labelName(leader)}`);
    } else {
      chosen.push(candidate);
    }
  }

  const remaining = [...totals];
  const applied: AppliedDiscount[] = [];
  for (const candidate of chosen.sort(byApplicationOrder)) {
    const { promotion } = candidate;
    const { perLine, total } = discountOf(request, promotion, remaining, subtotal, matchingOf(candidate));
    const freeShipping = promotion.definition.action.kind === 'free_shipping';
    if (total === 0 && !freeShipping) {
      refuse(candidate, 'nothing_left', 'the discounts before it left nothing to take off');
      continue;
    }
    for (let i = 0; i < perLine.length; i++) remaining[i] = remaining[i]! - perLine[i]!;
    applied.push({
      promotionId: promotion.promotionId,
      promotionVersion: promotion.version,
      code: candidate.code,
      label: `${labelName(candidate)}: ${describe(promotion.definition.action, request.currency)}`,
      amount: { amount: total, currency: request.currency },
      lineAmounts: bySku(request, perLine),
      freeShipping,
      ...evidenceOf(request, promotion.definition, stock, matchingOf(candidate)),
    });
  }
  return {
    subtotal,
    applied,
    notApplied: notApplied.sort((a, b) => compareIds(a.promotionId, b.promotionId)),
  };
}

const unmet = (detail: string) => ({ reason: 'condition_unmet' as const, detail });

function unmetRule(
  request: PricingRequest,
  subtotal: number,
  candidate: Candidate,
  stock: StockFacts,
  matchingOf: (candidate: Candidate) => readonly boolean[],
): { reason: NotAppliedReason; detail: string } | null {
  const { promotion, code } = candidate;
  const { rules, codes } = promotion.definition;
  if (promotion.status !== 'active') return { reason: 'not_active', detail: `it is ${promotion.status}` };
  if (codes.mode !== 'automatic' && code === null)
    return { reason: 'code_required', detail: 'it needs a code' };
  const at = Date.parse(request.at);
  if (rules.startsAt !== null && at < Date.parse(rules.startsAt))
    return { reason: 'outside_window', detail: `it starts at ${rules.startsAt}` };
  if (rules.endsAt !== null && at >= Date.parse(rules.endsAt))
    return { reason: 'outside_window', detail: `it ended at ${rules.endsAt}` };
  if (rules.currency !== null && rules.currency !== request.currency)
    return unmet(`only for ${rules.currency}`);
  if (rules.channels.length > 0 && (request.channel === null || !rules.channels.includes(request.channel)))
    return unmet(`only on ${rules.channels.join(', ')}`);
  if (
    rules.customerGroups.length > 0 &&
    !request.customer?.groups.some((g) => rules.customerGroups.includes(g))
  )
    return unmet(`only for ${rules.customerGroups.join(', ')}`);
  if (rules.firstOrderOnly && request.customer?.firstOrder !== true) return unmet('only on a first order');
  const mask = matchingOf(candidate);
  const matching = request.lines.filter((_, i) => mask[i]);
  const rule = rules.stock ?? null;
  if (matching.length === 0 && rule !== null && request.lines.some((l) => matches(promotion.definition, l)))
    return unmet(`only while stock is ${describeStockRule(rule)}`);
  if (matching.length === 0) return unmet('no item in the cart qualifies');
  if (rules.minSubtotal !== null && subtotal < rules.minSubtotal)
    return unmet(`the subtotal must reach ${rules.minSubtotal}`);
  const units = matching.reduce((n, line) => n + line.quantity, 0);
  if (rules.minQuantity !== null && units < rules.minQuantity)
    return unmet(`needs ${rules.minQuantity} qualifying units`);
  return null;
}

type LineLike = PricingRequest['lines'][number];

/** The line is one the promotion is about, and (with `stock`) its SKU meets the stock rule. */
function matches({ rules }: PromotionDefinition, line: LineLike, stock?: StockFacts): boolean {
  if (stock !== undefined && rules.stock && !stockHolds(rules.stock, stock.get(line.sku))) return false;
  if (rules.productIds.length === 0 && rules.categories.length === 0 && rules.brands.length === 0)
    return true;
  return (
    rules.productIds.includes(line.productId) ||
    rules.categories.includes(line.category) ||
    rules.brands.includes(line.brand)
  );
}

/** `matches` for each of the request's lines. */
function matchingLines(
  request: PricingRequest,
  definition: PromotionDefinition,
  stock: StockFacts,
): boolean[] {
  return request.lines.map((line) => matches(definition, line, stock));
}

function stockHolds(rule: StockRule, fact: StockFact | undefined): boolean {
  const value = fact === undefined ? null : rule.measure === 'on_hand' ? fact.onHand : fact.daysOfCover;
  if (value === null) return false;
  return (rule.above === null || value > rule.above) && (rule.below === null || value < rule.below);
}

function describeStockRule(rule: StockRule): string {
  const unit = rule.measure === 'on_hand' ? 'units on hand' : 'days of cover';
  if (rule.below === null) return `above ${rule.above} ${unit}`;
  if (rule.above === null) return `below ${rule.below} ${unit}`;
  return `between ${rule.above} and ${rule.below} ${unit}`;
}

/** The stock figures a stock rule was decided on, for the order to cite. */
function evidenceOf(
  request: PricingRequest,
  definition: PromotionDefinition,
  stock: StockFacts,
  mask: readonly boolean[],
): { evidence?: StockFact[] } {
  if (!definition.rules.stock) return {};
  const skus = [...new Set(request.lines.filter((_, i) => mask[i]).map((l) => l.sku))];
  return { evidence: skus.sort().map((sku) => ({ ...stock.get(sku)! })) };
}

type Discount = { perLine: number[]; total: number; unmet?: string };

/** What the promotion takes off each line, given what is left of each (`remaining`). */
function discountOf(
  request: PricingRequest,
  promotion: Promotion,
  remaining: readonly number[],
  subtotal: number,
  /** Which lines the promotion is about (`matchingLines`). */
  matching: readonly boolean[],
): Discount {
  const { action } = promotion.definition;
  const lines = request.lines;
  // No closures made per call here: the engine runs this for every candidate twice per pricing.
  switch (action.kind) {
    case 'items_percent': {
      const perLine = remaining.map((left, i) => (matching[i] ? pct(left, action.basisPoints) : 0));
      return capped(perLine, remaining);
    }
    case 'items_fixed': {
      const perLine = lines.map((line, i) => (matching[i] ? action.amountPerUnit * line.quantity : 0));
      return capped(perLine, remaining);
    }
    case 'buy_x_get_y': {
      const units = unitsOf(lines, matching);
      const free = Math.floor(count(units) / (action.buy + action.get)) * action.get;
      if (free === 0) return noDiscount(lines, `needs ${action.buy + action.get} qualifying units`);
      const taken = take(units, free, action.pick === 'cheapest' ? 'ascending' : 'descending');
      return capped(
        lines.map((line, i) => pct(line.unitPrice.amount * (taken.get(i) ?? 0), action.basisPoints)),
        remaining,
      );
    }
    case 'bundle_price': {
      const sets = Math.min(
        ...action.items.map(({ productId, quantity }) => {
          const held = lines.reduce((n, l) => n + (l.productId === productId ? l.quantity : 0), 0);
          return Math.floor(held / quantity);
        }),
      );
      if (sets === 0) return noDiscount(lines, 'the cart does not hold the whole bundle');
      const consumed = lines.map(() => 0);
      for (const { productId, quantity } of action.items) {
        let need = quantity * sets;
        lines.forEach((line, i) => {
          if (line.productId !== productId || need === 0) return;
          const units = Math.min(need, line.quantity);
          consumed[i] = consumed[i]! + units * line.unitPrice.amount;
          need -= units;
        });
      }
      return groupPrice(consumed, sets * action.price, remaining);
    }
    case 'mix_and_match': {
      const units = unitsOf(lines, matching);
      const groups = Math.floor(count(units) / action.quantity);
      if (groups === 0) return noDiscount(lines, `needs ${action.quantity} qualifying units`);
      const taken = take(units, groups * action.quantity, 'descending');
      return groupPrice(
        lines.map((line, i) => line.unitPrice.amount * (taken.get(i) ?? 0)),
        groups * action.price,
        remaining,
      );
    }
    case 'tiered': {
      const tier = action.tiers
        .filter((t) => subtotal >= t.minSubtotal)
        .reduce<{ basisPoints: number; minSubtotal: number } | null>(
          (best, t) => (best === null || t.minSubtotal > best.minSubtotal ? t : best),
          null,
        );
      if (tier === null)
        return noDiscount(
          lines,
          `the subtotal must reach ${Math.min(...action.tiers.map((t) => t.minSubtotal))}`,
        );
      return orderLevel(remaining, (left) => pct(left, tier.basisPoints));
    }
    case 'order_percent':
      return orderLevel(remaining, (left) => pct(left, action.basisPoints));
    case 'order_fixed':
      return orderLevel(remaining, (left) => Math.min(action.amount, left));
    case 'free_shipping':
      return noDiscount(lines);
    default: {
      const never: never = action;
      return never;
    }
  }
}

function noDiscount(lines: readonly unknown[], unmet?: string): Discount {
  return { perLine: new Array<number>(lines.length).fill(0), total: 0, ...(unmet ? { unmet } : {}) };
}

const pct = (amount: number, basisPoints: number) =>
  percentage({ amount, currency: 'XXX' }, basisPoints).amount;

/** Never more off a line than what is left of it. */
function capped(perLine: number[], remaining: readonly number[]): Discount {
  const bounded = perLine.map((amount, i) => Math.max(0, Math.min(amount, remaining[i]!)));
  return { perLine: bounded, total: bounded.reduce((a, b) => a + b, 0) };
}

/** An order-level discount of what is left, spread over the lines in proportion to what each has left. */
function orderLevel(remaining: readonly number[], amountOf: (left: number) => number): Discount {
  const left = remaining.reduce((a, b) => a + b, 0);
  const amount = Math.min(amountOf(left), left);
  if (amount <= 0) return { perLine: remaining.map(() => 0), total: 0 };
  return capped(spread(amount, remaining), remaining);
}

/** Units priced together (a bundle, a mix-and-match group): the saving, spread over the units' lines. */
function groupPrice(consumed: readonly number[], price: number, remaining: readonly number[]): Discount {
  const value = consumed.reduce((a, b) => a + b, 0);
  const saving = value - price;
  if (saving <= 0) return { perLine: consumed.map(() => 0), total: 0, unmet: 'the set already costs less' };
  return capped(spread(saving, consumed), remaining);
}

function spread(amount: number, weights: readonly number[]): number[] {
  return split({ amount, currency: 'XXX' }, weights).map((m) => m.amount);
}

type Units = { line: number; price: number; quantity: number }[];

function unitsOf(lines: readonly LineLike[], matching: readonly boolean[]): Units {
  const units: Units = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (matching[i]) units.push({ line: i, price: line.unitPrice.amount, quantity: line.quantity });
  }
  return units;
}

const count = (units: Units) => units.reduce((n, u) => n + u.quantity, 0);

/** Takes `n` units, cheapest or dearest first (ties by line order), as units per line. */
function take(units: Units, n: number, order: 'ascending' | 'descending'): Map<number, number> {
  const sorted = [...units].sort((a, b) =>
    a.price === b.price ? a.line - b.line : order === 'ascending' ? a.price - b.price : b.price - a.price,
  );
  const taken = new Map<number, number>();
  let left = n;
  for (const unit of sorted) {
    if (left === 0) break;
    const k = Math.min(left, unit.quantity);
    taken.set(unit.line, (taken.get(unit.line) ?? 0) + k);
    left -= k;
  }
  return taken;
}

function bySku(
  request: PricingRequest,
  perLine: readonly number[],
): { sku: string; amount: { amount: number; currency: string } }[] {
  const totals = new Map<string, number>();
  perLine.forEach((amount, i) => {
    if (amount === 0) return;
    const sku = request.lines[i]!.sku;
    totals.set(sku, (totals.get(sku) ?? 0) + amount);
  });
  return [...totals].map(([sku, amount]) => ({ sku, amount: { amount, currency: request.currency } }));
}

const levelRank: Record<PromotionAction['kind'], number> = {
  items_percent: 0,
  buy_x_get_y: 1,
  bundle_price: 2,
  mix_and_match: 3,
  items_fixed: 4,
  tiered: 5,
  order_percent: 6,
  order_fixed: 7,
  free_shipping: 8,
};

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byPriority(a: Candidate, b: Candidate): number {
  const pa = a.promotion.definition.priority;
  const pb = b.promotion.definition.priority;
  return pa !== pb ? pb - pa : compareIds(a.promotion.promotionId, b.promotion.promotionId);
}

function byApplicationOrder(a: Candidate, b: Candidate): number {
  const ra = levelRank[a.promotion.definition.action.kind];
  const rb = levelRank[b.promotion.definition.action.kind];
  return ra !== rb ? ra - rb : byPriority(a, b);
}

const labelName = (c: Candidate) => c.code ?? c.promotion.definition.name;

const percent = (bp: number) => `${bp / 100}%`;

function describe(action: PromotionAction, currency: string): string {
  const amount = (minor: number) => `${minor} ${currency} (minor units)`;
  switch (action.kind) {
    case 'order_percent':
      return `${percent(action.basisPoints)} off the order`;
    case 'order_fixed':
      return `${amount(action.amount)} off the order`;
    case 'items_percent':
      return `${percent(action.basisPoints)} off qualifying items`;
    case 'items_fixed':
      return `${amount(action.amountPerUnit)} off each qualifying item`;
    case 'free_shipping':
      return 'free shipping';
    case 'buy_x_get_y':
      return `buy ${action.buy} get ${action.get} ${action.basisPoints === 10_000 ? 'free' : `${percent(action.basisPoints)} off`} (${action.pick.replace('_', ' ')} first)`;
    case 'bundle_price':
      return `bundle for ${amount(action.price)}`;
    case 'mix_and_match':
      return `any ${action.quantity} for ${amount(action.price)}`;
    case 'tiered':
      return `tiered: ${action.tiers.map((t) => `${percent(t.basisPoints)} over ${t.minSubtotal}`).join(', ')}`;
    default: {
      const never: never = action;
      return never;
    }
  }
}

import { ValidationFailed } from '../errors.ts';
import {
  requireIsoTime,
  requireKey,
  requireNonNegativeInt,
  requirePositiveInt,
  requireText,
} from '../validation.ts';
import { normalizeCode } from './codes.ts';

/**
 * What a promotion is: when it applies (its rules), what it takes off (its action), how it stacks
 * with others, how it is unlocked and how often it may be used. Amounts are integer minor units of
 * the promotion's `currency`; a promotion with an amount must name its currency.
 */
export type PromotionDefinition = {
  name: string;
  rules: PromotionRules;
  action: PromotionAction;
  /** Exclusive: applies alone. Combinable: applies with every other combinable promotion. */
  stacking: 'exclusive' | 'combinable';
  /** Higher first; ties go to the smaller promotion id, so the order is always the same. */
  priority: number;
  /** Automatic: no code needed. Shared: one code (`SUMMER20`). Unique: single-use generated codes. */
  codes: { mode: 'automatic' } | { mode: 'shared'; code: string } | { mode: 'unique' };
  limits: UsageLimits;
};

export type PromotionRules = {
  /** Order subtotal (before discounts) the cart must reach. */
  minSubtotal: number | null;
  /** Matching units the cart must hold. */
  minQuantity: number | null;
  /**
   * Which items match: a line matches when it is in any listed product, category or brand; all
   * three empty means every line matches. Item actions discount matching lines only; an order
   * action needs at least one matching line.
   */
  productIds: string[];
  categories: string[];
  brands: string[];
  /** Empty: everyone; else the customer must be in one of them. */
  customerGroups: string[];
  firstOrderOnly: boolean;
  /** The window, start inclusive and end exclusive; null is open-ended. */
  startsAt: string | null;
  endsAt: string | null;
  /** Empty: every channel. */
  channels: string[];
  /** The cart's currency must be this one; null: any currency (percent actions only). */
  currency: string | null;
  /**
   * A stock level the matching items must be at: a line matches only while its SKU's stock is
   * above `above` and below `below` (either may be open). Clearance: `days_of_cover` above 90.
   * Absent or null: no stock condition (definitions made before this rule have none).
   */
  stock?: StockRule | null;
};

/**
 * `on_hand`: units on hand over every location. `days_of_cover`: available units over the expected
 * daily demand the forecasts recorded on the write side (`replenishment-{sku}@{location}`), summed
 * over locations; no recorded demand means no figure, and the rule does not hold.
 */
export type StockRule = { measure: 'on_hand' | 'days_of_cover'; above: number | null; below: number | null };

/** Basis points: 2000 = 20 %, 10000 = free. */
export type PromotionAction =
  | { kind: 'order_percent'; basisPoints: number }
  | { kind: 'order_fixed'; amount: number }
  | { kind: 'items_percent'; basisPoints: number }
  /** Off each matching unit. */
  | { kind: 'items_fixed'; amountPerUnit: number }
  | { kind: 'free_shipping' }
  /**
   * For every `buy + get` matching units, `get` units are discounted by `basisPoints`. `pick`
   * chooses which: the cheapest matching units or the most expensive ones.
   */
  | {
      kind: 'buy_x_get_y';
      buy: number;
      get: number;
      basisPoints: number;
      pick: 'cheapest' | 'most_expensive';
    }
  /** Each complete set of these products costs `price` together. */
  | { kind: 'bundle_price'; items: { productId: string; quantity: number }[]; price: number }
  /** Any `quantity` matching units cost `price`; groups are formed from the most expensive units first. */
  | { kind: 'mix_and_match'; quantity: number; price: number }
  /** Percent off the order by the highest tier its subtotal reaches (10 % over 100, 15 % over 200). */
  | { kind: 'tiered'; tiers: { minSubtotal: number; basisPoints: number }[] };

export type UsageLimits = {
  /**
   * What a limit counts: `orders` (one use per order) or `units` (the discounted units an order
   * takes: a flash sale's limited quantity).
   */
  counts: 'orders' | 'units';
  /** Uses over all customers; null: no limit. */
  total: number | null;
  perCustomer: number | null;
  /** Uses of each code (unique codes are single-use whatever this says). */
  perCode: number | null;
};

export const actionKinds = [
  'order_percent',
  'order_fixed',
  'items_percent',
  'items_fixed',
  'free_shipping',
  'buy_x_get_y',
  'bundle_price',
  'mix_and_match',
  'tiered',
] as const satisfies readonly PromotionAction['kind'][];

const CURRENCY = /^[A-Z]{3}$/;

/** Refuses a definition that could not be evaluated, naming the field. Returns it normalized. */
export function validateDefinition(definition: PromotionDefinition): PromotionDefinition {
  requireText('name', definition.name);
  const { rules, action, limits } = definition;
  if (rules.currency !== null && !CURRENCY.test(rules.currency))
    throw new ValidationFailed('rules.currency', 'must be an ISO 4217 code');
  const needsCurrency = rules.minSubtotal !== null || hasAmount(action);
  if (needsCurrency && rules.currency === null)
    throw new ValidationFailed('rules.currency', 'is required when the promotion names an amount');
  if (rules.minSubtotal !== null) requireNonNegativeInt('rules.minSubtotal', rules.minSubtotal);
  if (rules.minQuantity !== null) requirePositiveInt('rules.minQuantity', rules.minQuantity);
  rules.productIds.forEach((id, i) => requireKey(`rules.productIds[${i}]`, id));
  rules.categories.forEach((c, i) => requireText(`rules.categories[${i}]`, c));
  rules.brands.forEach((b, i) => requireText(`rules.brands[${i}]`, b));
  rules.customerGroups.forEach((g, i) => requireText(`rules.customerGroups[${i}]`, g));
  rules.channels.forEach((c, i) => requireText(`rules.channels[${i}]`, c));
  if (rules.startsAt !== null) requireIsoTime('rules.startsAt', rules.startsAt);
  if (rules.endsAt !== null) requireIsoTime('rules.endsAt', rules.endsAt);
  if (
    rules.startsAt !== null &&
    rules.endsAt !== null &&
    Date.parse(rules.endsAt) <= Date.parse(rules.startsAt)
  )
    throw new ValidationFailed('rules.endsAt', 'must be after rules.startsAt');
  if (rules.stock !== undefined && rules.stock !== null) validateStockRule(rules.stock);
  validateAction(action);
  if (!Number.isSafeInteger(definition.priority))
    throw new ValidationFailed('priority', 'must be an integer');
  if (limits.counts !== 'orders' && limits.counts !== 'units')
    throw new ValidationFailed('limits.counts', 'must be orders or units');
  if (limits.total !== null) requirePositiveInt('limits.total', limits.total);
  if (limits.perCustomer !== null) requirePositiveInt('limits.perCustomer', limits.perCustomer);
  if (limits.perCode !== null) requirePositiveInt('limits.perCode', limits.perCode);
  const codes =
    definition.codes.mode === 'shared'
      ? { mode: 'shared' as const, code: normalizeCode('codes.code', definition.codes.code) }
      : definition.codes;
  return { ...definition, codes };
}

function validateStockRule(rule: StockRule): void {
  if (rule.measure !== 'on_hand' && rule.measure !== 'days_of_cover')
    throw new ValidationFailed('rules.stock.measure', 'must be on_hand or days_of_cover');
  if (rule.above === null && rule.below === null)
    throw new ValidationFailed('rules.stock', 'needs a level: above, below or both');
  if (rule.above !== null) requireNonNegativeInt('rules.stock.above', rule.above);
  if (rule.below !== null) requirePositiveInt('rules.stock.below', rule.below);
  if (rule.above !== null && rule.below !== null && rule.below <= rule.above)
    throw new ValidationFailed('rules.stock.below', 'must be above rules.stock.above');
}

function validateAction(action: PromotionAction): void {
  switch (action.kind) {
    case 'order_percent':
    case 'items_percent':
      return requireBasisPoints('action.basisPoints', action.basisPoints);
    case 'order_fixed':
      requirePositiveInt('action.amount', action.amount);
      return;
    case 'items_fixed':
      requirePositiveInt('action.amountPerUnit', action.amountPerUnit);
      return;
    case 'free_shipping':
      return;
    case 'buy_x_get_y':
      requirePositiveInt('action.buy', action.buy);
      requirePositiveInt('action.get', action.get);
      return requireBasisPoints('action.basisPoints', action.basisPoints);
    case 'bundle_price':
      if (action.items.length === 0) throw new ValidationFailed('action.items', 'must not be empty');
      action.items.forEach((item, i) => {
        requireKey(`action.items[${i}].productId`, item.productId);
        requirePositiveInt(`action.items[${i}].quantity`, item.quantity);
      });
      if (new Set(action.items.map((i) => i.productId)).size !== action.items.length)
        throw new ValidationFailed('action.items', 'must name each product once');
      requireNonNegativeInt('action.price', action.price);
      return;
    case 'mix_and_match':
      requirePositiveInt('action.quantity', action.quantity);
      requireNonNegativeInt('action.price', action.price);
      return;
    case 'tiered':
      if (action.tiers.length === 0) throw new ValidationFailed('action.tiers', 'must not be empty');
      action.tiers.forEach((tier, i) => {
        requireNonNegativeInt(`action.tiers[${i}].minSubtotal`, tier.minSubtotal);
        requireBasisPoints(`action.tiers[${i}].basisPoints`, tier.basisPoints);
      });
      return;
    default:
      throw new ValidationFailed('action.kind', `must be one of ${actionKinds.join(', ')}`);
  }
}

function hasAmount(action: PromotionAction): boolean {
  return ['order_fixed', 'items_fixed', 'bundle_price', 'mix_and_match', 'tiered'].includes(action.kind);
}

function requireBasisPoints(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0 || value > 10_000)
    throw new ValidationFailed(field, 'must be an integer from 1 to 10000 (basis points)');
}

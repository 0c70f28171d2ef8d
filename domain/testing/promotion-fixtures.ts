import type { PricingLine, PricingRequest } from '../pricing/price-breakdown.ts';
import type { Promotion, PromotionAction, PromotionDefinition, PromotionRules } from '../promotions/index.ts';

/** Rules that hold for any EUR cart: tests override only what they are about. */
export const anyCart: PromotionRules = {
  minSubtotal: null,
  minQuantity: null,
  productIds: [],
  categories: [],
  brands: [],
  customerGroups: [],
  firstOrderOnly: false,
  startsAt: null,
  endsAt: null,
  channels: [],
  currency: 'EUR',
};

export function definition(
  action: PromotionAction,
  overrides: Partial<Omit<PromotionDefinition, 'rules'>> & { rules?: Partial<PromotionRules> } = {},
): PromotionDefinition {
  const { rules, ...rest } = overrides;
  return {
    name: 'Promo',
    action,
    stacking: 'combinable',
    priority: 0,
    codes: { mode: 'automatic' },
    limits: { counts: 'orders', total: null, perCustomer: null, perCode: null },
    ...rest,
    rules: { ...anyCart, ...rules },
  };
}

export function active(promotionId: string, def: PromotionDefinition, version = 1): Promotion {
  return { status: 'active', promotionId, version, definition: def };
}

export function line(
  sku: string,
  unitPrice: number,
  quantity = 1,
  extra: Partial<PricingLine> = {},
): PricingLine {
  return {
    productId: `p-${sku}`,
    sku,
    category: 'mugs',
    brand: 'acme',
    quantity,
    unitPrice: { amount: unitPrice, currency: 'EUR' },
    ...extra,
  };
}

export function cart(lines: readonly PricingLine[], overrides: Partial<PricingRequest> = {}): PricingRequest {
  return {
    currency: 'EUR',
    lines,
    shippingAddress: null,
    shippingMethodId: null,
    customer: { customerId: 'c1', groups: [], firstOrder: false },
    couponCodes: [],
    channel: 'web',
    at: '2026-12-05T10:00:00Z',
    ...overrides,
  };
}

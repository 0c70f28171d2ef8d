/**
 * Stream names, one per consistency boundary. Stock is per SKU and location so that two locations
 * never contend for the same stream. Keys are validated with `requireKey`, which keeps `@` out of
 * SKUs and location ids so a stock stream name parses back unambiguously.
 */
export const productStream = (productId: string): string => `product-${productId}`;
/** The claim that makes a SKU unique across products (see `skuClaimDecider`). */
export const skuStream = (sku: string): string => `sku-${sku}`;
export const locationStream = (locationId: string): string => `location-${locationId}`;
export const stockStream = (sku: string, location: string): string => `stock-${sku}@${location}`;
export const orderStream = (orderId: string): string => `order-${orderId}`;
/** Stock targets and suggestions of a SKU at a location, kept off its hot stock stream. */
export const replenishmentStream = (sku: string, location: string): string =>
  `replenishment-${sku}@${location}`;

export function parseStockStream(stream: string): { sku: string; location: string } | null {
  const match = /^stock-([^@]+)@([^@]+)$/.exec(stream);
  return match?.[1] !== undefined && match[2] !== undefined ? { sku: match[1], location: match[2] } : null;
}
/** A custom role an admin defined (`roleDecider`). */
export const roleStream = (name: string): string => `role-${name}`;
/** A customer's account (`customerDecider`). */
export const customerStream = (customerId: string): string => `customer-${customerId}`;
/** A data subject's privacy record (its erasure); the subject is the customer id orders carry. */
export const privacyStream = (subjectId: string): string => `privacy-${subjectId}`;
/** A return and its RMA (`returnDecider`). */
export const returnStream = (returnId: string): string => `return-${returnId}`;
/** What of an order's lines is already under a return, so no unit is returned twice (`returnedDecider`). */
export const returnedStream = (orderId: string): string => `returned-${orderId}`;
/** The shop's returns policy (`returnPolicyDecider`); one stream, of its own category. */
export const returnPolicyStream = (): string => 'returnpolicy-shop';
/** The claim that makes an account's email unique (`emailClaimDecider`); `digest` hides the address. */
export const emailClaimStream = (kind: 'customer' | 'staff', digest: string): string =>
  `email-${kind}.${digest}`;
/** A staff account, from its invitation on (`staffDecider`). */
export const staffStream = (staffId: string): string => `staff-${staffId}`;
/** One login session and its refresh-token family (`sessionDecider`). */
export const sessionStream = (sessionId: string): string => `session-${sessionId}`;
/** An account's second factor and login activity, customers and staff alike (`accountSecurityDecider`). */
export const accountSecurityStream = (accountId: string): string => `auth-${accountId}`;
/** The shop's shipping zones, methods and rates (`shippingDecider`); one stream, of its own category. */
export const shippingConfigStream = (): string => 'shipping-shop';
/** The shop's tax regions, rates and rounding (`taxDecider`); one stream, of its own category. */
export const taxConfigStream = (): string => 'tax-shop';
/** A shopper's cart, a customer's or a guest's (`cartDecider`). */
export const cartStream = (cartId: string): string => `cart-${cartId}`;
/** A customer's wishlist (`wishlistDecider`). */
export const wishlistStream = (customerId: string): string => `wishlist-${customerId}`;
/** A scheduled price change, or the record of a mass change (`priceChangeDecider`). */
export const priceChangeStream = (changeId: string): string => `pricechange-${changeId}`;
/** A promotion's definition, versions and lifecycle (`promotionDecider`). */
export const promotionStream = (promotionId: string): string => `promotion-${promotionId}`;
/** The claim that makes a coupon code unique, whatever its case (`codeClaimDecider`); `code` is normalized. */
export const couponStream = (code: string): string => `coupon-${code}`;
/** The batches of one generation of unique codes (`codeGenerationDecider`). */
export const couponGenerationStream = (generationId: string): string => `coupongen-${generationId}`;
/** Every redemption of a promotion, and its total limit (`redemptionDecider`). */
export const promotionRedemptionStream = (promotionId: string): string => `redemption-${promotionId}`;
/** One customer's redemptions of a promotion, for its per-customer limit. */
export const customerRedemptionStream = (promotionId: string, customerId: string): string =>
  `redemption-${promotionId}@${customerId}`;
/** One code's redemptions, for its per-code limit (single-use codes: 1). */
export const codeRedemptionStream = (code: string): string => `couponuse-${code}`;
/** A saved report of the dashboard's builder and its mail schedule (`reportDecider`). */
export const reportStream = (reportId: string): string => `report-${reportId}`;
/** A price list: one currency, some customer groups, prices with quantity tiers (`priceListDecider`). */
export const priceListStream = (priceListId: string): string => `pricelist-${priceListId}`;

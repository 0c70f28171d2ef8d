/** The promotions read model's tables (schema `rm_promotions_g<generation>`). */
import type {
  AppliedPrice,
  MassSelection,
  PriceTarget,
  SkippedPrice,
} from '../../domain/price-changes/index.ts';
import type { PriceListStatus, PriceTier } from '../../domain/price-lists/index.ts';
import type { PromotionDefinition, PromotionStatus } from '../../domain/promotions/index.ts';
import { col, defineTable, type DatabaseOf, type WriteRow } from '../table-declaration.ts';
import type { UpdateRow } from '../table-writes.ts';

/** One row per promotion, as its last version defines it, with its lifecycle status. */
export const promotions = defineTable({
  name: 'promotions',
  columns: {
    promotion_id: col.text(),
    name: col.text(),
    status: col.text<PromotionStatus>(),
    version: col.integer(),
    action_kind: col.text(),
    stacking: col.text<'exclusive' | 'combinable'>(),
    priority: col.integer(),
    code_mode: col.text<'automatic' | 'shared' | 'unique'>(),
    /** The shared code, normalized; null for automatic and unique-code promotions. */
    shared_code: col.text().nullable(),
    starts_at: col.timestamptz().nullable(),
    ends_at: col.timestamptz().nullable(),
    counts: col.text<'orders' | 'units'>(),
    limit_total: col.integer().nullable(),
    limit_per_customer: col.integer().nullable(),
    limit_per_code: col.integer().nullable(),
    definition: col.jsonb<PromotionDefinition>(),
    /**
     * When it was last activated (null: never). Its reduction began at the later of this and
     * `starts_at`: the moment the EU Omnibus "was" price looks back 30 days from.
     */
    activated_at: col.timestamptz().nullable(),
    created_at: col.timestamptz(),
    updated_at: col.timestamptz(),
  },
  primaryKey: ['promotion_id'],
  indexes: [{ name: 'promotions_status_idx', on: ['status', 'code_mode', 'promotion_id'] }],
});

/** Every claimed code (shared and generated), for the code lookup. */
export const promotionCodes = defineTable({
  name: 'promotion_codes',
  columns: {
    code: col.text(),
    promotion_id: col.text(),
    generation_id: col.text().nullable(),
    single_use: col.boolean(),
    /** Given back by a compensation (a promotion refused after its code was claimed). */
    released: col.boolean(),
    claimed_at: col.timestamptz(),
  },
  primaryKey: ['code'],
  indexes: [{ name: 'promotion_codes_promotion_idx', on: ['promotion_id', 'generation_id'] }],
});

/**
 * One row per order that redeemed a promotion (from the promotion's own redemption stream): what
 * it took off, and whether it was given back. The cost reports sum the rows not released.
 */
export const promotionRedemptions = defineTable({
  name: 'promotion_redemptions',
  columns: {
    promotion_id: col.text(),
    order_id: col.text(),
    promotion_version: col.integer(),
    code: col.text().nullable(),
    customer_id: col.text().nullable(),
    units: col.integer(),
    amount: col.bigint(),
    currency: col.text(),
    redeemed_at: col.timestamptz(),
    released_at: col.timestamptz().nullable(),
    release_reason: col.text().nullable(),
  },
  primaryKey: ['promotion_id', 'order_id'],
  indexes: [
    { name: 'promotion_redemptions_code_idx', on: ['code'] },
    { name: 'promotion_redemptions_day_idx', on: ['promotion_id', 'redeemed_at'] },
  ],
});

/** One row per price list (`pricelist-{id}`): its currency, groups and priority, as staff set them. */
export const priceLists = defineTable({
  name: 'price_lists',
  columns: {
    price_list_id: col.text(),
    name: col.text(),
    currency: col.text(),
    /** Empty: a list for every buyer in its currency. */
    customer_groups: col.jsonb<string[]>(),
    priority: col.integer(),
    status: col.text<PriceListStatus>(),
    created_at: col.timestamptz(),
    updated_at: col.timestamptz(),
  },
  primaryKey: ['price_list_id'],
  indexes: [{ name: 'price_lists_status_idx', on: ['status', 'currency', 'price_list_id'] }],
});

/** A product's tiers in a list; a removed price keeps its row, `removed` (the read model never deletes). */
export const priceListPrices = defineTable({
  name: 'price_list_prices',
  columns: {
    price_list_id: col.text(),
    product_id: col.text(),
    tiers: col.jsonb<PriceTier[]>(),
    removed: col.boolean(),
    updated_at: col.timestamptz(),
  },
  primaryKey: ['price_list_id', 'product_id'],
});

/**
 * One row per price change (`pricechange-{id}`): a scheduled change of named products or a mass
 * change (now or scheduled), with who asked for it, why, when it takes effect and what it did.
 */
export const priceChanges = defineTable({
  name: 'price_changes',
  columns: {
    change_id: col.text(),
    /** `prices`: named products at named prices; `mass`: a selection moved by an adjustment. */
    kind: col.text<'prices' | 'mass'>(),
    status: col.text<'scheduled' | 'applied' | 'cancelled'>(),
    reason: col.text(),
    /** Who scheduled it, or applied it when it was applied at once. */
    actor_id: col.text(),
    actor_role: col.text(),
    effective_at: col.timestamptz(),
    /** A mass change's categories, brands, adjustment and rounding; null for named prices. */
    selection: col.jsonb<MassSelection>().nullable(),
    /** The named products' scheduled prices (empty for a mass change). */
    targets: col.jsonb<PriceTarget[]>(),
    applied: col.jsonb<AppliedPrice[]>(),
    skipped: col.jsonb<SkippedPrice[]>(),
    created_at: col.timestamptz(),
    updated_at: col.timestamptz(),
  },
  primaryKey: ['change_id'],
  indexes: [{ name: 'price_changes_effective_idx', on: ['effective_at', 'change_id'] }],
});

export const promotionTables = [
  promotions,
  promotionCodes,
  promotionRedemptions,
  priceLists,
  priceListPrices,
  priceChanges,
] as const;

export type PromotionsDatabase = DatabaseOf<typeof promotionTables>;
export type PromotionRow = WriteRow<typeof promotions>;
export type PromotionCodeRow = WriteRow<typeof promotionCodes>;
export type PromotionRedemptionRow = WriteRow<typeof promotionRedemptions>;
export type PriceListRow = WriteRow<typeof priceLists>;
export type PriceListPriceRow = WriteRow<typeof priceListPrices>;
export type PriceChangeRow = WriteRow<typeof priceChanges>;

/** What an edit sets (its definition columns), and what a lifecycle change sets. */
export const definitionColumns = [
  'name',
  'version',
  'action_kind',
  'stacking',
  'priority',
  'starts_at',
  'ends_at',
  'counts',
  'limit_total',
  'limit_per_customer',
  'limit_per_code',
  'definition',
  'updated_at',
] as const;
export type DefinitionChange = UpdateRow<typeof promotions, (typeof definitionColumns)[number]>;
export const statusColumns = ['status', 'updated_at'] as const;
export type StatusChange = UpdateRow<typeof promotions, (typeof statusColumns)[number]>;
export const activationColumns = ['activated_at'] as const;
export type Activation = UpdateRow<typeof promotions, (typeof activationColumns)[number]>;
export const releaseColumns = ['released_at', 'release_reason'] as const;
export type RedemptionRelease = UpdateRow<typeof promotionRedemptions, (typeof releaseColumns)[number]>;
export const codeReleaseColumns = ['released'] as const;
export type CodeRelease = UpdateRow<typeof promotionCodes, (typeof codeReleaseColumns)[number]>;
export const priceListStatusColumns = ['status', 'updated_at'] as const;
export type PriceListStatusChange = UpdateRow<typeof priceLists, (typeof priceListStatusColumns)[number]>;
export const priceChangeOutcomeColumns = ['status', 'applied', 'skipped', 'updated_at'] as const;
export type PriceChangeOutcome = UpdateRow<typeof priceChanges, (typeof priceChangeOutcomeColumns)[number]>;

import { sql, type Kysely } from 'kysely';
import type { PromotionDefinition, PromotionStatus } from '../../domain/promotions/index.ts';
import { isoTime as iso } from '../batch-write.ts';
import { toNumber } from '../column-types.ts';
import type { PromotionsDatabase } from './tables.ts';

/** Redemptions still held per promotion: what it was used for and what it cost. */
function redemptionStats(db: Kysely<PromotionsDatabase>) {
  return db
    .selectFrom('promotion_redemptions')
    .select([
      'promotion_id',
      sql<string | number>`count(*) filter (where released_at is null)`.as('redemptions'),
      sql<string | number>`coalesce(sum(units) filter (where released_at is null), 0)`.as('units'),
      sql<string | number>`coalesce(sum(amount) filter (where released_at is null), 0)`.as('discount_cost'),
      sql<string | number>`count(*) filter (where released_at is not null)`.as('released'),
    ])
    .groupBy('promotion_id');
}

function withStats(db: Kysely<PromotionsDatabase>) {
  return db
    .selectFrom('promotions as p')
    .leftJoin(redemptionStats(db).as('s'), 's.promotion_id', 'p.promotion_id')
    .selectAll('p')
    .select(['s.redemptions', 's.units', 's.discount_cost', 's.released']);
}

type Joined = Awaited<ReturnType<ReturnType<typeof withStats>['execute']>>[number];

function summary(row: Joined) {
  const redemptions = toNumber(row.redemptions ?? 0);
  const units = toNumber(row.units ?? 0);
  const used = row.counts === 'units' ? units : redemptions;
  return {
    promotionId: row.promotion_id,
    name: row.name,
    status: row.status,
    version: row.version,
    actionKind: row.action_kind,
    stacking: row.stacking,
    priority: row.priority,
    codeMode: row.code_mode,
    sharedCode: row.shared_code,
    startsAt: row.starts_at === null ? null : iso(row.starts_at),
    endsAt: row.ends_at === null ? null : iso(row.ends_at),
    limits: {
      counts: row.counts,
      total: row.limit_total,
      perCustomer: row.limit_per_customer,
      perCode: row.limit_per_code,
    },
    redemptions,
    unitsRedeemed: units,
    /** Of the total limit; null without one. */
    left: row.limit_total === null ? null : Math.max(0, row.limit_total - used),
    /** What the promotion took off orders still standing, in minor units of their currency. */
    discountCost: toNumber(row.discount_cost ?? 0),
    released: toNumber(row.released ?? 0),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export type PromotionSummary = ReturnType<typeof summary>;

export async function listPromotions(
  db: Kysely<PromotionsDatabase>,
  request: { status?: PromotionStatus | undefined; limit: number },
): Promise<PromotionSummary[]> {
  let query = withStats(db);
  if (request.status) query = query.where('p.status', '=', request.status);
  const rows = await query
    .orderBy('p.priority', 'desc')
    .orderBy('p.promotion_id')
    .limit(request.limit)
    .execute();
  return rows.map(summary);
}

export async function getPromotion(db: Kysely<PromotionsDatabase>, promotionId: string) {
  const row = await withStats(db).where('p.promotion_id', '=', promotionId).executeTakeFirst();
  return row ? { ...summary(row), definition: row.definition } : null;
}

/** A code: which promotion, which generation, and its uses still held. */
export async function lookupCode(db: Kysely<PromotionsDatabase>, code: string) {
  const row = await db
    .selectFrom('promotion_codes as c')
    .innerJoin('promotions as p', 'p.promotion_id', 'c.promotion_id')
    .select([
      'c.code',
      'c.promotion_id',
      'c.generation_id',
      'c.single_use',
      'c.released',
      'c.claimed_at',
      'p.status',
      'p.name',
    ])
    .where('c.code', '=', code)
    .executeTakeFirst();
  if (!row) return null;
  const uses = await db
    .selectFrom('promotion_redemptions')
    .select(sql<string | number>`count(*)`.as('n'))
    .where('code', '=', code)
    .where('released_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    code: row.code,
    promotionId: row.promotion_id,
    promotionName: row.name,
    promotionStatus: row.status,
    generationId: row.generation_id,
    singleUse: row.single_use,
    released: row.released,
    claimedAt: iso(row.claimed_at),
    uses: toNumber(uses.n),
  };
}

/** Redemptions and discount cost per day and code: the cost over time, and a shared code's leakage. */
export async function redemptionsPerDay(db: Kysely<PromotionsDatabase>, promotionId: string) {
  const rows = await db
    .selectFrom('promotion_redemptions')
    .select([
      sql<string>`to_char(date_trunc('day', redeemed_at at time zone 'UTC'), 'YYYY-MM-DD')`.as('day'),
      'code',
      sql<string | number>`count(*)`.as('redemptions'),
      sql<string | number>`coalesce(sum(amount), 0)`.as('discount_cost'),
    ])
    .where('promotion_id', '=', promotionId)
    .where('released_at', 'is', null)
    .groupBy([sql`1`, 'code'])
    .orderBy(sql`1`)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    day: r.day,
    code: r.code,
    redemptions: toNumber(r.redemptions),
    discountCost: toNumber(r.discount_cost),
  }));
}

/** Active automatic promotions: the ones the discount stage reads from their streams. */
export async function automaticPromotionIds(db: Kysely<PromotionsDatabase>): Promise<string[]> {
  const rows = await db
    .selectFrom('promotions')
    .select('promotion_id')
    .where('status', '=', 'active')
    .where('code_mode', '=', 'automatic')
    .orderBy('promotion_id')
    .execute();
  return rows.map((r) => r.promotion_id);
}

/** An active promotion as the storefront lists it, with what its product price is worked out from. */
export type ActivePromotionRow = {
  promotionId: string;
  name: string;
  actionKind: string;
  codeMode: 'automatic' | 'shared' | 'unique';
  startsAt: string | null;
  endsAt: string | null;
  left: number | null;
  definition: PromotionDefinition;
  /** When its reduction began: the later of its window's start and its last activation. */
  reducedSince: string;
};

/**
 * Storefront: active promotions in their window at `at`, optionally only those that can apply to a
 * product (its id, category or brand, or every item), with the window and units left for a countdown.
 */
export async function activePromotions(
  db: Kysely<PromotionsDatabase>,
  request: { at: string; product?: { productId: string; category: string; brand: string } | undefined },
): Promise<ActivePromotionRow[]> {
  const rows = await withStats(db)
    .where('p.status', '=', 'active')
    .where((eb) => eb.or([eb('p.starts_at', 'is', null), eb('p.starts_at', '<=', new Date(request.at))]))
    .where((eb) => eb.or([eb('p.ends_at', 'is', null), eb('p.ends_at', '>', new Date(request.at))]))
    .orderBy('p.priority', 'desc')
    .orderBy('p.promotion_id')
    .execute();
  const product = request.product;
  return rows
    .filter((row) => {
      if (!product) return true;
      const { productIds, categories, brands } = row.definition.rules;
      if (productIds.length + categories.length + brands.length === 0) return true;
      return (
        productIds.includes(product.productId) ||
        categories.includes(product.category) ||
        brands.includes(product.brand)
      );
    })
    .map((row) => {
      const s = summary(row);
      // Every active row was activated: `created_at` only stands in for the type's null.
      const activated = iso(row.activated_at ?? row.created_at);
      return {
        promotionId: s.promotionId,
        name: s.name,
        actionKind: s.actionKind,
        codeMode: s.codeMode,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        left: s.left,
        definition: row.definition,
        reducedSince: s.startsAt !== null && s.startsAt > activated ? s.startsAt : activated,
      };
    });
}

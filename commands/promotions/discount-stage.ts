import { codeClaimDecider } from '../../domain/coupon-codes/index.ts';
import type { Decider, DomainEvent } from '../../domain/decider.ts';
import type { PricingRequest } from '../../domain/pricing/price-breakdown.ts';
import type { DiscountStage } from '../pricing/price-order.ts';
import {
  codeOrNull,
  evaluatePromotions,
  promotionDecider,
  type Candidate,
  type Evaluation,
  type Promotion,
  type StockFacts,
} from '../../domain/promotions/index.ts';
import { redemptionDecider } from '../../domain/redemptions/index.ts';
import {
  codeRedemptionStream,
  couponStream,
  customerRedemptionStream,
  promotionRedemptionStream,
  promotionStream,
} from '../../domain/streams.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { startedEarly } from '../runtime/started-early.ts';

/** A stream's state, read through the state cache and the events after it. */
type Load = <E extends DomainEvent, S>(stream: string, decider: Decider<unknown, E, S>) => Promise<S>;

export interface DiscountStageDeps {
  runtime: CommandRuntime;
  /**
   * The ids of promotions that apply without a code and are active or about to be (from the
   * promotions read model). Each is then read from its stream, which has the last word on its
   * status and version: the list only says which streams to read.
   */
  automaticPromotionIds: () => Promise<readonly string[]>;
  /**
   * The stock of some SKUs, for promotions with a stock rule (`stockFactsFromStore`). Read only
   * when a candidate has such a rule; left out, such a rule never holds.
   */
  stockFacts?: (skus: readonly string[]) => Promise<StockFacts>;
}

export type Explained = Evaluation & { unknownCodes: string[] };

/**
 * Prices a cart's discounts and explains them: which promotions applied, which did not and why
 * (condition unmet, limit reached, not combinable with X), and which codes are unknown. Limits
 * shown here are a preview; the redemption steps appended with the order enforce them exactly.
 */
export function promotionExplainer(deps: DiscountStageDeps): {
  explain: (request: PricingRequest) => Promise<Explained>;
  /**
   * Starts reading what pricing a request with these codes for this customer will need, and answers
   * the explanation of such a request from those reads (another request is explained afresh).
   */
  prepare: (
    couponCodes: readonly string[],
    customerId: string | null,
  ) => (request: PricingRequest) => Promise<Explained>;
} {
  const load: Load = async (stream, decider) =>
    (
      await loadAggregate(
        deps.runtime.store,
        decider,
        stream,
        deps.runtime.cache,
        false,
        deps.runtime.upcasters,
      )
    ).state;
  const promotion = async (promotionId: string): Promise<Promotion | null> => {
    const state = await load(promotionStream(promotionId), promotionDecider);
    return state.status === 'absent' ? null : state;
  };

  /** What evaluating a request reads: its codes' promotions, the automatic ones, their limits. */
  const candidatesFor = async (
    couponCodes: readonly string[],
    customerId: string | null,
  ): Promise<LoadedCandidates> => {
    const entered = [...new Set(couponCodes.map((code) => codeOrNull(code) ?? code.trim().toUpperCase()))];
    const unknownCodes: string[] = [];
    // The codes' claims and the automatic promotions are read at once: their reads share round trips.
    const [byCode, automatic] = await Promise.all([
      Promise.all(
        entered.map(async (code): Promise<Candidate | null> => {
          const claim = codeOrNull(code) === null ? null : await load(couponStream(code), codeClaimDecider);
          if (!claim || claim.status !== 'claimed') {
            unknownCodes.push(code);
            return null;
          }
          const found = await promotion(claim.promotionId);
          return found ? { promotion: found, code } : null;
        }),
      ),
      deps.automaticPromotionIds().then((ids) => Promise.all(ids.map(promotion))),
    ]);
    const candidates: Candidate[] = [
      ...byCode.filter((c): c is Candidate => c !== null),
      ...automatic
        .filter((p): p is Promotion => p !== null && p.definition.codes.mode === 'automatic')
        .map((p): Candidate => ({ promotion: p, code: null })),
    ];
    const exhausted = await exhaustedOf(candidates, customerId, load);
    return { candidates, exhausted, unknownCodes: unknownCodes.sort() };
  };

  const explainWith = async (request: PricingRequest, loaded: LoadedCandidates): Promise<Explained> => {
    const { candidates, exhausted, unknownCodes } = loaded;
    const needsStock = candidates.some((c) => c.promotion.definition.rules.stock);
    const stock =
      needsStock && deps.stockFacts ? await deps.stockFacts(request.lines.map((l) => l.sku)) : new Map();
    const evaluation = evaluatePromotions(request, candidates, exhausted, stock);
    return { ...evaluation, unknownCodes };
  };

  const explain = async (request: PricingRequest) =>
    explainWith(request, await candidatesFor(request.couponCodes, request.customer?.customerId ?? null));

  const prepare = (couponCodes: readonly string[], customerId: string | null) => {
    const loaded = startedEarly(candidatesFor(couponCodes, customerId));
    return async (request: PricingRequest): Promise<Explained> => {
      const same =
        request.couponCodes.join('\n') === couponCodes.join('\n') &&
        (request.customer?.customerId ?? null) === customerId;
      return same ? explainWith(request, await loaded) : explain(request);
    };
  };
  return { explain, prepare };
}

type LoadedCandidates = {
  candidates: Candidate[];
  exhausted: Set<string>;
  unknownCodes: string[];
};

/** The discount stage order placement and carts call: the applied discounts of the explanation. */
export function discountStage(deps: DiscountStageDeps): ExplainingStage {
  const { explain, prepare } = promotionExplainer(deps);
  return Object.assign(async (request: PricingRequest) => (await explain(request)).applied, {
    explain,
    prepare: (couponCodes: readonly string[], customerId: string | null): DiscountStage => {
      const prepared = prepare(couponCodes, customerId);
      return async (request) => (await prepared(request)).applied;
    },
  });
}

/**
 * A discount stage that can also say why promotions did not apply: a cart's pricer keeps that
 * for the cart view, and checks an entered code with it (`commands/carts/cart-pricer.ts`).
 */
export type ExplainingStage = DiscountStage & { explain: (request: PricingRequest) => Promise<Explained> };

/** Candidates whose limit is already used up, from their redemption streams (a preview only). */
async function exhaustedOf(
  candidates: readonly Candidate[],
  customer: string | null,
  load: Load,
): Promise<Set<string>> {
  const used = async (stream: string) => (await load(stream, redemptionDecider)).used;
  const exhausted = new Set<string>();
  await Promise.all(
    candidates.map(async ({ promotion, code }) => {
      const { limits, codes } = promotion.definition;
      const checks: [string, number][] = [];
      if (limits.total !== null)
        checks.push([promotionRedemptionStream(promotion.promotionId), limits.total]);
      if (code !== null && codes.mode === 'unique') checks.push([codeRedemptionStream(code), 1]);
      else if (code !== null && limits.perCode !== null)
        checks.push([codeRedemptionStream(code), limits.perCode]);
      if (customer !== null && limits.perCustomer !== null)
        checks.push([customerRedemptionStream(promotion.promotionId, customer), limits.perCustomer]);
      const full = await Promise.all(checks.map(async ([stream, limit]) => (await used(stream)) >= limit));
      if (full.some(Boolean)) exhausted.add(promotion.promotionId);
    }),
  );
  return exhausted;
}

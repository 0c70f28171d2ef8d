import {
  isProductEvent,
  productDecider,
  type ChangePrice,
  type ProductState,
} from '../../domain/catalog/index.ts';
import { ProductNotFound } from '../../domain/catalog/errors.ts';
import type { Decider, DomainEvent } from '../../domain/decider.ts';
import { CurrencyMismatch, ValidationFailed } from '../../domain/errors.ts';
import {
  adjustPrice,
  MAX_PRICES_PER_CHANGE,
  priceChangeDecider,
  validateAdjustment,
  type AppliedPrice,
  type MassSelection,
  type PriceChangeState,
  type PriceTarget,
  type RecordPriceChangeApplied,
  type SkippedPrice,
} from '../../domain/price-changes/index.ts';
import type { Money } from '../../domain/money.ts';
import { requireKey, requireText } from '../../domain/validation.ts';
import { priceChangeStream, productStream } from '../../domain/streams.ts';
import type { EventStore, Position } from '../../ports/event-store.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { toResult, type CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { earlierRun } from '../runtime/request-events.ts';
import { runCommand } from '../runtime/run-command.ts';
import { noStateCache } from '../runtime/state-cache.ts';
import { asStepDecider, type Step, type StepsOutcome } from '../runtime/steps.ts';

/** Events read per page while listing the catalog. */
const PAGE = 1000;

type Load = <S>(stream: string, decider: Decider<never, DomainEvent, unknown>) => Promise<S>;

export type SchedulePriceChangeInput = {
  changeId: string;
  effectiveAt: string;
  reason: string;
  prices: PriceTarget[];
};

export type MassPriceChangeInput = { changeId: string; reason: string } & MassSelection;
export type ScheduleMassPriceChangeInput = MassPriceChangeInput & { effectiveAt: string };

/** What a mass change does (or did) to each product it selects. */
export type MassPriceChangePlan = { applied: AppliedPrice[]; skipped: SkippedPrice[] };

/**
 * Scheduled and mass price changes (`pricechange-{changeId}`). Either way the products' prices move
 * by their own `PriceChanged` events, appended in one atomic append with the change's
 * `PriceChangeApplied`, so a product's stream alone answers its price at any moment (time travel),
 * and the change's stream explains which change moved it and why.
 */
export function priceChangeHandlers(runtime: CommandRuntime) {
  return {
    schedulePriceChange: (input: SchedulePriceChangeInput, context: CommandContext) =>
      schedulePriceChange(runtime, input, context),
    cancelPriceChange: async (changeId: string, context: CommandContext) =>
      toResult(
        await handleCommand(
          runtime,
          priceChangeDecider,
          priceChangeStream(changeId),
          { type: 'CancelPriceChange', data: { changeId } },
          context,
        ),
      ),
    scheduleMassPriceChange: (input: ScheduleMassPriceChangeInput, context: CommandContext) =>
      scheduleMassPriceChange(runtime, input, context),
    applyScheduledPriceChange: (changeId: string, context: CommandContext) =>
      applyScheduledPriceChange(runtime, changeId, context),
    previewMassPriceChange: (input: MassPriceChangeInput) => previewMassPriceChange(runtime, input),
    applyMassPriceChange: (input: MassPriceChangeInput, context: CommandContext) =>
      applyMassPriceChange(runtime, input, context),
  };
}

export type PriceChangeHandlers = ReturnType<typeof priceChangeHandlers>;

/**
 * Records prices to take effect later. Each product must exist, be on sale and be priced in the
 * price's currency now (a 404 or 409 rather than a change that would do nothing when it comes due);
 * the scheduler checks again when it applies them.
 */
async function schedulePriceChange(
  runtime: CommandRuntime,
  input: SchedulePriceChangeInput,
  context: CommandContext,
): Promise<CommandResult> {
  const stream = priceChangeStream(input.changeId);
  const earlier = await earlierRun(runtime.store, stream, context);
  if (earlier) return earlier;
  const command = { type: 'SchedulePriceChange', data: { ...input, now: context.now } } as const;
  // Malformed input is refused before any product is read.
  priceChangeDecider.decide(command, priceChangeDecider.initialState());
  const outcome = await runCommand(
    runtime,
    {
      keys: [stream],
      contention: 'normal',
      plan: async (load) => {
        for (const [i, target] of input.prices.entries()) {
          const product = await load<ProductState>(
            productStream(target.productId),
            asStepDecider(productDecider),
          );
          if (product.status === 'absent') throw new ProductNotFound(target.productId);
          if (product.status === 'discontinued')
            throw new ValidationFailed(`prices.${i}.productId`, 'is discontinued');
          if (product.product.price.currency !== target.price.currency)
            throw new CurrencyMismatch({
              expected: product.product.price.currency,
              actual: target.price.currency,
            });
        }
        return [{ stream, decider: asStepDecider(priceChangeDecider), command, expectNew: true }];
      },
    },
    context,
  );
  return stepResult(outcome, stream);
}

/**
 * The scheduler's action: moves each product to its scheduled price. A product that is gone,
 * discontinued, in another currency or already at the price is skipped and named in the record; a
 * change already applied or cancelled is refused (a domain error), which the scheduler counts as
 * done.
 */
async function applyScheduledPriceChange(
  runtime: CommandRuntime,
  changeId: string,
  context: CommandContext,
): Promise<StepsOutcome> {
  const stream = priceChangeStream(changeId);
  // A scheduled mass change selects its products when it takes effect: its candidates are read
  // from the catalog's events first (the plan then judges each on its own stream).
  const { state: scheduled } = await loadAggregate(
    runtime.store,
    priceChangeDecider,
    stream,
    runtime.cache,
    false,
    runtime.upcasters,
  );
  const mass = scheduled.status === 'scheduled' ? scheduled.mass : undefined;
  const candidates = mass ? await productsMatching(runtime.store, mass) : [];
  return runCommand(
    runtime,
    {
      keys: [stream],
      contention: 'normal',
      plan: async (load) => {
        const change = await load<PriceChangeState>(stream, asStepDecider(priceChangeDecider));
        const record = (
          plan: MassPriceChangePlan,
          reason: string,
          effectiveAt: string,
          selection?: MassSelection,
        ): RecordPriceChangeApplied => ({
          type: 'RecordPriceChangeApplied',
          data: {
            changeId,
            reason,
            source: selection
              ? { kind: 'mass', effectiveAt, ...selection }
              : { kind: 'scheduled', effectiveAt },
            ...plan,
          },
        });
        if (change.status !== 'scheduled') {
          // Refused by the decider with the reason (not found, already applied, cancelled).
          priceChangeDecider.decide(record({ applied: [], skipped: [] }, '', ''), change);
          return [];
        }
        let plan: MassPriceChangePlan = { applied: [], skipped: [] };
        if (change.mass) {
          plan = await planMassChange(load, candidates, { changeId, reason: change.reason, ...change.mass });
        } else {
          for (const target of change.prices) {
            const product = await load<ProductState>(
              productStream(target.productId),
              asStepDecider(productDecider),
            );
            classify(plan, target.productId, product, () => target.price);
          }
        }
        return [
          ...priceSteps(plan, change.reason),
          {
            stream,
            decider: asStepDecider(priceChangeDecider),
            command: record(plan, change.reason, change.effectiveAt, change.mass),
          },
        ];
      },
    },
    context,
  );
}

/**
 * Records a mass change to take effect later: validated now (selection, adjustment, rounding, a
 * future time), applied by the price-change scheduler to the products as they are then, under one
 * reason, as `applyMassPriceChange` would. Preview it with `previewMassPriceChange` meanwhile.
 */
async function scheduleMassPriceChange(
  runtime: CommandRuntime,
  input: ScheduleMassPriceChangeInput,
  context: CommandContext,
): Promise<CommandResult> {
  const { changeId, effectiveAt, reason, categories, brands, adjustment, rounding } = input;
  const outcome = await handleCommand(
    runtime,
    priceChangeDecider,
    priceChangeStream(changeId),
    {
      type: 'ScheduleMassPriceChange',
      data: {
        changeId,
        effectiveAt,
        reason,
        mass: { categories, brands, adjustment, rounding },
        now: context.now,
      },
    },
    context,
  );
  return toResult(outcome);
}

/** What `applyMassPriceChange` would do now, read from the product streams; appends nothing. */
async function previewMassPriceChange(
  runtime: CommandRuntime,
  input: MassPriceChangeInput,
): Promise<MassPriceChangePlan> {
  validateMassInput(input);
  const load: Load = async <S>(stream: string, decider: Decider<never, DomainEvent, unknown>) =>
    (await loadAggregate(runtime.store, decider, stream, noStateCache, false, runtime.upcasters)).state as S;
  return planMassChange(load, await productsMatching(runtime.store, input), input);
}

/**
 * One command, one reason: every product of the categories or brands moves by the adjustment, each
 * by its own `PriceChanged`, all in one atomic append with the change's record. The selection is
 * decided on the products' own streams, so a product recategorised a moment ago is judged by what
 * it is now.
 */
async function applyMassPriceChange(
  runtime: CommandRuntime,
  input: MassPriceChangeInput,
  context: CommandContext,
): Promise<CommandResult & MassPriceChangePlan> {
  validateMassInput(input);
  const stream = priceChangeStream(input.changeId);
  const earlier = await earlierRun(runtime.store, stream, context);
  if (earlier) return { ...earlier, ...planOf(earlier.events) };
  const candidates = await productsMatching(runtime.store, input);
  let planned: MassPriceChangePlan = { applied: [], skipped: [] };
  const outcome = await runCommand(
    runtime,
    {
      keys: [stream],
      contention: 'normal',
      plan: async (load) => {
        planned = await planMassChange(load, candidates, input);
        const { changeId, reason, categories, brands, adjustment, rounding } = input;
        const record: RecordPriceChangeApplied = {
          type: 'RecordPriceChangeApplied',
          data: {
            changeId,
            reason,
            source: { kind: 'mass', categories, brands, adjustment, rounding },
            ...planned,
          },
        };
        return [
          ...priceSteps(planned, reason),
          { stream, decider: asStepDecider(priceChangeDecider), command: record, expectNew: true },
        ];
      },
    },
    context,
  );
  return { ...stepResult(outcome, stream), ...planned };
}

function validateMassInput(input: MassPriceChangeInput): void {
  requireKey('changeId', input.changeId);
  requireText('reason', input.reason, 500);
  if (input.categories.length === 0 && input.brands.length === 0)
    throw new ValidationFailed('categories', 'name at least one category or brand');
  validateAdjustment(input.adjustment, input.rounding);
}

async function planMassChange(
  load: Load,
  candidates: readonly string[],
  input: MassPriceChangeInput,
): Promise<MassPriceChangePlan> {
  const plan: MassPriceChangePlan = { applied: [], skipped: [] };
  for (const productId of candidates) {
    const product = await load<ProductState>(productStream(productId), asStepDecider(productDecider));
    if (product.status === 'absent' || !selects(input, product.product)) continue;
    classify(plan, productId, product, (current) => adjustPrice(current, input.adjustment, input.rounding));
  }
  if (plan.applied.length > MAX_PRICES_PER_CHANGE)
    throw new ValidationFailed(
      'categories',
      `selects ${plan.applied.length} products; one change moves at most ${MAX_PRICES_PER_CHANGE}`,
    );
  return plan;
}

const selects = (selection: MassSelection, product: { category: string; brand: string }) =>
  selection.categories.includes(product.category) || selection.brands.includes(product.brand);

/** Sorts one product into applied (with its old and new price) or skipped (with why). */
function classify(
  plan: MassPriceChangePlan,
  productId: string,
  product: ProductState,
  newPrice: (current: Money) => Money | 'negative' | 'currency_mismatch',
): void {
  if (product.status === 'absent') return void plan.skipped.push({ productId, why: 'not_found' });
  if (product.status === 'discontinued') return void plan.skipped.push({ productId, why: 'discontinued' });
  const from = product.product.price;
  const to = newPrice(from);
  if (typeof to === 'string') return void plan.skipped.push({ productId, why: to });
  if (to.currency !== from.currency) return void plan.skipped.push({ productId, why: 'currency_mismatch' });
  if (to.amount === from.amount) return void plan.skipped.push({ productId, why: 'unchanged' });
  plan.applied.push({ productId, from, to });
}

/**
 * One `ChangePrice` per applied product. Where the backend cannot append atomically, a product
 * already moved is moved back when a later step fails, so no price moves without its record.
 */
function priceSteps(plan: MassPriceChangePlan, reason: string): Step[] {
  return plan.applied.map(({ productId, from, to }) => ({
    stream: productStream(productId),
    decider: asStepDecider(productDecider),
    command: { type: 'ChangePrice', data: { productId, price: to, reason } } satisfies ChangePrice,
    compensate: (): ChangePrice => ({
      type: 'ChangePrice',
      data: { productId, price: from, reason: `${reason} (undone: the change was not recorded)` },
    }),
  }));
}

/**
 * Products that may match the selection, from the catalog's creation and update events (the write
 * side keeps no catalog index). Each is then judged on its own stream.
 */
async function productsMatching(store: EventStore, selection: MassSelection): Promise<string[]> {
  const matching = new Set<string>();
  let from: Position | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({
      from,
      maxCount: PAGE,
      filter: { categories: ['product'], eventTypes: ['ProductCreated', 'ProductUpdated'] },
    });
    for (const event of page) {
      if (!isProductEvent(event)) continue;
      const { productId } = event.data;
      if (event.type === 'ProductCreated') {
        if (selects(selection, event.data)) matching.add(productId);
      } else if (event.type === 'ProductUpdated') {
        for (const change of event.data.changes) {
          if (change.field === 'category' && selection.categories.includes(change.to))
            matching.add(productId);
          if (change.field === 'brand' && selection.brands.includes(change.to)) matching.add(productId);
        }
      }
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    from = last.position;
  }
  return [...matching].sort();
}

function stepResult(outcome: StepsOutcome, stream: string): CommandResult {
  return {
    events: outcome.events.get(stream) ?? [],
    revision: outcome.revisions.get(stream) ?? null,
    position: outcome.position,
  };
}

function planOf(events: readonly DomainEvent[]): MassPriceChangePlan {
  const applied = events.find((event) => event.type === 'PriceChangeApplied');
  if (!applied) return { applied: [], skipped: [] };
  const data = applied.data as unknown as MassPriceChangePlan;
  return { applied: data.applied, skipped: data.skipped };
}

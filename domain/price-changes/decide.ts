import { assertNever } from '../assert-never.ts';
import { AlreadyExists, InvalidTransition, ValidationFailed } from '../errors.ts';
import { PriceChangeNotFound } from './errors.ts';
import { validateAdjustment } from './adjust.ts';
import { requireMoney } from '../money.ts';
import { epochMillis, requireIsoTime, requireKey, requireText, requireUnique } from '../validation.ts';
import type { PriceChangeCommand } from './commands.ts';
import type { PriceChangeEvent } from './events.ts';
import type { PriceChangeState } from './state.ts';

/** The most products one change may name: it is applied in one atomic append. */
export const MAX_PRICES_PER_CHANGE = 1000;

/**
 * Stream `pricechange-{changeId}`: scheduled → applied or cancelled, each once. A mass change has no
 * schedule: it is recorded applied straight away. Applying twice is refused, which is what makes a
 * second firing of the scheduler (after a takeover) harmless.
 */
export function decidePriceChange(command: PriceChangeCommand, state: PriceChangeState): PriceChangeEvent[] {
  const { changeId } = command.data;
  switch (command.type) {
    case 'SchedulePriceChange': {
      requireKey('changeId', changeId);
      if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'price-change', id: changeId });
      const { effectiveAt, reason, prices, now } = command.data;
      requireIsoTime('effectiveAt', effectiveAt);
      if (epochMillis(effectiveAt) <= epochMillis(now))
        throw new ValidationFailed('effectiveAt', 'must be in the future');
      requireText('reason', reason, 500);
      if (prices.length === 0 || prices.length > MAX_PRICES_PER_CHANGE)
        throw new ValidationFailed('prices', `must name 1 to ${MAX_PRICES_PER_CHANGE} products`);
      prices.forEach((target, i) => {
        requireKey(`prices.${i}.productId`, target.productId);
        requireMoney(`prices.${i}.price`, target.price);
      });
      requireUnique(
        'prices',
        prices.map((target) => target.productId),
      );
      return [
        {
          type: 'PriceChangeScheduled',
          data: {
            changeId,
            effectiveAt,
            reason,
            prices: prices.map(({ productId, price }) => ({
              productId,
              price: { amount: price.amount, currency: price.currency },
            })),
          },
        },
      ];
    }
    case 'ScheduleMassPriceChange': {
      requireKey('changeId', changeId);
      if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'price-change', id: changeId });
      const { effectiveAt, reason, mass, now } = command.data;
      requireIsoTime('effectiveAt', effectiveAt);
      if (epochMillis(effectiveAt) <= epochMillis(now))
        throw new ValidationFailed('effectiveAt', 'must be in the future');
      requireText('reason', reason, 500);
      if (mass.categories.length === 0 && mass.brands.length === 0)
        throw new ValidationFailed('categories', 'name at least one category or brand');
      validateAdjustment(mass.adjustment, mass.rounding);
      const { categories, brands, adjustment, rounding } = mass;
      return [
        {
          type: 'PriceChangeScheduled',
          data: {
            changeId,
            effectiveAt,
            reason,
            prices: [],
            mass: { categories, brands, adjustment, rounding },
          },
        },
      ];
    }
    case 'CancelPriceChange':
      if (state.status === 'absent') throw new PriceChangeNotFound(changeId);
      if (state.status !== 'scheduled') refuse(state.status, changeId, command.type);
      return [{ type: 'PriceChangeCancelled', data: { changeId } }];
    case 'RecordPriceChangeApplied': {
      const { source } = command.data;
      // A scheduled change (named prices, or a mass change set for later) applies what was scheduled.
      if (source.kind === 'scheduled' || source.effectiveAt !== undefined) {
        if (state.status === 'absent') throw new PriceChangeNotFound(changeId);
        if (state.status !== 'scheduled') refuse(state.status, changeId, command.type);
      } else {
        requireKey('changeId', changeId);
        requireText('reason', command.data.reason, 500);
        if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'price-change', id: changeId });
      }
      return [{ type: 'PriceChangeApplied', data: { ...command.data } }];
    }
    default:
      return assertNever(command);
  }
}

function refuse(from: string, id: string, command: string): never {
  throw new InvalidTransition({ aggregate: 'price-change', id, from, command });
}

export function evolvePriceChange(state: PriceChangeState, event: PriceChangeEvent): PriceChangeState {
  switch (event.type) {
    case 'PriceChangeScheduled':
      return { status: 'scheduled', ...event.data };
    case 'PriceChangeCancelled':
      return { status: 'cancelled', changeId: event.data.changeId };
    case 'PriceChangeApplied':
      return { status: 'applied', changeId: event.data.changeId };
    default:
      return assertNever(event);
  }
}

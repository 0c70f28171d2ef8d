import { assertNever } from '../assert-never.ts';
import { AlreadyExists, InvalidTransition, NoChange, ValidationFailed } from '../errors.ts';
import {
  requireKey,
  requireNonNegativeInt,
  requirePositiveInt,
  requireText,
  requireUnique,
} from '../validation.ts';
import type { PriceListCommand } from './commands.ts';
import { PriceListNotFound } from './errors.ts';
import type { PriceListEntry, PriceListEvent, PriceTier } from './events.ts';
import type { PriceList, PriceListState } from './state.ts';

/** Products one command may price; a list holds at most `MAX_LIST_PRODUCTS`. */
export const MAX_PRICES_PER_COMMAND = 1000;
export const MAX_LIST_PRODUCTS = 20_000;
const MAX_TIERS = 20;
const MAX_GROUPS = 50;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Stream `pricelist-{priceListId}`: created (active) → archived. While active its products' prices
 * are set and removed; an archived list refuses every change.
 */
export function decidePriceList(command: PriceListCommand, state: PriceListState): PriceListEvent[] {
  const { priceListId } = command.data;
  if (command.type === 'CreatePriceList') {
    requireKey('priceListId', priceListId);
    if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'price-list', id: priceListId });
    const { name, currency, customerGroups, priority } = command.data;
    requireText('name', name, 200);
    if (!CURRENCY.test(currency)) throw new ValidationFailed('currency', 'must be an ISO 4217 code');
    if (customerGroups.length > MAX_GROUPS)
      throw new ValidationFailed('customerGroups', `name at most ${MAX_GROUPS} groups`);
    customerGroups.forEach((group, i) => requireKey(`customerGroups[${i}]`, group));
    if (!Number.isSafeInteger(priority) || Math.abs(priority) > 1_000_000)
      throw new ValidationFailed('priority', 'must be an integer from -1000000 to 1000000');
    return [
      {
        type: 'PriceListCreated',
        data: {
          priceListId,
          name,
          currency,
          customerGroups: [...new Set(customerGroups)].sort(),
          priority,
        },
      },
    ];
  }
  const list = active(state, priceListId, command.type);
  switch (command.type) {
    case 'SetPriceListPrices': {
      const { prices } = command.data;
      if (prices.length === 0 || prices.length > MAX_PRICES_PER_COMMAND)
        throw new ValidationFailed('prices', `must name 1 to ${MAX_PRICES_PER_COMMAND} products`);
      requireUnique(
        'prices',
        prices.map((p) => p.productId),
      );
      const entries = prices.map((entry, i) => validEntry(`prices[${i}]`, entry));
      const added = entries.filter((e) => !list.prices[e.productId]).length;
      if (Object.keys(list.prices).length + added > MAX_LIST_PRODUCTS)
        throw new ValidationFailed('prices', `a list prices at most ${MAX_LIST_PRODUCTS} products`);
      const changed = entries.filter(
        (e) => JSON.stringify(list.prices[e.productId]) !== JSON.stringify(e.tiers),
      );
      if (changed.length === 0)
        throw new NoChange({ aggregate: 'price-list', id: priceListId, field: 'prices' });
      return [{ type: 'PriceListPricesSet', data: { priceListId, prices: changed } }];
    }
    case 'RemovePriceListPrices': {
      const { productIds } = command.data;
      if (productIds.length === 0 || productIds.length > MAX_PRICES_PER_COMMAND)
        throw new ValidationFailed('productIds', `must name 1 to ${MAX_PRICES_PER_COMMAND} products`);
      productIds.forEach((id, i) => requireKey(`productIds[${i}]`, id));
      const present = [...new Set(productIds)].filter((id) => list.prices[id]);
      if (present.length === 0)
        throw new NoChange({ aggregate: 'price-list', id: priceListId, field: 'prices' });
      return [{ type: 'PriceListPricesRemoved', data: { priceListId, productIds: present } }];
    }
    case 'ArchivePriceList':
      return [{ type: 'PriceListArchived', data: { priceListId } }];
    default:
      return assertNever(command);
  }
}

function active(state: PriceListState, priceListId: string, command: string): PriceList {
  if (state.status === 'absent') throw new PriceListNotFound(priceListId);
  if (state.status === 'archived')
    throw new InvalidTransition({ aggregate: 'price-list', id: priceListId, from: 'archived', command });
  return state;
}

/** Tiers sorted by `minQuantity`, each quantity once, every amount a non-negative integer. */
function validEntry(field: string, entry: PriceListEntry): PriceListEntry {
  requireKey(`${field}.productId`, entry.productId);
  if (entry.tiers.length === 0 || entry.tiers.length > MAX_TIERS)
    throw new ValidationFailed(`${field}.tiers`, `must hold 1 to ${MAX_TIERS} tiers`);
  const tiers: PriceTier[] = entry.tiers.map((tier, i) => ({
    minQuantity: requirePositiveInt(`${field}.tiers[${i}].minQuantity`, tier.minQuantity),
    amount: requireNonNegativeInt(`${field}.tiers[${i}].amount`, tier.amount),
  }));
  requireUnique(
    `${field}.tiers`,
    tiers.map((t) => String(t.minQuantity)),
  );
  tiers.sort((a, b) => a.minQuantity - b.minQuantity);
  return { productId: entry.productId, tiers };
}

export function evolvePriceList(state: PriceListState, event: PriceListEvent): PriceListState {
  switch (event.type) {
    case 'PriceListCreated':
      return { status: 'active', ...event.data, prices: {} };
    case 'PriceListPricesSet': {
      if (state.status === 'absent') return state;
      const prices = { ...state.prices };
      for (const entry of event.data.prices) prices[entry.productId] = entry.tiers;
      return { ...state, prices };
    }
    case 'PriceListPricesRemoved': {
      if (state.status === 'absent') return state;
      const prices = { ...state.prices };
      for (const productId of event.data.productIds) delete prices[productId];
      return { ...state, prices };
    }
    case 'PriceListArchived':
      return state.status === 'absent' ? state : { ...state, status: 'archived' };
    default:
      return assertNever(event);
  }
}

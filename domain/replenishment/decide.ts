import { assertNever } from '../assert-never.ts';
import { NoChange, ValidationFailed } from '../errors.ts';
import {
  requireIsoTime,
  requireKey,
  requireLength,
  requireOneOf,
  requirePositiveInt,
} from '../validation.ts';
import type {
  DismissReplenishmentSuggestion,
  RecalculateReorderPoint,
  ReplenishmentCommand,
  ReviewReplenishment,
  SetReplenishmentPolicy,
} from './commands.ts';
import { SuggestionNotOpen } from './errors.ts';
import { demandClasses, forecastMethods, type ReplenishmentEvent } from './events.ts';
import { replenishmentLevels, type ReplenishmentLevels, type ReplenishmentState } from './state.ts';
import {
  changedMaterially,
  daysOfCover,
  round3,
  suggestionChangedMaterially,
  targetsOf,
} from './stock-targets.ts';

/** Lead times beyond a year are a typo, not a supplier. */
const MAX_LEAD_TIME_DAYS = 365;
/** Below 50% safety stock would be negative; 100% would need infinite stock. */
const MIN_SERVICE_LEVEL = 0.5;
const MAX_SERVICE_LEVEL = 0.9999;

export function decideReplenishment(
  command: ReplenishmentCommand,
  state: ReplenishmentState,
): ReplenishmentEvent[] {
  const s = stream(command, state);
  switch (command.type) {
    case 'RecalculateReorderPoint':
      return recalculate(command, s);
    case 'ReviewReplenishment':
      return review(command, s);
    case 'SetReplenishmentPolicy':
      return setPolicy(command, s);
    case 'DismissReplenishmentSuggestion':
      return dismiss(command, s);
    default:
      return assertNever(command);
  }
}

function recalculate({ data }: RecalculateReorderPoint, s: ReplenishmentLevels): ReplenishmentEvent[] {
  requireNonNegative('leadTimeDemand', data.leadTimeDemand);
  requireNonNegative('safetyStock', data.safetyStock);
  requireNonNegative('forecastErrorSd', data.forecastErrorSd);
  requireLeadTime('leadTimeDays', data.leadTimeDays);
  requireServiceLevel('serviceLevel', data.serviceLevel);
  if (
    !Number.isSafeInteger(data.reviewPeriodDays) ||
    data.reviewPeriodDays < 0 ||
    data.reviewPeriodDays > 365
  ) {
    throw new ValidationFailed('reviewPeriodDays', 'must be an integer from 0 to 365');
  }
  requireOneOf('method', data.method, forecastMethods);
  requireOneOf('demandClass', data.demandClass, demandClasses);
  requirePositiveInt('historyDays', data.historyDays);
  requireAvailable(data.available);
  requireIsoTime('asOf', data.asOf);

  const targets = targetsOf(data);
  if (!changedMaterially(s.targets, targets)) return [];
  const { sku, location } = data;
  return [
    {
      type: 'ReorderPointRecalculated',
      data: {
        sku,
        location,
        reorderPoint: targets.reorderPoint,
        orderUpTo: targets.orderUpTo,
        safetyStock: round3(data.safetyStock),
        expectedDailyDemand: targets.expectedDailyDemand,
        leadTimeDemand: round3(data.leadTimeDemand),
        leadTimeDays: data.leadTimeDays,
        serviceLevel: data.serviceLevel,
        forecastErrorSd: round3(data.forecastErrorSd),
        available: data.available,
        daysOfCover: daysOfCover(data.available, targets.expectedDailyDemand),
        method: data.method,
        demandClass: data.demandClass,
        historyDays: data.historyDays,
        asOf: data.asOf,
        previousReorderPoint: s.targets?.reorderPoint ?? null,
      },
    },
  ];
}

/**
 * At or below the reorder point, suggest ordering up to the order-up-to level (unless a person
 * dismissed the last suggestion, or the open one already asks for about that much); above it,
 * withdraw the open suggestion.
 */
function review({ data }: ReviewReplenishment, s: ReplenishmentLevels): ReplenishmentEvent[] {
  requireAvailable(data.available);
  requireKey('suggestionId', data.suggestionId);
  requireIsoTime('now', data.now);
  const { sku, location, available } = data;
  const targets = s.targets;
  if (targets === null) return [];
  if (available > targets.reorderPoint) {
    if (s.open === null) return [];
    return [
      {
        type: 'ReplenishmentSuggestionWithdrawn',
        data: {
          sku,
          location,
          suggestionId: s.open.suggestionId,
          reason: 'stock_above_reorder_point',
          available,
        },
      },
    ];
  }
  const quantity = targets.orderUpTo - available;
  if (quantity <= 0 || s.dismissed) return [];
  if (s.open !== null && !suggestionChangedMaterially(s.open, quantity)) return [];
  return [
    {
      type: 'ReplenishmentSuggested',
      data: {
        sku,
        location,
        suggestionId: data.suggestionId,
        quantity,
        reason: 'below_reorder_point',
        available,
        reorderPoint: targets.reorderPoint,
        orderUpTo: targets.orderUpTo,
        daysOfCover: daysOfCover(available, targets.expectedDailyDemand),
        supersedes: s.open?.suggestionId ?? null,
        suggestedAt: data.now,
      },
    },
  ];
}

function setPolicy({ data }: SetReplenishmentPolicy, s: ReplenishmentLevels): ReplenishmentEvent[] {
  const { sku, location, leadTimeDays, serviceLevel } = data;
  if (leadTimeDays !== null) requireLeadTime('leadTimeDays', leadTimeDays);
  if (serviceLevel !== null) requireServiceLevel('serviceLevel', serviceLevel);
  if (leadTimeDays === s.policy.leadTimeDays && serviceLevel === s.policy.serviceLevel) {
    throw new NoChange({ aggregate: 'replenishment', id: `${sku}@${location}`, field: 'policy' });
  }
  return [
    {
      type: 'ReplenishmentPolicySet',
      data: { sku, location, leadTimeDays, serviceLevel, previous: { ...s.policy } },
    },
  ];
}

function dismiss({ data }: DismissReplenishmentSuggestion, s: ReplenishmentLevels): ReplenishmentEvent[] {
  const { sku, location, suggestionId, note } = data;
  requireKey('suggestionId', suggestionId);
  if (note !== null) requireLength('note', note, 500);
  if (s.open?.suggestionId !== suggestionId) throw new SuggestionNotOpen({ sku, location, suggestionId });
  return [{ type: 'ReplenishmentSuggestionDismissed', data: { sku, location, suggestionId, note } }];
}

/** A command loaded against another SKU's stream would corrupt both; refuse it outright. */
function stream(command: ReplenishmentCommand, state: ReplenishmentState): ReplenishmentLevels {
  const { sku, location } = command.data;
  requireKey('sku', sku);
  requireKey('location', location);
  const s = replenishmentLevels(state, sku, location);
  if (s.sku !== sku || s.location !== location) {
    throw new ValidationFailed('sku', `does not belong to stream ${s.sku}@${s.location}`);
  }
  return s;
}

function requireNonNegative(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new ValidationFailed(field, 'must be a finite number ≥ 0');
}

function requireLeadTime(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_LEAD_TIME_DAYS) {
    throw new ValidationFailed(field, `must be a whole number of days from 1 to ${MAX_LEAD_TIME_DAYS}`);
  }
}

function requireServiceLevel(field: string, value: number): void {
  if (!Number.isFinite(value) || value < MIN_SERVICE_LEVEL || value > MAX_SERVICE_LEVEL) {
    throw new ValidationFailed(field, `must be from ${MIN_SERVICE_LEVEL} to ${MAX_SERVICE_LEVEL}`);
  }
}

function requireAvailable(value: number): void {
  if (!Number.isSafeInteger(value)) throw new ValidationFailed('available', 'must be an integer');
}

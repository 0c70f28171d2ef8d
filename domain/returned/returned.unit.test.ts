import { describe, it } from 'vitest';
import { AlreadyExists } from '../errors.ts';
import { ReturnExceedsDelivered } from '../returns/errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { returnedDecider, type ReturnedEvent } from './index.ts';

const given = specFor(returnedDecider);
const claim = (returnId: string, quantity: number) => ({
  type: 'ClaimReturnedQuantities' as const,
  data: { orderId: 'o-1', returnId, lines: [{ lineId: 'l-1', quantity, delivered: 2 }] },
});
const claimed = (returnId: string, quantity: number): ReturnedEvent => ({
  type: 'ReturnQuantitiesClaimed',
  data: { orderId: 'o-1', returnId, lines: [{ lineId: 'l-1', quantity }] },
});

describe('units under a return', () => {
  it('claims units up to what was delivered, across returns', () => {
    given([claimed('r-1', 1)])
      .when(claim('r-2', 1))
      .then([claimed('r-2', 1)]);
    given([claimed('r-1', 1)])
      .when(claim('r-2', 2))
      .thenThrows(ReturnExceedsDelivered, { delivered: 2, alreadyReturned: 1, requested: 2 });
    given([claimed('r-1', 1)])
      .when(claim('r-1', 1))
      .thenThrows(AlreadyExists);
  });

  it('gives a rejected return’s units back, once', () => {
    const release = { type: 'ReleaseReturnedQuantities' as const, data: { orderId: 'o-1', returnId: 'r-1' } };
    const released: ReturnedEvent = {
      type: 'ReturnQuantitiesReleased',
      data: { orderId: 'o-1', returnId: 'r-1', lines: [{ lineId: 'l-1', quantity: 2 }] },
    };
    given([claimed('r-1', 2)])
      .when(release)
      .then([released]);
    given([claimed('r-1', 2), released])
      .when(release)
      .thenNothing();
    given([claimed('r-1', 2), released])
      .when(claim('r-2', 2))
      .then([claimed('r-2', 2)]);
  });
});

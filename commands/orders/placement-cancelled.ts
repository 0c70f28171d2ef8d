import { DomainError } from '../../domain/errors.ts';
import type { CancellationReason } from '../../domain/orders/index.ts';

export type PlacementCancelledDetails = { orderId: string; reason: CancellationReason };

/**
 * A retried placement whose first run placed the order and then cancelled it in the same request
 * (its payment could not be opened, so its stock was given back). Placing it again under the same
 * key would be a second order; the client places it anew with a new key.
 */
export class PlacementCancelled extends DomainError<PlacementCancelledDetails> {
  override readonly name = 'PlacementCancelled';
  readonly code = 'placement_cancelled';
  readonly kind = 'conflict';
  constructor(details: PlacementCancelledDetails) {
    super(
      `Order ${details.orderId}, placed with this Idempotency-Key, was cancelled (${details.reason}) by the same request; place it again with a new Idempotency-Key.`,
      details,
    );
  }
}

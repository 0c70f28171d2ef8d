import type { ReturnLabel } from '../../domain/returns/index.ts';

/**
 * SEAM for the carrier port (`ports/carrier.ts`, brought by the checkout work): what authorizing a
 * return needs from a carrier, a label for the parcel back. Until that port is wired here, no
 * carrier makes labels and the customer gets the policy's instructions with the RMA number.
 * When it lands, adapt its label call to this function type in `ops/compose` and pass it to
 * `returnHandlers`; nothing else changes.
 */
export type ReturnLabels = (request: {
  returnId: string;
  rmaNumber: string;
  orderId: string;
  /** Idempotency key for the carrier: derived from the return, so a retried authorization buys one label. */
  idempotencyKey: string;
}) => Promise<ReturnLabel | null>;

export const noReturnLabels: ReturnLabels = async () => null;

import { createHash } from 'node:crypto';
import type { EditOrder } from '../../domain/orders/index.ts';

/**
 * The ETag of an edit preview: `"<revision>.<request>.<outcome>"`, the order's revision the preview
 * was priced on, a hash of the change asked for, and a hash of what it came to (the lines as priced
 * and the pipeline's figures). A confirm carrying it is refused when any of the three moved, and
 * the refusal names which (`EditPreviewStale`). Allocations are left out of the outcome: where the
 * units come from is the shop's concern, and another order taking stock elsewhere must not make a
 * preview stale.
 */
export interface EditPreviewTag {
  revision: number;
  request: string;
  outcome: string;
}

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** The change asked for, in a fixed shape (absent and null mean the same). */
export function requestHash(input: {
  add: readonly { productId: string; quantity: number }[];
  raise: readonly { lineId: string; quantity: number }[];
  lower?: readonly { lineId: string; quantity: number }[];
  remove?: readonly string[];
  shippingAddress?: unknown;
  shippingMethodId?: string | null;
}): string {
  return digest([
    input.add.map((l) => [l.productId, l.quantity]),
    input.raise.map((l) => [l.lineId, l.quantity]),
    (input.lower ?? []).map((l) => [l.lineId, l.quantity]),
    input.remove ?? [],
    input.shippingAddress ?? null,
    input.shippingMethodId ?? null,
  ]);
}

/** What the edit comes to: the lines as priced and every figure of the pipeline. */
export function outcomeHash(command: EditOrder): string {
  const { add, raise, shippingAddress, pricing } = command.data;
  return digest({
    add: add.map(({ allocations: _, ...line }) => line),
    raise: raise.map(({ allocations: _, ...line }) => line),
    lower: command.data.lower ?? [],
    shippingAddress,
    pricing,
  });
}

export const formatEditPreviewTag = (tag: EditPreviewTag) =>
  `"${tag.revision}.${tag.request}.${tag.outcome}"`;

/** The tag in an If-Match (quoted or not); null when the header is not an edit preview's ETag. */
export function parseEditPreviewTag(header: string): EditPreviewTag | null {
  const match = /^\s*"?(\d{1,15})\.([0-9a-f]{16})\.([0-9a-f]{16})"?\s*$/.exec(header);
  if (!match) return null;
  return { revision: Number(match[1]), request: match[2]!, outcome: match[3]! };
}

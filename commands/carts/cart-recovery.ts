import { isCouponCodeEvent } from '../../domain/coupon-codes/index.ts';
import { isDomainError } from '../../domain/errors.ts';
import { couponGenerationStream } from '../../domain/streams.ts';
import { generateCodes } from '../promotions/generate-codes.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';

/**
 * What a reminder carries besides its words (`QM_STOREFRONT_CART_RESTORE_URL`,
 * `QM_CART_RECOVERY_PROMOTION`): a link that restores the cart, and a single-use code of a promotion.
 */
export interface CartRecoverySettings {
  /**
   * The storefront page that restores a cart; the mail links to it with `cart`, `step` and `token`
   * added to its query, and the page posts them to `POST /carts/{cartId}/restore`. Null: no link.
   */
  restoreUrl: string | null;
  /** A promotion with unique codes: each reminded cart gets one single-use code of it. Null: none. */
  promotionId: string | null;
}

export const noCartRecovery: CartRecoverySettings = { restoreUrl: null, promotionId: null };

/** The restore link of one reminder: the storefront's page with the cart, the step and the secret. */
export function restoreLink(restoreUrl: string, cartId: string, step: number, token: string): string {
  const url = new URL(restoreUrl);
  url.searchParams.set('cart', cartId);
  url.searchParams.set('step', String(step));
  url.searchParams.set('token', token);
  return url.toString();
}

/**
 * The cart's recovery code: one unique code of the promotion, generated through the unique-code
 * machinery under the generation id `recovery-{cartId}` (claimed atomically with its batch). A
 * generation that already exists (an earlier firing that stopped before the reminder was recorded)
 * answers its code rather than issuing a second. A promotion that cannot issue codes (not unique,
 * ended, gone) gives none: the reminder still goes, without a code.
 */
export async function recoveryCode(
  runtime: CommandRuntime,
  promotionId: string,
  cartId: string,
  context: CommandContext,
): Promise<string | null> {
  const generationId = `recovery-${cartId}`;
  try {
    const generated = await generateCodes(runtime, { promotionId, generationId, count: 1 }, context);
    if (generated.codes[0] !== undefined) return generated.codes[0];
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
  const events = await runtime.store.readStream(couponGenerationStream(generationId));
  for (const event of events)
    if (isCouponCodeEvent(event) && event.type === 'CodeBatchGenerated' && event.data.codes[0] !== undefined)
      return event.data.codes[0];
  return null;
}

import { createHash } from 'node:crypto';
import { cartDecider, CartNotFound, type CartCommand, type CartState } from '../../domain/carts/index.ts';
import { cartStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandResult } from '../runtime/command-result.ts';
import { earlierRun, requestMark } from '../runtime/request-events.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';
import type { CartDeps } from './cart-handlers.ts';
import { pricedCartDecider, totalsAfter } from './cart-pricing.ts';
import { hashCartSecret, newCartSecret } from './cart-secret.ts';

export type RestoredCart = CommandResult & {
  cartId: string;
  /** A guest cart's new secret (its old one no longer opens it); null for a customer's cart. */
  secret: string | null;
  /** The recovery code now applied to the cart, if its reminders carried one. */
  couponCode: string | null;
};

/**
 * Opens a cart from a reminder's restore link (`?cart=&step=&token=`): the token must be the one
 * that step's mail carried (else 404, as for a cart that does not exist). A guest cart answers a
 * new secret, the link being the credential; a customer's cart stays its owner's (they sign in).
 * The recovery code, if any, applies from now on, and the totals are priced with it in the same
 * append. A request resumed after a crash answers its first run's secret (derived from the token and
 * the request's key) without appending again.
 */
export async function restoreCart(
  deps: CartDeps,
  cartId: string,
  link: { step: number; token: string },
  context: CommandContext,
): Promise<RestoredCart> {
  const stream = cartStream(cartId);
  const mark = requestMark(context);
  const secret = mark ? derivedSecret(link.token, mark.key) : newCartSecret();
  const answer = (result: CommandResult, guest: boolean, couponCode: string | null): RestoredCart => ({
    ...result,
    cartId,
    secret: guest ? secret.secret : null,
    couponCode,
  });
  const earlier = await earlierRun(deps.runtime.store, stream, context);
  const restored = earlier?.events.find((event) => event.type === 'CartRestored');
  if (earlier && restored) {
    const data = restored.data as { secretHash: string | null; couponCode: string | null };
    return answer(earlier, data.secretHash !== null, data.couponCode);
  }
  let guest = false;
  const outcome = await runCommand(
    deps.runtime,
    {
      keys: [stream],
      contention: 'normal',
      plan: async (load) => {
        const cart = await load<CartState>(stream, asStepDecider(cartDecider));
        if (cart.status === 'absent') throw new CartNotFound(cartId);
        guest = cart.owner.kind === 'guest';
        const command: CartCommand = {
          type: 'RestoreCart',
          data: {
            cartId,
            step: link.step,
            tokenHash: hashCartSecret(link.token),
            secretHash: guest ? secret.hash : null,
            now: context.now,
          },
        };
        // Decided (and refused for a wrong token) before anything is priced.
        const totals = await totalsAfter(cart, command, { ...deps, load });
        return [{ stream, decider: asStepDecider(pricedCartDecider(totals)), command }];
      },
    },
    context,
  );
  const events = outcome.events.get(stream) ?? [];
  const event = events.find((e) => e.type === 'CartRestored');
  return answer(
    { events, revision: outcome.revisions.get(stream) ?? null, position: outcome.position },
    guest,
    (event?.data as { couponCode: string | null } | undefined)?.couponCode ?? null,
  );
}

/** The same new secret for every run of one request: only the link's holder can compute it. */
function derivedSecret(token: string, key: string): { secret: string; hash: string } {
  const secret = createHash('sha256').update(`${token}\u0000${key}`).digest('base64url');
  return { secret, hash: hashCartSecret(secret) };
}

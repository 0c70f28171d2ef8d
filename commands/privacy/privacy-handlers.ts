import { privacyDecider } from '../../domain/privacy/index.ts';
import { customerStream, orderStream, privacyStream } from '../../domain/streams.ts';
import type { Position } from '../../ports/event-store.ts';
import type { PersonalDataKeys } from '../../ports/personal-data-keys.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { toResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';

const PAGE = 1000;

/**
 * GDPR erasure by crypto-shredding (docs/privacy.md). Deleting the subject's key is the erasure:
 * every personal field sealed with it reads as erased from then on, in every process. The
 * `CustomerErased` event that follows tells projectors and consumers to anonymise what they
 * copied while the key existed. Key first, event second: a crash between them leaves an erased
 * subject whose event a retry appends (deleting a deleted key changes nothing).
 */
export function privacyHandlers(runtime: CommandRuntime, keys: PersonalDataKeys) {
  return {
    async eraseCustomer(customerId: string, reason: string | null, context: CommandContext) {
      const orderIds = await ordersOf(runtime, customerId);
      await keys.erase(customerId);
      // This process's decided states hold the opened fields; drop them (other processes: docs/privacy.md).
      for (const orderId of orderIds) runtime.cache.delete(orderStream(orderId));
      runtime.cache.delete(customerStream(customerId));
      const outcome = await handleCommand(
        runtime,
        privacyDecider,
        privacyStream(customerId),
        { type: 'EraseCustomer', data: { customerId, orderIds, reason } },
        context,
      );
      return { ...toResult(outcome), orderIds };
    },
    /** Records the one-off encryption of plain-text personal fields (`qm privacy encrypt-existing`). */
    async recordEncryption(
      data: { events: number; fields: number; throughPosition: string },
      context: CommandContext,
    ) {
      return toResult(
        await handleCommand(
          runtime,
          privacyDecider,
          privacyStream('encryption'),
          { type: 'RecordEncryption', data },
          context,
        ),
      );
    },
  };
}

export type PrivacyHandlers = ReturnType<typeof privacyHandlers>;

/** The orders placed for the customer: a filtered pass over the log (erasure is rare). */
async function ordersOf(runtime: CommandRuntime, customerId: string): Promise<string[]> {
  const ids: string[] = [];
  let from: Position | 'start' = 'start';
  for (;;) {
    const events = await runtime.store.readAll({
      from,
      maxCount: PAGE,
      filter: { categories: ['order'], eventTypes: ['OrderPlaced'] },
    });
    for (const event of events) {
      const { orderId } = event.data;
      if (event.data.customerId === customerId && typeof orderId === 'string') ids.push(orderId);
    }
    if (events.length < PAGE) return ids;
    from = events.at(-1)!.position;
  }
}

import type { RedemptionReleaseReason } from '../../domain/redemptions/index.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { runCommand } from '../runtime/run-command.ts';
import type { StepsOutcome } from '../runtime/steps.ts';
import { releaseSteps } from './redemption-steps.ts';

export type ReleaseRedemptionsInput = {
  orderId: string;
  customerId: string | null;
  /** The discounts the order recorded: which promotion, which code. */
  discounts: readonly { promotionId: string; code: string | null }[];
  reason: RedemptionReleaseReason;
};

/**
 * Gives a cancelled or expired order's redemptions back, in one append over its redemption
 * streams. Releasing twice is harmless (the second finds nothing held), so the cancellation saga
 * may call it again after a crash. A refund does not release unless the shop configures it.
 */
export function releaseRedemptions(
  runtime: CommandRuntime,
  input: ReleaseRedemptionsInput,
  context: CommandContext,
): Promise<StepsOutcome> {
  const steps = releaseSteps(input, input.discounts, input.reason);
  return runCommand(
    runtime,
    {
      keys: steps.map((s) => s.stream),
      // The same streams every checkout with the promotion appends to.
      contention: 'hot',
      plan: async () => steps,
    },
    context,
  );
}

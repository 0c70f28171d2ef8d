import type { ConsumeOptions } from './event-bus.ts';

/** Redelivery after a failed `handle`: quick at first, then slower, capped at a minute. */
export const defaultBackoffMs: readonly number[] = [250, 1_000, 5_000, 15_000, 60_000];
export const defaultMaxDeliver = 10;

/** How long to wait before redelivering after the `failures`-th failed delivery (1-based). */
export function redeliveryDelayMs(options: Pick<ConsumeOptions, 'backoffMs'>, failures: number): number {
  const steps = options.backoffMs && options.backoffMs.length > 0 ? options.backoffMs : defaultBackoffMs;
  return steps[Math.min(Math.max(failures, 1), steps.length) - 1]!;
}

/** Whether the failed delivery number `deliveries` (1-based) was the last one this consumer allows. */
export function isLastDelivery(options: Pick<ConsumeOptions, 'maxDeliver' | 'onGiveUp'>, deliveries: number) {
  return options.onGiveUp !== undefined && deliveries >= (options.maxDeliver ?? defaultMaxDeliver);
}

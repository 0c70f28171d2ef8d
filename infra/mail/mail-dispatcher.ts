import type { Logger } from '../logging/logger.ts';
import type { SqlExecutor } from '../sql/sql-client.ts';
import { claimDueDeliveries, markFailed, markSent } from './mail-deliveries.ts';
import type { MailTransport } from '../../ports/mail.ts';

export interface MailDispatcherOptions {
  sql: SqlExecutor;
  transport: MailTransport;
  log: Logger;
  /** Attempts before a delivery is parked (default 6). */
  maxAttempts?: number;
  /** Waits before the 1st, 2nd, ... retry; the last repeats (default 1 s, 5 s, 30 s, 2 min, 10 min). */
  backoffMs?: readonly number[];
  /** How long a claimed delivery is ours before another sender may take it (default 60 s). */
  leaseMs?: number;
  /** How often to look for due deliveries when nobody calls `wake` (default 1 s). */
  pollMs?: number;
  /** Deliveries claimed at once (default 20). */
  batchSize?: number;
}

export interface MailDispatcher {
  /** Looks for due deliveries now (the consumer calls it after storing new ones). */
  wake(): void;
  /** Stops after the mail in hand. */
  stop(): Promise<void>;
}

const defaultBackoffMs = [1_000, 5_000, 30_000, 120_000, 600_000];

/**
 * Sends stored deliveries through the transport, one at a time in creation order. A failure is
 * retried with backoff; after the last attempt the delivery is parked (admins see it, and may retry
 * it), never dropped. A mail the transport accepted but that was not yet marked sent when the
 * process died is sent again with the same Message-ID (SMTP itself is at-least-once).
 */
export function startMailDispatcher(options: MailDispatcherOptions): MailDispatcher {
  const { sql, transport } = options;
  const log = options.log.child({ component: 'mail-dispatcher', transport: transport.kind });
  const maxAttempts = options.maxAttempts ?? 6;
  const backoff = options.backoffMs && options.backoffMs.length > 0 ? options.backoffMs : defaultBackoffMs;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  let stopping = false;
  let woken = false;
  let wakeUp: (() => void) | undefined;

  const pause = () =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve();
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  const loop = (async () => {
    while (!stopping) {
      woken = false;
      let due;
      try {
        due = await claimDueDeliveries(sql, options.batchSize ?? 20, leaseMs);
      } catch (error) {
        log.error({ err: error }, 'could not read due mail; will try again');
        await pause();
        continue;
      }
      if (due.length === 0) {
        await pause();
        continue;
      }
      for (const delivery of due) {
        if (stopping) break; // the lease runs out and the next start sends it
        const context = { deliveryId: delivery.deliveryId, template: delivery.template, to: delivery.to };
        try {
          await transport.send(delivery);
          await markSent(sql, delivery.deliveryId);
          log.info(context, 'mail sent');
        } catch (error) {
          const retryIn = backoff[Math.min(delivery.attempts, backoff.length - 1)]!;
          const message = error instanceof Error ? error.message : String(error);
          const status = await markFailed(sql, delivery.deliveryId, message, maxAttempts, retryIn).catch(
            (markError: unknown) => {
              log.error(
                { ...context, err: markError },
                'could not record a failed mail; its lease will expire',
              );
              return 'pending' as const;
            },
          );
          if (status === 'parked')
            log.error({ ...context, err: error }, 'mail parked after its last attempt');
          else log.warn({ ...context, err: error, retryInMs: retryIn }, 'mail failed; will retry');
        }
      }
    }
  })();

  return {
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      stopping = true;
      wakeUp?.();
      await loop;
    },
  };
}

import { isDomainError } from '../../domain/errors.ts';
import type { EventStore } from '../ports/event-store.ts';
import { followEvents, type Follower } from '../runtime/follow-events.ts';
import type { Clock } from '../ports/clock.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { IdGenerator } from '../ports/ids.ts';

export interface ExpirySchedulerOptions {
  store: EventStore;
  clock: Clock;
  ids: IdGenerator;
  /** Cancels one order as expired (releasing its stock). */
  expire: (orderId: string, context: CommandContext) => Promise<unknown>;
  /** How often due orders are looked for. */
  intervalMs?: number;
  onError?: (error: unknown, orderId: string) => void;
}

export interface ExpiryScheduler {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Orders waiting for payment, with their deadlines (for inspection and tests). */
  pending(): Map<string, string>;
  /** Expires every order due now; returns the ids it cancelled. */
  runDue(): Promise<string[]>;
}

const WATCHED = ['OrderPlaced', 'PaymentAuthorized', 'PaymentCaptured', 'OrderCancelled'];

/**
 * Cancels orders left unpaid past their deadline and releases their stock. Its schedule is derived
 * from the order events themselves (placed adds a deadline; paid or cancelled removes it), rebuilt
 * from the event store at every start, so it survives restarts with no state of its own.
 */
export function createExpiryScheduler(options: ExpirySchedulerOptions): ExpiryScheduler {
  const deadlines = new Map<string, string>();
  let follower: Follower | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<string[]> | undefined;

  const apply = (type: string, data: Record<string, unknown>) => {
    const orderId = String(data.orderId);
    if (type === 'OrderPlaced') deadlines.set(orderId, String(data.expiresAt));
    else deadlines.delete(orderId);
  };

  async function expireDue(): Promise<string[]> {
    const now = options.clock.now();
    const expired: string[] = [];
    for (const [orderId, deadline] of deadlines) {
      if (Date.parse(deadline) > now.getTime()) continue;
      const context: CommandContext = {
        actor: { id: 'expiry-scheduler', role: 'system' },
        correlationId: options.ids.newId(),
        causationId: null,
        now: now.toISOString(),
      };
      try {
        await options.expire(orderId, context);
        expired.push(orderId);
      } catch (error) {
        // Paid or cancelled meanwhile: the event is on its way round the subscription.
        if (!isDomainError(error)) options.onError?.(error, orderId);
      }
      deadlines.delete(orderId);
    }
    return expired;
  }

  const runDue = () => (running ??= expireDue().finally(() => (running = undefined)));

  return {
    pending: () => new Map(deadlines),
    runDue,
    async start() {
      follower = await followEvents(options.store, { categories: ['order'], eventTypes: WATCHED }, (event) =>
        apply(event.type, event.data),
      );
      timer = setInterval(() => void runDue(), options.intervalMs ?? 1000);
    },
    async stop() {
      clearInterval(timer);
      await follower?.stop();
      await running;
    },
  };
}

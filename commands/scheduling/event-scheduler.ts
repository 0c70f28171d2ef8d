import { isDomainError } from '../../domain/errors.ts';
import { systemClock, type Clock, type WakingClock } from '../../ports/clock.ts';
import type { EventFilter, EventStore, RecordedEvent } from '../../ports/event-store.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { HeldLease, Lease } from '../../ports/lease.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { followEvents, type Follower } from '../runtime/follow-events.ts';

/** What one event does to the schedule: (re)schedule a key, or take it off. */
export type ScheduleChange<Key extends string> =
  { key: Key; dueAt: Date | string } | { key: Key; cancel: true };

export interface EventSchedulerOptions<Key extends string> {
  /** Names the scheduler's lease and the system actor of the commands it sends. */
  name: string;
  store: EventStore;
  /** The events the schedule is derived from. */
  filter: EventFilter;
  /**
   * Pure derivation of the schedule from one event; `null` when the event leaves it alone. Being
   * pure and fed from the log alone is what lets every start rebuild the same schedule.
   */
  schedule(event: RecordedEvent): ScheduleChange<Key> | null;
  /**
   * Sends the command that is due. It must refuse, with a domain error, work already resolved (the
   * order was paid meanwhile, or a previous holder of the lease fired it just before dying): such a
   * refusal counts as done. Any other error is transient and the key is tried again.
   */
  action(key: Key, context: CommandContext): Promise<unknown>;
  /** A waking clock fires keys exactly when due; a plain one is checked every `pollMs`. */
  clock: Clock | WakingClock;
  /** One instance among all processes fires; the others follow the log on standby. */
  lease: Lease;
  ids: IdGenerator;
  /** How often a clock that cannot wake the scheduler is checked, in real time (default 1 s). */
  pollMs?: number;
  /**
   * How far behind the log the schedule may fall while events keep coming (default 100 ms): one
   * read of the log per interval instead of one per matching append. Deadlines are seconds to
   * hours after their events, so a tenth of a second late in learning one moves nothing.
   */
  lagMs?: number;
  /** Clock time before a key that failed transiently is tried again (default 5 s). */
  retryMs?: number;
  onError?: (error: unknown, key: Key) => void;
}

export interface EventScheduler<Key extends string> {
  /** Rebuilds the schedule from the log, then competes for the lease (standing by without it). */
  start(): Promise<void>;
  /** Stops firing (an action in flight finishes first), releases the lease, stops following. */
  stop(): Promise<void>;
  /** Whether this instance holds the lease and fires. */
  readonly active: boolean;
  /** Keys waiting, with when they are due (for inspection and tests). */
  pending(): Map<Key, Date>;
  /** Fires every key due now, if this instance holds the lease; returns the keys it fired. */
  runDue(): Promise<Key[]>;
}

/** The latest time a Date can hold: with nothing pending, the loop sleeps until a key is scheduled. */
const NOTHING_DUE = 8.64e15;

/**
 * A scheduler that survives restarts with no state of its own: its schedule is a pure function of
 * the events matching `filter`, rebuilt from the store at every start and kept current by following
 * the log. Each key fires once, by the one instance holding the lease; a standby instance keeps the
 * same schedule and takes over when the holder stops or dies.
 */
export function createEventScheduler<Key extends string>(
  options: EventSchedulerOptions<Key>,
): EventScheduler<Key> {
  const { clock, retryMs = 5000 } = options;
  const due = new Map<Key, number>();
  const stopper = new AbortController();
  let follower: Follower | undefined;
  let holding: Promise<void> | undefined;
  let held: HeldLease | undefined;
  let firing: Promise<Key[]> | undefined;
  /** What the firing loop sleeps until, and how to wake it when something earlier is scheduled. */
  let sleeping: { until: number; wake: AbortController } | undefined;

  function apply(event: RecordedEvent): void {
    const change = options.schedule(event);
    if (!change) return;
    if ('cancel' in change) {
      due.delete(change.key);
      return;
    }
    const at = new Date(change.dueAt).getTime();
    due.set(change.key, at);
    if (sleeping && at < sleeping.until) sleeping.wake.abort();
  }

  /** Sets (or drops) a key's next attempt, unless an event rescheduled it while its action ran. */
  function settle(key: Key, firedFor: number, next: number | null): void {
    if (due.get(key) !== firedFor) return;
    if (next === null) due.delete(key);
    else due.set(key, next);
  }

  async function fireDue(): Promise<Key[]> {
    const now = clock.now();
    const fired: Key[] = [];
    for (const [key, at] of due) {
      if (at > now.getTime()) continue;
      // The lease went to another instance mid-run: the rest is its work now.
      if (!held || held.lost.aborted) break;
      const context: CommandContext = {
        actor: { id: options.name, role: 'system' },
        correlationId: options.ids.newId(),
        causationId: null,
        now: now.toISOString(),
      };
      try {
        await options.action(key, context);
        fired.push(key);
        settle(key, at, null);
      } catch (error) {
        if (isDomainError(error)) {
          settle(key, at, null);
        } else {
          options.onError?.(error, key);
          settle(key, at, now.getTime() + retryMs);
        }
      }
    }
    return fired;
  }

  const runDue = (): Promise<Key[]> => {
    if (!held || held.lost.aborted) return Promise.resolve([]);
    return (firing ??= fireDue().finally(() => (firing = undefined)));
  };

  function earliest(): number {
    let next = NOTHING_DUE;
    for (const at of due.values()) if (at < next) next = at;
    return next;
  }

  /**
   * A waking clock fires overdue keys at once and then sleeps until the next one is due. A plain
   * clock (a test's hand-set one) cannot wake anything, so it is looked at every `pollMs` of real
   * time like an interval timer, first after one period: a test calling `runDue` stays in control.
   */
  async function fireWhileHeld(signal: AbortSignal): Promise<void> {
    const waking = 'sleepUntil' in clock ? clock : undefined;
    while (!signal.aborted) {
      if (waking) {
        await runDue();
        const wake = new AbortController();
        sleeping = { until: earliest(), wake };
        await waking.sleepUntil(new Date(sleeping.until), AbortSignal.any([signal, wake.signal]));
        sleeping = undefined;
      } else {
        await systemClock.sleepUntil(new Date(Date.now() + (options.pollMs ?? 1000)), signal);
        if (!signal.aborted) await runDue();
      }
    }
  }

  async function holdLease(): Promise<void> {
    while (!stopper.signal.aborted) {
      const lease = await options.lease.acquire(stopper.signal);
      if (!lease) return;
      held = lease;
      try {
        await fireWhileHeld(AbortSignal.any([stopper.signal, lease.lost]));
      } finally {
        held = undefined;
        // The successor must not fire while an action of this holder is still in flight.
        await firing;
        await lease.release();
      }
    }
  }

  return {
    get active() {
      return held !== undefined && !held.lost.aborted;
    },
    pending: () => new Map([...due].map(([key, at]) => [key, new Date(at)])),
    runDue,
    async start() {
      follower = await followEvents(options.store, options.filter, apply, options.lagMs ?? 100);
      holding = holdLease();
      // A lease granted at once (a sole instance) is held before `start` resolves, so a caller
      // may `runDue` straight away; a contended one is still being waited for.
      await new Promise((resolve) => setImmediate(resolve));
    },
    async stop() {
      stopper.abort();
      await holding;
      await follower?.stop();
    },
  };
}

import type { RecordedEvent } from '../../ports/event-store.ts';
import type { Logger } from '../logging/logger.ts';
import type { ConsumeOptions, DeliverFrom, EventBus, RunningConsumer } from './event-bus.ts';
import { defaultMaxBatch, handleBatchDelivery, handleDelivery } from './handle-delivery.ts';
import { defaultSubjectPrefix, eventSubject, subjectFilter } from './subjects.ts';

export interface InProcessBusOptions {
  log: Logger;
  subjectPrefix?: string;
  /** Retention by count: the oldest messages go beyond this many (JetStream's max_msgs). */
  maxMessages?: number;
  /** Injectable time source (tests never wait on the wall clock for `{ time }` starts). */
  now?: () => number;
}

interface Message {
  seq: number;
  subject: string;
  event: RecordedEvent;
  storedAt: number;
}

/** A durable consumer's resume point and its unacknowledged events; kept across `stop`/`consume`. */
interface DurableState {
  /** Next sequence to deliver for the first time. */
  next: number;
  /** Whether a subject is one of the consumer's (every subject when it named none). */
  matches: (subject: string) => boolean;
  /** Failed events waiting for redelivery: sequence → due time and deliveries so far. */
  retries: Map<number, { due: number; deliveries: number }>;
  active: boolean;
}

/**
 * The event bus inside one process (embedded mode), with JetStream's semantics: a retained,
 * de-duplicated log (by event id), durable consumers that resume where they acknowledged, delivery
 * in order, redelivery with backoff, parking after the limit. It lives as long as the process: a
 * restart starts empty, and embedded mode republishes from the publisher's checkpoint (see
 * docs/fanout.md).
 */
export function createInProcessBus(options: InProcessBusOptions): EventBus {
  const prefix = options.subjectPrefix ?? defaultSubjectPrefix;
  const maxMessages = options.maxMessages ?? 1_000_000;
  const now = options.now ?? Date.now;
  const log = options.log.child({ component: 'in-process-bus' });
  const messages: Message[] = [];
  const ids = new Set<string>();
  let lastSeq = 0;
  const durables = new Map<string, DurableState>();
  const running = new Set<RunningConsumer>();
  const waiters = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };

  const firstSeq = () => messages[0]?.seq ?? lastSeq + 1;
  const at = (seq: number) => messages[seq - firstSeq()];

  function startSeq(from: DeliverFrom): number {
    if (from === 'start') return firstSeq();
    if (from === 'new') return lastSeq + 1;
    if ('sequence' in from) return Math.max(from.sequence, firstSeq());
    const time = from.time.getTime();
    return messages.find((message) => message.storedAt >= time)?.seq ?? lastSeq + 1;
  }

  /**
   * What is owed to this consumer next: a due redelivery first (lowest sequence, alone), else the
   * new messages it matches from its resume point on, at most `maxBatch`.
   */
  function nextFor(
    state: DurableState,
    maxBatch: number,
  ): { retry: Message; deliveries: number } | { fresh: Message[] } | { waitMs: number } | null {
    let earliestDue = Infinity;
    let due: number | undefined;
    for (const [seq, retry] of state.retries) {
      if (at(seq) === undefined) {
        state.retries.delete(seq); // trimmed by retention
        continue;
      }
      if (retry.due <= now() && (due === undefined || seq < due)) due = seq;
      earliestDue = Math.min(earliestDue, retry.due);
    }
    if (due !== undefined) {
      const retry = state.retries.get(due)!;
      return { retry: at(due)!, deliveries: retry.deliveries + 1 };
    }
    state.next = Math.max(state.next, firstSeq());
    const fresh: Message[] = [];
    for (let seq = state.next; seq <= lastSeq && fresh.length < maxBatch; seq++) {
      const message = at(seq)!;
      if (state.matches(message.subject)) {
        fresh.push(message);
      }
    }
    if (fresh.length > 0) return { fresh };
    state.next = lastSeq + 1; // nothing it matches up to the end
    return earliestDue === Infinity ? null : { waitMs: Math.max(0, earliestDue - now()) };
  }

  async function consume(consumeOptions: ConsumeOptions): Promise<RunningConsumer> {
    const { durable } = consumeOptions;
    let state = durables.get(durable);
    if (state?.active) throw new Error(`durable consumer "${durable}" is already running in this process`);
    if (!state) {
      state = {
        next: startSeq(consumeOptions.deliverFrom ?? 'start'),
        matches: consumeOptions.subjects?.length ? subjectFilter(consumeOptions.subjects) : () => true,
        retries: new Map(),
        active: true,
      };
      durables.set(durable, state);
    }
    const own = state;
    own.active = true;
    let stopping = false;
    let wake: (() => void) | undefined;
    const maxBatch = consumeOptions.handleBatch ? (consumeOptions.maxBatch ?? defaultMaxBatch) : 1;

    const loop = (async () => {
      while (!stopping) {
        const next = nextFor(own, maxBatch);
        if (next === null || 'waitMs' in next) {
          await new Promise<void>((resolve) => {
            const timer = next === null ? undefined : setTimeout(done, next.waitMs);
            function done() {
              if (timer) clearTimeout(timer);
              waiters.delete(done);
              resolve();
            }
            wake = done;
            waiters.add(done);
          });
          continue;
        }
        if ('retry' in next) {
          const { retry: message, deliveries } = next;
          const outcome = await handleDelivery(consumeOptions, message.event, deliveries, log);
          if (outcome.kind === 'ack') own.retries.delete(message.seq);
          else own.retries.set(message.seq, { due: now() + outcome.delayMs, deliveries });
          continue;
        }
        const batch = next.fresh;
        const outcomes = await handleBatchDelivery(
          consumeOptions,
          batch.map((message) => message.event),
          log,
        );
        batch.forEach((message, i) => {
          const outcome = outcomes[i]!;
          if (outcome.kind === 'retry')
            own.retries.set(message.seq, { due: now() + outcome.delayMs, deliveries: 1 });
        });
        own.next = Math.max(own.next, batch.at(-1)!.seq + 1);
      }
    })();

    const handle: RunningConsumer = {
      durable,
      async stop() {
        stopping = true;
        wake?.();
        await loop;
        own.active = false;
        running.delete(handle);
      },
    };
    running.add(handle);
    return handle;
  }

  return {
    kind: 'in-process',
    ping: () => Promise.resolve(), // lives in this process: it answers whenever the process does
    async publish(events) {
      for (const event of events) {
        if (ids.has(event.id)) continue; // the same message id is stored once, as JetStream does
        ids.add(event.id);
        messages.push({ seq: ++lastSeq, subject: eventSubject(prefix, event), event, storedAt: now() });
      }
      // Trim in chunks: dropping one message per publish would copy the whole array every time.
      if (messages.length > maxMessages * 1.1) {
        for (const dropped of messages.splice(0, messages.length - maxMessages)) ids.delete(dropped.event.id);
      }
      wakeAll();
    },
    consume,
    async close() {
      await Promise.all([...running].map((consumer) => consumer.stop()));
    },
  };
}

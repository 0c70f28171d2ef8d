/**
 * The fan-out bus between the publisher projector and the consumers (notifications, forecasting).
 * Two implementations share this interface: NATS JetStream when `NATS_URL` is set, and an
 * in-process bus in embedded mode, so consumers never know which one feeds them.
 *
 * Delivery is at-least-once on both: a consumer handles an event, then acknowledges it; a crash in
 * between redelivers it, so handlers must be idempotent by event id.
 */
import type { RecordedEvent } from '../../ports/event-store.ts';

/** Where a new durable consumer starts; an existing one always resumes where it acknowledged. */
export type DeliverFrom = 'start' | 'new' | { time: Date } | { sequence: number };

export interface ConsumeOptions {
  /** Durable name: the consumer's identity and its resume point on the bus. */
  durable: string;
  /** Subject filters, e.g. `events.order.>` or `events.stock.StockReserved`; all events when absent. */
  subjects?: readonly string[];
  deliverFrom?: DeliverFrom;
  /**
   * Handles one event. Resolving acknowledges it; throwing asks for redelivery later (with
   * backoff), up to the bus's delivery limit.
   */
  handle(event: RecordedEvent): Promise<void>;
  /**
   * Handles the events the bus has at hand for this consumer (in delivery order, at most
   * `maxBatch`) at once, e.g. in one transaction; resolving acknowledges them all. It must do what
   * `handle` would do for each event in turn, idempotent by event id as `handle` is. When it throws,
   * the bus hands each event of the batch to `handle` on its own, so retries, backoff and parking
   * stay per event. A redelivery always goes to `handle` alone.
   */
  handleBatch?(events: readonly RecordedEvent[]): Promise<void>;
  /** Most events per `handleBatch` call (default 256). */
  maxBatch?: number;
  /** Delays before the 1st, 2nd, ... redelivery after `handle` threw; the last one repeats. */
  backoffMs?: readonly number[];
  /**
   * After this many failed deliveries of one event, `onGiveUp` takes it (to park it where admins see
   * it) and the bus moves on. Without `onGiveUp` the event is redelivered forever, never dropped.
   */
  maxDeliver?: number;
  /** Parks an event that failed `maxDeliver` times. If this throws too, the event is redelivered. */
  onGiveUp?(event: RecordedEvent, error: unknown): Promise<void>;
}

export interface RunningConsumer {
  readonly durable: string;
  /** Stops pulling; resolves once the event in hand (if any) is handled and acknowledged. */
  stop(): Promise<void>;
}

export interface EventBus {
  readonly kind: 'nats' | 'in-process';
  /**
   * Publishes events as `events.<stream category>.<event type>` with the event id as the message
   * id (the server de-duplicates); resolves only when every one is acknowledged.
   */
  publish(events: readonly RecordedEvent[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<RunningConsumer>;
  /** Resolves when the bus answers a round trip now (readiness probes); throws when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A publish the bus did not acknowledge for a reason of its own (no stream leader during an
 * election, a timeout, a lost connection), not the events': the publisher retries the batch, and
 * the bus's de-duplication by event id drops what had got through.
 */
export class BusUnavailable extends Error {
  override name = 'BusUnavailable';
  readonly transient = true;
  constructor(override readonly cause: unknown) {
    super(`the bus did not acknowledge a publish: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

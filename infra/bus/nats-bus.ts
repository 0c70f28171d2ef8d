import {
  AckPolicy,
  DeliverPolicy,
  ErrorCode,
  NatsError,
  connect,
  nanos,
  type ConsumerConfig,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { Logger } from '../logging/logger.ts';
import { decodeEvent, encodeEvent } from './event-codec.ts';
import {
  BusUnavailable,
  type ConsumeOptions,
  type DeliverFrom,
  type EventBus,
  type RunningConsumer,
} from './event-bus.ts';
import {
  defaultMaxBatch,
  handleBatchDelivery,
  handleDelivery,
  type DeliveryOutcome,
} from './handle-delivery.ts';
import { defaultStreamName, defaultSubjectPrefix, eventSubject, subjectFilter } from './subjects.ts';

export interface NatsBusOptions {
  /** e.g. `nats://127.0.0.1:4222` (NATS_URL); a cluster's servers comma-separated. */
  url: string;
  /** Copies of the stream on a cluster (default 1); set on creation and on every start. */
  replicas?: number;
  log: Logger;
  /** JetStream stream name; default `QM_EVENTS`. Tests use their own so runs never collide. */
  stream?: string;
  /** Subjects are `<prefix>.<category>.<type>`; default `events`. */
  subjectPrefix?: string;
  /**
   * JetStream drops a message whose id it saw within this window. The publisher re-sends at most its
   * unacknowledged batch after a crash, so minutes are plenty; default 10 minutes.
   */
  duplicateWindowMs?: number;
  /** Retention by age; 0 (default) keeps events until `maxBytes` says otherwise. */
  maxAgeMs?: number;
  /** Retention by size; -1 (default) means unlimited. */
  maxBytes?: number;
  /** How long a delivered event may stay unacknowledged before JetStream redelivers it (a dead consumer's). */
  ackWaitMs?: number;
  /** How many messages a consumer pulls ahead of handling them. */
  pullBatch?: number;
  /** Connection name shown by the server's monitoring. */
  name?: string;
}

const NOT_FOUND = 404;

/**
 * The event bus on NATS JetStream. Creates (or updates the subjects and duplicate window of) one
 * stream holding `<prefix>.>`; every consumer is a durable pull consumer with explicit acks, so it
 * resumes where it acknowledged after a restart, and a message a crashed consumer held is
 * redelivered after `ackWaitMs`.
 */
export async function createNatsBus(options: NatsBusOptions): Promise<EventBus> {
  const stream = options.stream ?? defaultStreamName;
  const prefix = options.subjectPrefix ?? defaultSubjectPrefix;
  const log = options.log.child({ component: 'nats-bus', stream });
  const nc = await connect({
    servers: natsServers(options.url),
    name: options.name ?? 'quartermaster',
    // A service outlives any one server's restart: keep trying (the cluster's others meanwhile).
    maxReconnectAttempts: -1,
  });
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  await ensureStream(nc, stream, prefix, options);
  const running = new Set<RunningConsumer>();

  async function publish(events: readonly RecordedEvent[]): Promise<void> {
    // One connection keeps publish order; all in flight at once, resolved when every ack is in.
    await Promise.all(
      events.map((event) =>
        js.publish(eventSubject(prefix, event), encodeEvent(event), {
          msgID: event.id,
          expect: { streamName: stream },
        }),
      ),
    ).catch((error: unknown) => {
      // Too large a message is the event's; anything else is the bus's (see BusUnavailable).
      if (error instanceof NatsError && error.code === (ErrorCode.MaxPayloadExceeded as string)) throw error;
      throw new BusUnavailable(error);
    });
  }

  async function consume(consumeOptions: ConsumeOptions): Promise<RunningConsumer> {
    const { durable } = consumeOptions;
    const filters = consumeOptions.subjects ?? [];
    try {
      await jsm.consumers.info(stream, durable);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.consumers.add(stream, consumerConfig(consumeOptions, options));
    }
    const consumer = await js.consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: options.pullBatch ?? 128 });
    let stopping = false;
    const matches = filters.length <= 1 ? () => true : subjectFilter(filters);

    // Messages are taken off the iterator as they come and handled in batches of what has
    // arrived meanwhile (`handleBatch`), one batch at a time, in order.
    const maxBatch = consumeOptions.handleBatch ? (consumeOptions.maxBatch ?? defaultMaxBatch) : 1;
    const arrived: JsMsg[] = [];
    let handling: Promise<void> = Promise.resolve();
    let busy = false;
    const handleArrived = () => {
      if (busy) return;
      busy = true;
      handling = (async () => {
        try {
          while (arrived.length > 0) await deliver(arrived.splice(0, maxBatch));
        } finally {
          busy = false;
        }
      })();
    };

    const loop = (async () => {
      for await (const message of messages) {
        if (stopping) {
          message.nak();
          continue;
        }
        arrived.push(message);
        handleArrived();
        // Hold the iterator while a full batch waits: what the bus pulls ahead stays bounded.
        if (arrived.length >= maxBatch) await handling;
      }
      await handling;
    })();

    async function deliver(batch: JsMsg[]): Promise<void> {
      const first: { message: JsMsg; event: RecordedEvent }[] = [];
      for (const message of batch) {
        const event = decoded(message);
        if (event === undefined) continue;
        // A redelivery goes alone, counted, through `handleDelivery`.
        if (message.info.redeliveryCount > 1)
          settle(message, await handleDelivery(consumeOptions, event, message.info.redeliveryCount, log));
        else first.push({ message, event });
      }
      if (first.length === 0) return;
      const outcomes = await handleBatchDelivery(
        consumeOptions,
        first.map((entry) => entry.event),
        log,
      );
      first.forEach((entry, i) => settle(entry.message, outcomes[i]!));
    }

    /** The message's event, or `undefined` once it is acknowledged (not ours) or terminated. */
    function decoded(message: JsMsg): RecordedEvent | undefined {
      // Server 2.9 filters on one subject only; any further filters apply here.
      if (!matches(message.subject)) {
        message.ack();
        return undefined;
      }
      try {
        return decodeEvent(message.data);
      } catch (error) {
        // Not ours to interpret: terminate it loudly rather than loop on it forever.
        log.error({ err: error, durable, seq: message.seq }, 'undecodable message on the event stream');
        message.term();
        return undefined;
      }
    }

    function settle(message: JsMsg, outcome: DeliveryOutcome): void {
      if (outcome.kind === 'ack') message.ack();
      else message.nak(outcome.delayMs);
    }

    const handle: RunningConsumer = {
      durable,
      async stop() {
        if (stopping) return loop;
        stopping = true;
        running.delete(handle);
        await messages.close();
        await loop;
        await nc.flush();
      },
    };
    running.add(handle);
    return handle;
  }

  return {
    kind: 'nats',
    publish,
    consume,
    async ping() {
      if (nc.isClosed()) throw new Error('the NATS connection is closed');
      await nc.flush(); // a PING answered by the server's PONG
    },
    async close() {
      await Promise.all([...running].map((consumer) => consumer.stop()));
      await nc.drain();
    },
  };
}

function consumerConfig(consume: ConsumeOptions, options: NatsBusOptions): Partial<ConsumerConfig> {
  const filters = consume.subjects ?? [];
  return {
    durable_name: consume.durable,
    ack_policy: AckPolicy.Explicit,
    // Redelivery is ours to decide (handleDelivery parks after the consumer's limit).
    max_deliver: -1,
    ack_wait: nanos(options.ackWaitMs ?? 30_000),
    ...(filters.length === 1 ? { filter_subject: filters[0] } : {}),
    ...deliverPolicy(consume.deliverFrom ?? 'start'),
  };
}

function deliverPolicy(from: DeliverFrom): Partial<ConsumerConfig> {
  if (from === 'start') return { deliver_policy: DeliverPolicy.All };
  if (from === 'new') return { deliver_policy: DeliverPolicy.New };
  if ('time' in from)
    return { deliver_policy: DeliverPolicy.StartTime, opt_start_time: from.time.toISOString() };
  return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from.sequence };
}

async function ensureStream(
  nc: NatsConnection,
  name: string,
  prefix: string,
  options: NatsBusOptions,
): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const settings = {
    subjects: [`${prefix}.>`],
    duplicate_window: nanos(options.duplicateWindowMs ?? 10 * 60_000),
    max_age: nanos(options.maxAgeMs ?? 0),
    max_bytes: options.maxBytes ?? -1,
    num_replicas: options.replicas ?? 1,
  };
  try {
    const info = await jsm.streams.info(name);
    await jsm.streams.update(name, { ...info.config, ...settings });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await jsm.streams.add({ name, ...settings });
    } catch (addError) {
      // Another process created it between our two calls: that one is as good as ours.
      if (!(addError instanceof NatsError && /already in use/i.test(addError.message))) throw addError;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof NatsError && error.api_error?.code === NOT_FOUND;
}

/** Deletes a stream (tests and benchmarks clean up the one they made); absent is fine. */
export async function deleteNatsStream(url: string, stream: string): Promise<void> {
  const nc = await connect({ servers: natsServers(url) });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(stream).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  } finally {
    await nc.close();
  }
}

/** `NATS_URL` names one server or a cluster's, comma-separated. */
export function natsServers(url: string): string[] {
  return url
    .split(',')
    .map((server) => server.trim())
    .filter((server) => server.length > 0);
}

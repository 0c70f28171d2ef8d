/**
 * The event store contract. Every backend (EventStoreDB/KurrentDB, PostgreSQL, PGlite) implements
 * exactly this, and one conformance suite (`infra/event-store/conformance.ts`) holds them to it.
 *
 * It is the source of truth and the audit log: nothing else is written by the write side.
 */
import type { Position } from './position.ts';

export type { Position } from './position.ts';

/** JSON as it is stored: what goes in comes back equal, so only plain values are allowed. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type ActorRole = 'customer' | 'staff' | 'admin' | 'system';

/** Who did it and why: every event carries this, which is what makes the store an audit log. */
export interface EventMetadata {
  actor: { id: string; role: ActorRole };
  correlationId: string;
  causationId: string | null;
  /** ISO 8601 time the command was decided (comes from the command's clock, not the database). */
  occurredAt: string;
  schemaVersion: number;
  /** Free-form extras (request id, idempotency key, reason, ...). */
  [key: string]: JsonValue | undefined;
}

/** An event about to be appended. The id makes appends idempotent: the same id is stored once. */
export interface NewEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  /** UUIDv7 (time-ordered) so ids sort roughly by creation time across backends. */
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored: its place in its stream (revision) and in the global log (position). */
export interface RecordedEvent<
  Type extends string = string,
  Data extends JsonObject = JsonObject,
> extends NewEvent<Type, Data> {
  stream: string;
  /** 0-based index of the event in its stream. */
  revision: number;
  position: Position;
  /** When the store recorded it (the server's clock; `metadata.occurredAt` is the command's). */
  recordedAt: string;
}

/**
 * What the caller believes about the stream before appending.
 * A number is the exact revision of the stream's last event (0-based).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: number;
  /** Global position of the last event written: the consistency token a write hands back. */
  position: Position;
}

export interface StreamAppend {
  stream: string;
  expected: ExpectedRevision;
  events: NewEvent[];
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the first (forwards) or the last (backwards) event. */
  fromRevision?: number;
  maxCount?: number;
}

/** Server-side filter on the global log. Both parts must match when both are given. */
export interface EventFilter {
  /** Stream categories: the part of the stream name before the first `-` (`order`, `stock`...). */
  categories?: readonly string[];
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. `'start'` reads from the beginning. */
  from?: Position | 'start';
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint the caller stored; `'start'` catches up from the beginning, `'end'` only sees new events. */
  from?: Position | 'start' | 'end';
  filter?: EventFilter;
  /** How many events one catch-up read fetches. */
  batchSize?: number;
  /**
   * How far behind the log a caught-up subscriber may fall (default 0: each announced append is
   * read at once). A polling store then reads at most once per `lagMs` while appends keep coming,
   * one read for all of them; a store that pushes events may ignore it.
   */
  lagMs?: number;
  signal?: AbortSignal;
}

/** A catch-up subscription: first everything after the checkpoint, then live events, until stopped. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  /** Ends the iteration; pending `next()` calls resolve as done. Idempotent. */
  stop(): Promise<void>;
}

/** A read of the global log and the head the reader could see when it was made. */
export interface ReadWithHead {
  events: RecordedEvent[];
  head: Position | null;
}

export interface EventStoreCapabilities {
  /** Whether `appendMulti` commits several streams in one atomic step (else callers compensate). */
  atomicMultiStreamAppend: boolean;
  backend: 'postgres' | 'pglite' | 'esdb';
}

export interface EventStore {
  readonly capabilities: EventStoreCapabilities;
  /** Appends to one stream if it is at the expected revision; throws `WrongExpectedRevision` otherwise. */
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /**
   * Appends to several streams at once: all or nothing. Throws `MultiStreamAppendUnsupported`
   * where `capabilities.atomicMultiStreamAppend` is false.
   */
  appendMulti(appends: StreamAppend[]): Promise<AppendResult[]>;
  /** Reads one stream; an absent stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Revision of the stream's last event, or `null` when it has none. */
  streamRevision(stream: string): Promise<number | null>;
  /** One batch of the global log in commit order, after `from`. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event a reader can see now, or `null` when the log is empty. */
  headPosition(): Promise<Position | null>;
  /**
   * Whether an event at exactly this position is committed, visible to readers yet or not. On
   * PostgreSQL a committed event stays behind the visible head while any older transaction of the
   * cluster runs, so a position a write just answered can be ahead of `headPosition` for a while;
   * this tells it from a position no write ever answered. Absent where the head is never behind
   * a commit.
   */
  isCommitted?(position: Position): Promise<boolean>;
  /**
   * `readAll` and the head together: a head never past what the read could see, so a filtered
   * reader may move its checkpoint to it when the read was not full. The SQL stores answer both in
   * one statement (one snapshot, one round trip per projector poll instead of two).
   */
  readAllWithHead(options?: ReadAllOptions): Promise<ReadWithHead>;
  subscribe(options?: SubscribeOptions): Subscription;
  /**
   * Resolves at the next append this process commits through this store, after `timeoutMs`, or
   * when `signal` aborts. A reader caught up with the log waits here instead of sleeping out its
   * poll interval, so an append made in the same process is read at once; appends of other
   * processes are still found by the poll (or announced too, where the store hears them). Where
   * every append is announced, the store may stretch a quiet reader's poll (sql-event-store.ts).
   * Resolves at once if the store has announced an append since `since` (see `appendSequence`).
   * Absent where the store cannot tell (a reader then sleeps).
   */
  waitForAppend?(timeoutMs: number, signal: AbortSignal, since?: number): Promise<void>;
  /**
   * How many appends this store has announced so far (with `waitForAppend`). A reader notes it
   * before reading and passes it as `since`: an append announced while it was reading, when no
   * one was waiting, then ends the wait at once instead of leaving it to the poll.
   */
  appendSequence?(): number;
  close(): Promise<void>;
}

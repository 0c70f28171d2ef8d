import { jsonEvent, type EventData } from '@kurrent/kurrentdb-client';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '../../../ports/event-store.ts';

/** The fields of a client event this adapter reads; stream reads and `$all` reads both have them. */
export interface EsdbRecord {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: { commit: bigint; prepare: bigint } | undefined;
}

/**
 * Multi-stream appends (the v2 protocol) take metadata as a flat map of strings only, and read back
 * as that map plus the server's `$schema.*` entries. Our metadata has nested and non-string values,
 * so it travels as one JSON string under this key (user keys may not start with `$`).
 */
export const MULTI_APPEND_METADATA_KEY = 'quartermaster.metadata';

/** A single-stream append stores our metadata object as the event's JSON metadata, unchanged. */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
}

export function toMultiAppendEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: { [MULTI_APPEND_METADATA_KEY]: JSON.stringify(event.metadata) },
  });
}

/**
 * Our event from the client's. Throws on an event this store did not write (binary data, no
 * metadata object): a poison event should stop its reader with a clear error, never be skipped.
 */
export function toRecordedEvent(record: EsdbRecord): RecordedEvent {
  const where = `event ${record.id} (${record.streamId}@${record.revision})`;
  if (!record.position) {
    throw new Error(
      `The server sent ${where} without its $all position: KurrentDB/EventStoreDB 22.6 or later is required.`,
    );
  }
  if (!record.isJson || !isJsonObject(record.data)) {
    throw new Error(`${where} has no JSON object as data: it was not written by this store.`);
  }
  return {
    id: record.id,
    type: record.type,
    data: record.data,
    metadata: decodeMetadata(record.metadata, where),
    stream: record.streamId,
    revision: Number(record.revision),
    position: { commit: record.position.commit, prepare: record.position.prepare },
    recordedAt: record.created.toISOString(),
  };
}

/** Metadata as a single-stream append stored it, or unwrapped from a multi-stream append's map. */
export function decodeMetadata(metadata: unknown, where: string): EventMetadata {
  if (!isJsonObject(metadata)) throw new Error(`${where} has no JSON object as metadata.`);
  const wrapped = metadata[MULTI_APPEND_METADATA_KEY];
  if (typeof wrapped !== 'string') return metadata as EventMetadata;
  const unwrapped: unknown = JSON.parse(wrapped);
  if (!isJsonObject(unwrapped)) throw new Error(`${where} holds metadata that is not a JSON object.`);
  return unwrapped as EventMetadata;
}

function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

import type { EventMetadata, JsonObject, RecordedEvent } from '../../../ports/event-store.ts';

export interface EventRow {
  position: string;
  tx: string;
  id: string;
  stream: string;
  revision: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
  recorded_at: Date | string;
}

export function rowToEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    stream: row.stream,
    revision: Number(row.revision),
    position: { commit: BigInt(row.tx), prepare: BigInt(row.position) },
    recordedAt: (row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at)).toISOString(),
  };
}

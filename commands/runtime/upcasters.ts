import type { JsonObject, RecordedEvent } from '../../ports/event-store.ts';
import { SCHEMA_VERSION } from './command-context.ts';

/**
 * Turns one stored version of an event type into the next: `fromVersion` to `fromVersion + 1`.
 * History is never rewritten; old events are read through these instead, so deciders and their
 * `evolve` only ever see the current shape of each event.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  /** The event's data in the next version (and its new type name, if it was renamed). */
  upcast(data: JsonObject): { type?: string; data: JsonObject };
}

export interface UpcasterRegistry {
  /** The event in the current schema version; the event itself when nothing applies. */
  upcast(event: RecordedEvent): RecordedEvent;
}

/**
 * Upcasters by event type and version, chained: a version-1 event goes through 1→2, 2→3... until
 * no upcaster is registered for its type and version. Two upcasters for the same step are a bug.
 */
export function createUpcasterRegistry(upcasters: readonly Upcaster[]): UpcasterRegistry {
  const steps = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (steps.has(key)) throw new Error(`Two upcasters for ${upcaster.type} version ${upcaster.fromVersion}`);
    steps.set(key, upcaster);
  }
  return {
    upcast(event) {
      let { type, data } = event;
      let version = event.metadata.schemaVersion ?? SCHEMA_VERSION;
      for (let step = steps.get(`${type}@${version}`); step; step = steps.get(`${type}@${version}`)) {
        const next = step.upcast(data);
        type = next.type ?? type;
        data = next.data;
        version++;
      }
      if (version === event.metadata.schemaVersion && type === event.type) return event;
      return { ...event, type, data, metadata: { ...event.metadata, schemaVersion: version } };
    },
  };
}

/** No upcasting: every stored event is already current. */
export const noUpcasters: UpcasterRegistry = { upcast: (event) => event };

import {
  erasedText,
  mapPersonalFields,
  personalFieldsOf,
  valueAt,
} from '../../domain/privacy/personal-fields.ts';
import type { JsonObject, JsonValue } from '../../ports/event-store.ts';
import { isErasedKey, type PersonalDataKeys, type SubjectKey } from '../../ports/personal-data-keys.ts';
import { isSealedField, openField, sealField } from './field-cipher.ts';

type WithData = { type: string; data: JsonObject };

/**
 * Seals and opens the personal fields of events (`domain/privacy/personal-fields.ts`), looking up
 * every subject of a batch in one call to the key store. Events without personal fields pass
 * through as the same objects.
 */
export interface EventPrivacy {
  /** Encrypts plain personal fields; an erased subject's fields are written as erased. */
  seal<E extends WithData>(events: readonly E[]): Promise<E[]>;
  /** Decrypts sealed fields; those of an erased (or unknown) subject read as erased. */
  open<E extends WithData>(events: readonly E[]): Promise<E[]>;
  /** How many plain personal fields `event` holds (for `qm privacy encrypt-existing`). */
  plainFields(event: WithData): number;
}

export function createEventPrivacy(keys: PersonalDataKeys): EventPrivacy {
  return {
    async seal(events) {
      const subjects = subjectsOf(events);
      if (subjects.length === 0) return [...events];
      const found = await keys.getOrCreate(subjects);
      return events.map((event) =>
        mapPersonalFields(event, (subject, path, value) => {
          if (typeof value !== 'string' || value === erasedText) return value;
          const key = found.get(subject);
          if (key === undefined || isErasedKey(key)) return erasedText;
          return sealField(key.key, subject, path, value);
        }),
      );
    },
    async open(events) {
      const subjects = sealedSubjectsOf(events);
      if (subjects.length === 0) return [...events];
      const found = await keys.get(subjects);
      return events.map((event) =>
        mapPersonalFields(event, (_subject, path, value) =>
          isSealedField(value) ? openWith(found, path, value) : value,
        ),
      );
    },
    plainFields(event) {
      let count = 0;
      mapPersonalFields(event, (_subject, _path, value) => {
        if (typeof value === 'string' && value !== erasedText) count++;
        return value;
      });
      return count;
    },
  };
}

function openWith(found: Map<string, SubjectKey>, path: string, value: { subject: string }): JsonValue {
  const key = found.get(value.subject);
  if (key === undefined || isErasedKey(key)) return erasedText;
  return openField(key.key, path, value as Parameters<typeof openField>[2]);
}

function subjectsOf(events: readonly WithData[]): string[] {
  const subjects = new Set<string>();
  for (const event of events) {
    const subject = personalFieldsOf(event.type)?.subject(event.data);
    if (subject) subjects.add(subject);
  }
  return [...subjects];
}

function sealedSubjectsOf(events: readonly WithData[]): string[] {
  const subjects = new Set<string>();
  for (const event of events) {
    const fields = personalFieldsOf(event.type);
    if (!fields) continue;
    for (const path of fields.paths) {
      const value = valueAt(event.data, path);
      if (isSealedField(value)) subjects.add(value.subject);
    }
  }
  return [...subjects];
}

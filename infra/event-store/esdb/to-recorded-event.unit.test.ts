import { describe, expect, it } from 'vitest';
import type { EventMetadata, NewEvent } from '../../../ports/event-store.ts';
import {
  MULTI_APPEND_METADATA_KEY,
  decodeMetadata,
  toEventData,
  toMultiAppendEventData,
  toRecordedEvent,
  type EsdbRecord,
} from './to-recorded-event.ts';

const metadata: EventMetadata = {
  actor: { id: 'admin-1', role: 'admin' },
  correlationId: 'corr-1',
  causationId: null,
  occurredAt: '2026-11-21T10:00:00.000Z',
  schemaVersion: 2,
  reason: 'restock',
};
const newEvent: NewEvent = {
  id: '0192f0a0-0000-7000-8000-000000000001',
  type: 'StockReceived',
  data: { sku: 'SKU-1', quantity: 3, lots: [{ id: 'l1', at: null }] },
  metadata,
};

const record = (overrides: Partial<EsdbRecord> = {}): EsdbRecord => ({
  streamId: 'stock-SKU-1@berlin',
  id: newEvent.id,
  type: newEvent.type,
  revision: 4n,
  created: new Date('2026-11-21T10:00:01.250Z'),
  isJson: true,
  data: newEvent.data,
  metadata,
  position: { commit: 1234n, prepare: 1200n },
  ...overrides,
});

describe('toEventData', () => {
  it('keeps id and type, sends data and metadata as JSON', () => {
    const data = toEventData(newEvent);
    expect(data).toMatchObject({ id: newEvent.id, type: 'StockReceived', contentType: 'application/json' });
    expect(data.data).toEqual(newEvent.data);
    expect(data.metadata).toEqual(metadata);
  });
});

describe('toMultiAppendEventData', () => {
  it('wraps the metadata as one string, as the v2 protocol takes only string values', () => {
    const data = toMultiAppendEventData(newEvent);
    const sent = data.metadata as Record<string, unknown>;
    expect(Object.values(sent).every((value) => typeof value === 'string')).toBe(true);
    expect(JSON.parse(sent[MULTI_APPEND_METADATA_KEY] as string)).toEqual(metadata);
  });
});

describe('toRecordedEvent', () => {
  it('converts every field: revision as a number, position as is, time as ISO', () => {
    expect(toRecordedEvent(record())).toEqual({
      ...newEvent,
      stream: 'stock-SKU-1@berlin',
      revision: 4,
      position: { commit: 1234n, prepare: 1200n },
      recordedAt: '2026-11-21T10:00:01.250Z',
    });
  });

  it('unwraps metadata written by a multi-stream append, dropping what the server added', () => {
    const stored = {
      '$schema.format': 'Json',
      '$schema.name': 'StockReceived',
      ...(toMultiAppendEventData(newEvent).metadata as Record<string, string>),
    };
    expect(toRecordedEvent(record({ metadata: stored })).metadata).toEqual(metadata);
  });

  it('refuses an event this store did not write, naming it', () => {
    expect(() => toRecordedEvent(record({ isJson: false, data: new Uint8Array([1]) }))).toThrow(
      /no JSON object as data/,
    );
    expect(() => toRecordedEvent(record({ data: [1, 2] }))).toThrow(/no JSON object as data/);
    expect(() => toRecordedEvent(record({ metadata: undefined }))).toThrow(new RegExp(newEvent.id));
    expect(() => toRecordedEvent(record({ position: undefined }))).toThrow(/position/);
  });
});

describe('decodeMetadata', () => {
  it('refuses wrapped metadata that is not an object', () => {
    expect(() => decodeMetadata({ [MULTI_APPEND_METADATA_KEY]: '[1]' }, 'event x')).toThrow(/event x/);
  });
});

import { describe, expect, it } from 'vitest';
import type { NewEvent, StreamAppend } from '../../../ports/event-store.ts';
import { EventIdReused, WrongExpectedRevision } from '../../../ports/event-store-errors.ts';
import { compareWithStored, settleRefusedAppend, type StoredEvent } from './stored-outcome.ts';

const id = (n: number) => `0192f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const newEvent = (n: number): NewEvent => ({
  id: id(n),
  type: 'Happened',
  data: {},
  metadata: {
    actor: { id: 'a', role: 'system' },
    correlationId: 'c',
    causationId: null,
    occurredAt: '2026-11-21T10:00:00.000Z',
    schemaVersion: 1,
  },
});
const stored = (n: number, revision: number): StoredEvent => ({
  id: id(n),
  revision,
  position: { commit: BigInt(revision * 10), prepare: BigInt(revision * 10) },
});

describe('compareWithStored', () => {
  it('finds a whole batch stored: the retry answers with its last event', () => {
    const outcome = compareWithStored([newEvent(1), newEvent(2)], [stored(1, 5), stored(2, 6)]);
    expect(outcome).toEqual({
      kind: 'all',
      result: { nextRevision: 6, position: { commit: 60n, prepare: 60n } },
    });
  });

  it('matches ids whatever their letter case', () => {
    const upper = { ...newEvent(1), id: id(1).toUpperCase() };
    expect(compareWithStored([upper], [stored(1, 0)]).kind).toBe('all');
  });

  it('finds part of a batch stored', () => {
    expect(compareWithStored([newEvent(1), newEvent(2)], [stored(1, 0), stored(9, 1)])).toEqual({
      kind: 'some',
      ids: [id(1)],
    });
  });

  it('finds nothing of a batch', () => {
    expect(compareWithStored([newEvent(1)], [stored(9, 0)])).toEqual({ kind: 'none' });
    expect(compareWithStored([newEvent(1)], [])).toEqual({ kind: 'none' });
  });
});

describe('settleRefusedAppend', () => {
  const a: StreamAppend = { stream: 'order-a', expected: 1, events: [newEvent(1)] };
  const b: StreamAppend = { stream: 'order-b', expected: 'no_stream', events: [newEvent(2), newEvent(3)] };
  const result = (revision: number) => ({
    nextRevision: revision,
    position: { commit: BigInt(revision), prepare: BigInt(revision) },
  });

  it('answers a retry of every stream with the stored outcomes, in order', () => {
    const outcomes = [
      { kind: 'all', result: result(2) },
      { kind: 'all', result: result(1) },
    ] as const;
    expect(settleRefusedAppend([a, b], outcomes, b, 1)).toEqual([result(2), result(1)]);
  });

  it('refuses a batch that reuses some stored ids', () => {
    const attempt = () => settleRefusedAppend([b], [{ kind: 'some', ids: [id(2)] }], b, 0);
    expect(attempt).toThrow(EventIdReused);
    expect(attempt).toThrow(expect.objectContaining({ stream: 'order-b', eventIds: [id(2)] }));
  });

  it('refuses a set where one stream holds its batch and another does not', () => {
    const outcomes = [{ kind: 'all', result: result(2) }, { kind: 'none' }] as const;
    expect(() => settleRefusedAppend([a, b], outcomes, b, 0)).toThrow(EventIdReused);
  });

  it('reports a real conflict on the stream the server named, with our expectation', () => {
    const attempt = () => settleRefusedAppend([a, b], [{ kind: 'none' }, { kind: 'none' }], b, 0);
    expect(attempt).toThrow(WrongExpectedRevision);
    expect(attempt).toThrow(expect.objectContaining({ stream: 'order-b', expected: 'no_stream', actual: 0 }));
  });

  it('passes an absent stream on as actual null', () => {
    const exists: StreamAppend = { ...a, expected: 'stream_exists' };
    expect(() => settleRefusedAppend([exists], [{ kind: 'none' }], exists, null)).toThrow(
      expect.objectContaining({ actual: null, expected: 'stream_exists' }),
    );
  });

  it('reads a refused `any` append as reused ids even when they are too far back to find', () => {
    const any: StreamAppend = { stream: 'order-a', expected: 'any', events: [newEvent(1), newEvent(2)] };
    const attempt = () => settleRefusedAppend([any], [{ kind: 'none' }], any, 7);
    expect(attempt).toThrow(EventIdReused);
    expect(attempt).toThrow(expect.objectContaining({ eventIds: [id(1)] }));
  });
});

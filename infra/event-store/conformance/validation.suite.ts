import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../ports/event-store.ts';
import { InvalidAppend } from '../../../ports/event-store-errors.ts';
import type { SuiteContext } from './context.ts';
import { event, uniqueCategory } from './fixtures.ts';

const circular = (): Record<string, unknown> => {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
};

/** Each case: what is wrong, how to build the bad append, and the field the error must name. */
const cases: { name: string; field: string; build: (stream: string) => [string, NewEvent[], unknown] }[] = [
  { name: 'an empty type', field: 'events[0].type', build: (s) => [s, [{ ...event(), type: '' }], 'any'] },
  { name: 'a stream name with a space', field: 'stream', build: (s) => [`${s} x`, [event()], 'any'] },
  { name: 'a stream name with a slash', field: 'stream', build: (s) => [`${s}/x`, [event()], 'any'] },
  { name: 'a system stream name', field: 'stream', build: () => ['$all', [event()], 'any'] },
  { name: 'a stream name without a category', field: 'stream', build: () => ['nodash', [event()], 'any'] },
  { name: 'a negative revision', field: 'expected', build: (s) => [s, [event()], -1] },
  { name: 'a fractional revision', field: 'expected', build: (s) => [s, [event()], 1.5] },
  { name: 'no events', field: 'events', build: (s) => [s, [], 'any'] },
  {
    name: 'a bigint in data',
    field: 'events[0].data.n',
    build: (s) => [s, [event('X', { n: 1n } as never)], 'any'],
  },
  {
    name: 'NaN in data',
    field: 'events[0].data.n',
    build: (s) => [s, [event('X', { n: Number.NaN })], 'any'],
  },
  {
    name: 'a cycle in data',
    field: 'events[0].data.self',
    build: (s) => [s, [event('X', circular() as never)], 'any'],
  },
  {
    name: 'a function in data',
    field: 'events[0].data.f',
    build: (s) => [s, [event('X', { f: () => 1 } as never)], 'any'],
  },
  {
    name: 'a Date in data',
    field: 'events[0].data.at',
    build: (s) => [s, [event('X', { at: new Date() } as never)], 'any'],
  },
  {
    name: 'data that is an array',
    field: 'events[0].data',
    build: (s) => [s, [event('X', [] as never)], 'any'],
  },
  {
    name: 'an id that is not a UUID',
    field: 'events[0].id',
    build: (s) => [s, [{ ...event(), id: 'nope' }], 'any'],
  },
  {
    name: 'the same id twice in one batch',
    field: 'events[1].id',
    build: (s) => {
      const e = event();
      return [s, [e, { ...e }], 'any'];
    },
  },
];

export function validationSuite({ store }: SuiteContext): void {
  describe('bad input is refused with a typed error and writes nothing', () => {
    it.each(cases)('refuses $name, naming $field', async ({ build, field }) => {
      const category = uniqueCategory();
      const [stream, batch, expected] = build(`${category}-x`);
      const attempt = store().append(stream, batch, expected as never);
      await expect(attempt).rejects.toBeInstanceOf(InvalidAppend);
      await expect(attempt).rejects.toMatchObject({ field });
      expect(await store().readStream(`${category}-x`)).toEqual([]);
      expect(await store().streamRevision(`${category}-x`)).toBeNull();
    });

    it('refuses a multi-stream append with one bad stream and writes none of it', async () => {
      const category = uniqueCategory();
      const attempt = store().appendMulti([
        { stream: `${category}-good`, expected: 'any', events: [event()] },
        { stream: `${category}-bad`, expected: 'any', events: [{ ...event(), type: '' }] },
      ]);
      await expect(attempt).rejects.toBeInstanceOf(InvalidAppend);
      expect(await store().streamRevision(`${category}-good`)).toBeNull();
    });
  });
}

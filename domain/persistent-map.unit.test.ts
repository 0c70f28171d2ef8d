import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainJson } from './json.ts';
import * as pmap from './persistent-map.ts';
import type { PersistentMap } from './persistent-map.ts';

type Op =
  | { kind: 'set'; key: string; value: number }
  | { kind: 'remove'; key: string }
  | { kind: 'get'; key: string };

/** Few keys collide often (overwrites, removals that hit); many keys grow the trie several levels deep. */
const op = (keys: number): fc.Arbitrary<Op> => {
  const key = fc.integer({ min: 0, max: keys - 1 }).map((k) => `order-${k}`);
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), key, value: fc.integer() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), key }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('get' as const), key }) },
  );
};

const sorted = (pairs: [string, unknown][]) => pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The trie with each leaf's entries sorted: the order within a leaf follows the history, the shape does not. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  if ('entries' in value)
    return { entries: sorted([...(value as { entries: [string, unknown][] }).entries]) };
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, canonical(inner)]));
}

function expectSame(map: PersistentMap<number>, model: Map<string, number>): void {
  expect(pmap.size(map)).toBe(model.size);
  expect(sorted(pmap.entries(map))).toEqual(sorted([...model]));
  for (const [key, value] of model) expect(pmap.get(map, key)).toBe(value);
}

describe('persistent map', () => {
  it('behaves like a Map under random set/remove/get, and every older version stays as it was', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(op(24), { maxLength: 200, size: 'max' }),
          fc.array(op(2_000), { maxLength: 1_500, size: 'max' }),
        ),
        (ops) => {
          let map = pmap.empty<number>();
          const model = new Map<string, number>();
          const versions: { map: PersistentMap<number>; model: Map<string, number> }[] = [];
          for (const step of ops) {
            switch (step.kind) {
              case 'set':
                map = pmap.set(map, step.key, step.value);
                model.set(step.key, step.value);
                break;
              case 'remove':
                map = pmap.remove(map, step.key);
                model.delete(step.key);
                break;
              case 'get':
                expect(pmap.get(map, step.key)).toBe(model.get(step.key));
                expect(pmap.has(map, step.key)).toBe(model.has(step.key));
                break;
            }
            expect(pmap.size(map)).toBe(model.size);
            if (versions.length % 16 === 0 || ops.length < 300) versions.push({ map, model: new Map(model) });
          }
          expectSame(map, model);
          for (const version of versions) expectSame(version.map, version.model);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('stays plain JSON and survives a JSON round trip', () => {
    let map = pmap.empty<{ reserved: number }>();
    for (let i = 0; i < 3_000; i++) map = pmap.set(map, `o${i}`, { reserved: i });
    expect(isPlainJson(map)).toBe(true);
    const back = JSON.parse(JSON.stringify(map)) as typeof map;
    expect(pmap.isPersistentMap(back)).toBe(true);
    expect(pmap.get(back, 'o2999')).toEqual({ reserved: 2999 });
    expect(pmap.size(pmap.remove(back, 'o7'))).toBe(2_999);
  });

  it('has the same shape for the same keys whatever the history (removals collapse the trie)', () => {
    const keys = Array.from({ length: 2_000 }, (_, i) => `k${i}`);
    let grown = pmap.empty<number>();
    for (const key of keys) grown = pmap.set(grown, key, 1);
    let shrunk = grown;
    for (const key of keys.slice(10)) shrunk = pmap.remove(shrunk, key);
    expect(canonical(shrunk)).toEqual(canonical(pmap.fromEntries(keys.slice(0, 10).map((key) => [key, 1]))));
    expect(shrunk.root).toHaveProperty('entries');
    expect(pmap.remove(shrunk, 'absent')).toBe(shrunk);
    expect(pmap.set(shrunk, 'k1', 1)).toBe(shrunk);
  });

  it('copies one path, not the whole map, on an update', () => {
    let map = pmap.empty<number>();
    for (let i = 0; i < 10_000; i++) map = pmap.set(map, `o${i}`, i);
    const next = pmap.set(map, 'new', 1);
    const shared = (a: unknown, b: unknown): number => {
      if (a === b) return 1;
      if (typeof a !== 'object' || a === null || !('children' in a)) return 0;
      const ca = (a as { children: unknown[] }).children;
      const cb = (b as { children: unknown[] }).children;
      return ca.reduce<number>((total, child, i) => total + shared(child, cb[i]), 0);
    };
    // Every subtree but the one on the new key's path is the very same object.
    expect(shared(map.root, next.root)).toBeGreaterThan(30);
    expect(pmap.get(map, 'new')).toBeUndefined();
    expect(pmap.get(next, 'new')).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { findTextFaults, isStorableText, MAX_JSON_DEPTH } from './storable-text.ts';

describe('isStorableText', () => {
  it('refuses NUL and unpaired surrogates, which PostgreSQL text and jsonb cannot hold', () => {
    for (const bad of ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', 'a\ud83d']) {
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('accepts any other text, surrogate pairs (emoji) and other control characters included', () => {
    for (const good of ['', 'Hammer', 'Grüße 😀', '\ud83d\ude00', 'tab\there', '\u0001\u007f', '\ufffd']) {
      expect(isStorableText(good), JSON.stringify(good)).toBe(true);
    }
  });
});

describe('findTextFaults', () => {
  it('names each bad string by its path, in document order', () => {
    const faults = findTextFaults({ name: 'a\u0000', lines: [{ sku: 'ok' }, { sku: '\ud800' }], note: 'ok' });
    expect(faults.map((fault) => fault.path)).toEqual([['name'], ['lines', 1, 'sku']]);
  });

  it('names a bad object key escaped, so the answer itself stays plain text', () => {
    const [fault] = findTextFaults({ attributes: { 'co\u0000lor': 'red' } });
    expect(fault?.path).toEqual(['attributes', '"co\\u0000lor"']);
    expect(fault?.message).toMatch(/key/);
  });

  it('stops at the nesting cap instead of walking a hostile body', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    const faults = findTextFaults(deep);
    expect(faults).toHaveLength(1);
    expect(faults[0]?.path).toHaveLength(MAX_JSON_DEPTH);
    expect(findTextFaults({ a: { b: [1, 'x', null, true] } })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalJson, requestFingerprint, type FingerprintInput } from './request-fingerprint.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const base: FingerprintInput = {
  method: 'POST',
  target: '/orders',
  actor: 'c-1',
  contentType: 'application/json',
  body: bytes('{"a":1,"b":[1,{"y":2,"x":1}]}'),
};

describe('requestFingerprint', () => {
  it('is the same for the same JSON however it is serialised', () => {
    const reordered = { ...base, body: bytes('{ "b": [1, {"x": 1, "y": 2}], "a": 1 }') };
    expect(requestFingerprint(reordered)).toBe(requestFingerprint(base));
  });

  it.each([
    ['method', { method: 'PUT' }],
    ['path', { target: '/orders/2' }],
    ['query', { target: '/orders?dryRun=true' }],
    ['actor', { actor: 'c-2' }],
    ['If-Match revision', { ifMatch: '"4"' }],
    ['body', { body: bytes('{"a":2,"b":[1,{"y":2,"x":1}]}') }],
    ['array order', { body: bytes('{"a":1,"b":[{"y":2,"x":1},1]}') }],
  ])('changes with the %s', (_name, change) => {
    expect(requestFingerprint({ ...base, ...change })).not.toBe(requestFingerprint(base));
  });

  it('hashes a body that is not JSON as bytes', () => {
    const text = { ...base, contentType: 'text/plain', body: bytes('{"a":1}') };
    expect(requestFingerprint(text)).toBe(requestFingerprint({ ...text }));
    expect(requestFingerprint({ ...base, body: bytes('{broken') })).toBe(
      requestFingerprint({ ...base, body: bytes('{broken') }),
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps arrays in order', () => {
    expect(canonicalJson({ b: { d: 1, c: [3, { f: null, e: 'x' }] }, a: true })).toBe(
      '{"a":true,"b":{"c":[3,{"e":"x","f":null}],"d":1}}',
    );
  });
});

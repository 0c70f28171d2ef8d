import { describe, expect, it } from 'vitest';
import { IdempotencyKeyInvalid } from './idempotency-errors.ts';
import { parseIdempotencyKey } from './idempotency-key.ts';

describe('parseIdempotencyKey', () => {
  it('reads bare and quoted keys as the same key', () => {
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe(
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    );
    expect(parseIdempotencyKey(' "8e03978e-40d5" ')).toBe('8e03978e-40d5');
  });

  it.each(['', '""', 'has space', 'x'.repeat(256), 'ünïcode', 'a"b'])('refuses %j', (header) => {
    expect(() => parseIdempotencyKey(header)).toThrow(IdempotencyKeyInvalid);
  });
});

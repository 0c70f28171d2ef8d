import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, scryptDefaults, verifyPassword } from './password-hashing.ts';
import { passwordRefusal } from './password-policy.ts';

describe('password hashing (scrypt)', () => {
  it('verifies the password it hashed, with the real parameters, and nothing else', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('correct horse battery staple', 'not-a-hash')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('treats composed and decomposed Unicode alike', async () => {
    const stored = await hashPassword('caf\u00e9 au lait please');
    expect(await verifyPassword('cafe\u0301 au lait please', stored)).toBe(true);
  });

  it('asks for a rehash when the parameters were weaker', async () => {
    const weak = await hashPassword('a weak old hash', { ...scryptDefaults, N: 2 ** 10 });
    expect(await verifyPassword('a weak old hash', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('a current hash'))).toBe(false);
  });
});

describe('password policy', () => {
  it('wants a minimum length and no composition rules', () => {
    expect(passwordRefusal('short')).toBe('too_short');
    expect(passwordRefusal('all lower case words are fine')).toBeNull();
    expect(passwordRefusal('x'.repeat(257))).toBe('too_long');
  });

  it('refuses commonly used passwords, in any case', () => {
    expect(passwordRefusal('password1234', { minLength: 8 })).toBe('common');
    expect(passwordRefusal('QWERTYUIOP', { minLength: 8 })).toBe('common');
  });

  it('refuses a password containing the email name', () => {
    expect(passwordRefusal('ada.lovelace-2026!', { email: 'ada.lovelace@example.com' })).toBe(
      'contains_email',
    );
  });
});

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * One encrypted personal field as it is stored in an event: AES-256-GCM under the subject's key,
 * with the subject and the field's path as associated data, so a ciphertext moved to another
 * field or subject fails to open instead of reading as someone else's data.
 */
export type SealedField = { enc: 'qm1'; subject: string; iv: string; tag: string; data: string };

export function isSealedField(value: unknown): value is SealedField {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { enc?: unknown }).enc === 'qm1' &&
    typeof (value as { data?: unknown }).data === 'string'
  );
}

export function sealField(key: Uint8Array, subject: string, path: string, plain: string): SealedField {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${subject}\u0000${path}`));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    enc: 'qm1',
    subject,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Throws if the ciphertext was altered or the key is not the one it was sealed with. */
export function openField(key: Uint8Array, path: string, sealed: SealedField): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(`${sealed.subject}\u0000${path}`));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString(
    'utf8',
  );
}

import { createHash } from 'node:crypto';
import type { IdempotentRequest } from './idempotent-request.ts';

/**
 * An id the server chooses for a request's new resource (an order), derived from the request's
 * key, actor and fingerprint instead of drawn at random: a retry after a lost answer names the same
 * resource, so it finds what its first run created rather than creating a second one. A UUIDv8
 * (RFC 9562: custom layout) over SHA-256; `kind` keeps ids for different resources apart.
 */
export function requestDerivedId(kind: string, request: IdempotentRequest): string {
  const bytes = createHash('sha256')
    .update(['qm-request-id', kind, request.scope, request.key, request.fingerprint].join('\0'))
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

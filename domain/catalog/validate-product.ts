import { assertNever } from '../assert-never.ts';
import { ValidationFailed } from '../errors.ts';
import { requireLength, requireText, MAX_TEXT } from '../validation.ts';
import type { ProductDetails } from './events.ts';

const MAX_ATTRIBUTES = 100;

/** Checks types at run time too: product fields arrive from admin forms and CSV imports. */
export function validateDetail(field: keyof ProductDetails, value: unknown, path: string = field): void {
  switch (field) {
    case 'name':
    case 'brand':
    case 'category':
      requireText(path, requireString(path, value));
      return;
    case 'description':
      requireLength(path, requireString(path, value), MAX_TEXT);
      return;
    case 'attributes':
      validateAttributes(path, value);
      return;
    case 'allowBackorder':
      if (typeof value !== 'boolean') throw new ValidationFailed(path, 'must be a boolean');
      return;
    default:
      return assertNever(field);
  }
}

export function sameDetail<K extends keyof ProductDetails>(
  field: K,
  a: ProductDetails[K],
  b: ProductDetails[K],
): boolean {
  if (field !== 'attributes') return a === b;
  const left = a as Record<string, string>;
  const right = b as Record<string, string>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((k) => Object.hasOwn(right, k) && right[k] === left[k])
  );
}

function requireString(path: string, value: unknown): string {
  if (typeof value !== 'string') throw new ValidationFailed(path, 'must be a string');
  return value;
}

function validateAttributes(path: string, attributes: unknown): void {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    throw new ValidationFailed(path, 'must be an object of strings');
  }
  const entries = Object.entries(attributes);
  if (entries.length > MAX_ATTRIBUTES)
    throw new ValidationFailed(path, `must have at most ${MAX_ATTRIBUTES} entries`);
  for (const [key, value] of entries) {
    requireText(`${path}.${key}`, key, 64);
    requireLength(`${path}.${key}`, requireString(`${path}.${key}`, value), 500);
  }
}

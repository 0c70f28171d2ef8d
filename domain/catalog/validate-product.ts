import { ValidationFailed } from '../errors.ts';
import { requireLength, requireText, MAX_TEXT } from '../validation.ts';
import type { ProductDetails } from './events.ts';

const MAX_ATTRIBUTES = 100;

export function validateDetail<K extends keyof ProductDetails>(
  field: K,
  value: ProductDetails[K],
  path: string = field,
): ProductDetails[K] {
  switch (field) {
    case 'name':
    case 'brand':
    case 'category':
      requireText(path, value as string);
      break;
    case 'description':
      requireLength(path, value as string, MAX_TEXT);
      break;
    case 'attributes':
      validateAttributes(path, value as Record<string, string>);
      break;
    case 'allowBackorder':
      if (typeof value !== 'boolean') throw new ValidationFailed(path, 'must be a boolean');
      break;
    default:
      throw new ValidationFailed(path, 'is not a product field');
  }
  return value;
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

function validateAttributes(path: string, attributes: Record<string, string>): void {
  const entries = Object.entries(attributes);
  if (entries.length > MAX_ATTRIBUTES)
    throw new ValidationFailed(path, `must have at most ${MAX_ATTRIBUTES} entries`);
  for (const [key, value] of entries) {
    requireText(`${path}.${key}`, key, 64);
    if (typeof value !== 'string') throw new ValidationFailed(`${path}.${key}`, 'must be a string');
    requireLength(`${path}.${key}`, value, 500);
  }
}

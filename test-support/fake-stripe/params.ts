import type { FormObject, FormValue } from './form-body.ts';
import { parameterError } from './stripe-error-response.ts';

/**
 * Parameter checks with Stripe's wording and codes. Like Stripe, unknown parameters are refused,
 * which is what catches a misspelt parameter in the adapter instead of silently ignoring it.
 */
export function rejectUnknown(params: FormObject, allowed: readonly string[]): void {
  for (const name of Object.keys(params)) {
    if (!allowed.includes(name)) {
      throw parameterError('parameter_unknown', name, `Received unknown parameter: ${name}`);
    }
  }
}

export function optionalString(params: FormObject, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw parameterError('parameter_invalid_string', name, `Invalid string: ${name}`);
  return value;
}

export function requiredString(params: FormObject, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === '') {
    throw parameterError('parameter_missing', name, `Missing required param: ${name}.`);
  }
  return value;
}

/** Stripe amounts: integers of at least 1 in minor units; `12.5` is refused, not rounded. */
export function optionalAmount(params: FormObject, name: string): number | undefined {
  const text = optionalString(params, name);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text))
    throw parameterError('parameter_invalid_integer', name, `Invalid integer: ${text}`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw parameterError('parameter_invalid_integer', name, 'This value must be greater than or equal to 1.');
  }
  return value;
}

export function requiredAmount(params: FormObject, name: string): number {
  const value = optionalAmount(params, name);
  if (value === undefined)
    throw parameterError('parameter_missing', name, `Missing required param: ${name}.`);
  return value;
}

export function optionalEnum<T extends string>(
  params: FormObject,
  name: string,
  values: readonly T[],
): T | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw parameterError(undefined, name, `Invalid ${name}: must be one of ${values.join(', ')}`);
  }
  return value as T;
}

/** Metadata is a flat map of strings (Stripe: up to 50 keys of 40 characters, values of 500). */
export function metadata(params: FormObject): Record<string, string> {
  const value: FormValue | undefined = params.metadata;
  if (value === undefined || value === '') return {};
  if (typeof value === 'string') throw parameterError(undefined, 'metadata', 'Invalid object');
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string' || key.length > 40 || entry.length > 500) {
      throw parameterError(undefined, `metadata[${key}]`, `Invalid metadata entry: ${key}`);
    }
    result[key] = entry;
  }
  if (Object.keys(result).length > 50)
    throw parameterError(undefined, 'metadata', 'Too many metadata keys (50 max).');
  return result;
}

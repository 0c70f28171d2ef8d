/**
 * Stripe's request bodies: `application/x-www-form-urlencoded` with bracketed nesting, as the SDK
 * writes them (`metadata[orderId]=ord-1`, `expand[0]=latest_charge`). Values stay strings, as they
 * do at Stripe; each endpoint parses the numbers it expects.
 */
export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

/** A body the fake cannot read; Stripe answers such bodies with a 400 as well. */
export class FormBodyInvalid extends Error {
  override name = 'FormBodyInvalid';
  constructor(readonly key: string) {
    super(`Invalid form key: ${key}`);
  }
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const SEGMENT = /\[([^[\]]*)\]/g;
// Keys that would reach Object.prototype through plain-object assignment.
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export function parseFormBody(body: string): FormObject {
  const root: FormObject = {};
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = decode(eq === -1 ? '' : pair.slice(eq + 1));
    assign(root, keyPath(key), value, key);
  }
  return root;
}

function decode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

function keyPath(key: string): string[] {
  const match = KEY.exec(key);
  if (!match) throw new FormBodyInvalid(key);
  const path = [match[1]!];
  for (const segment of match[2]!.matchAll(SEGMENT)) path.push(segment[1]!);
  if (path.some((part) => FORBIDDEN.has(part))) throw new FormBodyInvalid(key);
  return path;
}

function assign(target: FormObject, path: string[], value: string, key: string): void {
  let node = target;
  for (let i = 0; i < path.length; i += 1) {
    // `list[]=a&list[]=b` appends, like qs does: the next free index.
    const part = path[i] === '' ? String(Object.keys(node).length) : path[i]!;
    if (i === path.length - 1) {
      if (typeof node[part] === 'object') throw new FormBodyInvalid(key);
      node[part] = value;
      return;
    }
    const next = node[part] ?? {};
    if (typeof next === 'string') throw new FormBodyInvalid(key);
    node[part] = next;
    node = next;
  }
}

/**
 * Text PostgreSQL can store. Its `text` and `jsonb` refuse NUL (U+0000), and a lone UTF-16
 * surrogate has no UTF-8 encoding, so either one in a string that reaches SQL or an event fails
 * the statement: a 500 for what is really the client's bad input. Everything that comes in over
 * HTTP is checked against this at the edge instead.
 */

// With the `u` flag a surrogate pair is one code point, so the range matches only unpaired halves.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

/** What a client is told when a string holds such a character. */
export const UNSTORABLE_TEXT_MESSAGE =
  'must not contain NUL (\\u0000) or an unpaired UTF-16 surrogate (\\ud800-\\udfff)';

/** True when `value` holds no NUL and no unpaired surrogate. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** How deep a JSON body may nest. Our bodies nest 3 levels; this leaves room and bounds the walk. */
export const MAX_JSON_DEPTH = 32;

/** Where in a JSON value a bad string (or a nesting too deep to walk) is, and what is wrong. */
export interface TextFault {
  /** Field path as clients write it: `attributes.color`, `lines[0].sku`, `["k\u0000"]` for a bad key. */
  path: readonly (string | number)[];
  message: string;
}

/**
 * The first faults in a parsed JSON value: strings and object keys that are not storable, and any
 * value nested deeper than `MAX_JSON_DEPTH`. Walks with an explicit stack, so a hostile body nested
 * a million levels deep cannot overflow the call stack. Stops after `limit` faults.
 */
export function findTextFaults(value: unknown, limit = 10): TextFault[] {
  const faults: TextFault[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && faults.length < limit) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) faults.push({ path, message: UNSTORABLE_TEXT_MESSAGE });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= MAX_JSON_DEPTH) {
      faults.push({ path, message: `nests deeper than ${MAX_JSON_DEPTH} levels` });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    const badKey = entries.find(([key]) => typeof key === 'string' && !isStorableText(key));
    if (badKey) {
      // The key itself is shown escaped (`"k\u0000"`), so the answer names it in plain ASCII.
      faults.push({
        path: [...path, JSON.stringify(badKey[0])],
        message: `is a key that ${UNSTORABLE_TEXT_MESSAGE}`,
      });
      continue;
    }
    // Pushed in reverse so faults come out in document order.
    for (const [key, item] of entries.reverse()) stack.push({ value: item, path: [...path, key] });
  }
  return faults;
}

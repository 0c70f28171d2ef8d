import fc from 'fast-check';
import { DEEP_MARK, setInBody, type Draft } from './fuzz-request.ts';
import type { JsonSchema, Operation, Slot } from './openapi-operations.ts';

/** One way of breaking a request, named so a failure says what was sent. */
export interface Mutation {
  label: string;
  apply(draft: Draft): void;
}

/** Values that are not what a typed field takes. */
const wrongTypes = fc.constantFrom<unknown>(123, -1, 1.5, true, null, [], {}, 'text', '', [1, 'a'], { a: 1 });
/** The same for parameters, which are strings on the wire (already percent-encoded). */
const wrongParams = fc.constantFrom(
  '',
  'abc',
  '-1',
  '1.5',
  '1e400',
  'true',
  'null',
  '%5B%5D',
  '%',
  '%zz',
  '+',
);
/** NUL and lone surrogates, which PostgreSQL cannot store, alone and inside other text. */
const unstorable = fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\u0000b', '\udc00\ud800', 'ok\ud83d');
/** Their percent-encoded forms (and invalid UTF-8, which decoders leave alone or replace). */
const unstorableEncoded = fc.constantFrom(
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%80',
  '%00%00',
  '%F0%9F%98%80',
  '%FF',
);
/** Header values a client can send (ByteStrings: no NUL, CR or LF) that are still wrong. */
const badHeaderValues = fc.constantFrom(
  '',
  ' ',
  '\u00ff',
  'x'.repeat(300),
  '\u00ff\u00fe',
  '"',
  'null',
  '-1',
);

/** One step past each bound the schema declares (length, value, item count). */
function pastBounds(schema: JsonSchema): unknown[] {
  const out: unknown[] = [];
  if (schema.minLength !== undefined && schema.minLength > 0) out.push('x'.repeat(schema.minLength - 1));
  if (schema.maxLength !== undefined) out.push('x'.repeat(schema.maxLength + 1));
  if (schema.minimum !== undefined) out.push(schema.minimum - 1, schema.minimum - 0.5);
  if (schema.maximum !== undefined) out.push(schema.maximum + 1, schema.maximum + 0.5);
  if (schema.type === 'integer') out.push(1.5);
  if (schema.minItems !== undefined && schema.minItems > 0)
    out.push(Array.from({ length: schema.minItems - 1 }, () => ({})));
  if (schema.maxItems !== undefined) out.push(Array.from({ length: schema.maxItems + 1 }, () => ({})));
  return out.length > 0 ? out : [''];
}

const huge = fc.integer({ min: 10_000, max: 2_000_000 }).map((n) => 'h'.repeat(n));
const depth = fc.integer({ min: 40, max: 200_000 });
const deepJson = (levels: number, arrays: boolean) =>
  arrays ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** Mutations aimed at one slot: a parameter or a body field. */
function slotMutation(slot: Slot): fc.Arbitrary<Mutation> {
  const name = `${slot.in}:${slot.path.join('.') || '(body)'}`;
  if (slot.in === 'body') {
    const set = (label: string, value: unknown): Mutation => ({
      label: `${name} = ${label.slice(0, 80)}`,
      // A copy: the generated value is shared between cases, and later mutations write into bodies.
      apply: (draft) => setInBody(draft, slot.path, structuredClone(value)),
    });
    return fc.oneof(
      wrongTypes.map((value) => set(`wrong type ${JSON.stringify(value)}`, value)),
      fc.constantFrom(...pastBounds(slot.schema)).map((value) => set('past a bound', value)),
      unstorable.map((text) => set(`unstorable ${JSON.stringify(text)}`, `x${text}`)),
      unstorable.map((text) =>
        set(`unstorable key ${JSON.stringify(text)}`, { [text]: 'v', [`k${text}`]: text }),
      ),
      huge.map((text) => set(`${text.length} characters`, text)),
      fc.tuple(depth, fc.boolean()).map(([levels, arrays]): Mutation => ({
        label: `${name} nested ${levels} deep`,
        apply: (draft) => {
          setInBody(draft, slot.path, DEEP_MARK);
          draft.deep = deepJson(levels, arrays);
        },
      })),
    );
  }
  const param = String(slot.path[0]);
  const set = (label: string, value: string | null): Mutation => ({
    label: `${name} = ${label}`,
    apply: (draft) => {
      if (slot.in === 'path') draft.pathParams[param] = value ?? '';
      else if (slot.in === 'header') {
        if (value === null) delete draft.headers[param];
        else draft.headers[param] = value;
      } else {
        draft.query = draft.query.filter(([key]) => key !== param);
        if (value !== null) draft.query.push([param, value]);
      }
    },
  });
  if (slot.in === 'header') return badHeaderValues.map((value) => set(JSON.stringify(value), value));
  return fc.oneof(
    wrongParams.map((value) => set(`wrong ${value}`, value)),
    fc
      .constantFrom(...pastBounds(slot.schema))
      .map((value) => set('past a bound', encodeURIComponent(String(value)))),
    unstorableEncoded.map((value) => set(value, value)),
    fc.integer({ min: 1_000, max: 100_000 }).map((n) => set(`${n} characters`, 'q'.repeat(n))),
    fc.constant(set('absent', null)),
  );
}

export interface GlobalValues {
  /** Authorization values that must not get past authentication (forged, expired, garbled). */
  badAuthorizations: string[];
}

/** Mutations of the request as a whole: content type, raw body, and the headers every route reads. */
function requestMutation(operation: Operation, values: GlobalValues): fc.Arbitrary<Mutation> {
  const header = (name: string, value: string | null): Mutation => ({
    label: `header ${name} = ${value === null ? '(absent)' : JSON.stringify(value.slice(0, 60))}`,
    apply: (draft) => {
      if (value === null) delete draft.headers[name];
      else draft.headers[name] = value;
    },
  });
  const raw = (label: string, body: string | Uint8Array): Mutation => ({
    label: `body ${label}`,
    apply: (draft) => {
      draft.rawBody = body;
      draft.headers['content-type'] ??= 'application/json';
    },
  });
  const contentTypes = fc.constantFrom(
    null,
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/json; charset=utf-16',
    'application/merge-patch+json',
    'application/jsonx',
    '*/*',
  );
  const badJson = fc.constantFrom(
    '{',
    '{"a":}',
    '',
    'null',
    '[]',
    '"x"',
    '1',
    '{"a":1}}',
    '\u0000',
    '{"a":"\\ud800"}',
    '{"__proto__":{"polluted":1}}',
    '\ufeff{}',
    '{"a":1,"a":2}',
  );
  const tokens = fc.constantFrom(
    'abc',
    '1:2:3',
    '-1:0',
    '0:0',
    '1',
    ':',
    '18446744073709551615:0',
    '99999999999999999999:99999999999999999999',
  );
  const ifMatch = fc.constantFrom('abc', '"-1"', 'W/"x"', '"99999999999999999"', '*', '"0"', '1,2');
  const keys = fc.constantFrom(null, '', ' ', 'k'.repeat(256), '\u00ff', 'fuzz-reused-key');
  const extraQueryNames = fc.constantFrom(
    'unknown',
    '%00',
    'limit',
    'cursor',
    '__proto__',
    'a%ED%A0%80',
    'after',
  );
  return fc.oneof(
    fc.constantFrom(null, ...values.badAuthorizations).map((value) => header('authorization', value)),
    contentTypes.map((value) => header('content-type', value)),
    badJson.map((body) => raw(JSON.stringify(body), body)),
    fc.constant(raw('invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))),
    keys.map((value) => header('idempotency-key', value)),
    tokens.map((value) => header('x-consistency-token', value)),
    ifMatch.map((value) => header('if-match', value)),
    fc.tuple(extraQueryNames, fc.oneof(wrongParams, unstorableEncoded)).map(([name, value]): Mutation => ({
      label: `query ${name}=${value}`,
      apply: (draft) => void draft.query.push([name, value]),
    })),
    fc.constant<Mutation>({
      label: `${operation.method === 'GET' ? 'POST' : 'GET'} instead of ${operation.method}`,
      apply: (draft) => {
        draft.method = draft.method === 'GET' ? 'POST' : 'GET';
      },
    }),
  );
}

/** One to three mutations of a request to `operation`, aimed at its slots or at the whole request. */
export function fuzzCase(operation: Operation, values: GlobalValues): fc.Arbitrary<Mutation[]> {
  const aimed = operation.slots.map(slotMutation);
  const mutation =
    aimed.length > 0
      ? fc.oneof(requestMutation(operation, values), ...aimed)
      : requestMutation(operation, values);
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

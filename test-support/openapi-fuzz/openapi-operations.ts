/** The parts of an OpenAPI 3.1 document the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  example?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OperationObject {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export type ParamLocation = 'path' | 'query' | 'header';

/** One input of an operation the fuzzer can aim at: a parameter, or a field of the JSON body. */
export interface Slot {
  in: ParamLocation | 'body';
  /** Parameter name, or the field's path in the body (`[]` is the whole body). */
  path: (string | number)[];
  schema: JsonSchema;
  required: boolean;
}

export interface Operation {
  method: string;
  /** The OpenAPI path template, `/products/{productId}/price`. */
  path: string;
  slots: Slot[];
  hasBody: boolean;
}

/** `schema` with `$ref`s (at its top) followed into the document's components. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  let current = schema ?? {};
  while (current.$ref) current = doc.components?.schemas?.[current.$ref.split('/').pop()!] ?? {};
  return current;
}

/** Every operation of `doc`, with each parameter and each body field as a slot to aim at. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const slots: Slot[] = (operation.parameters ?? [])
        .filter((param) => param.in === 'path' || param.in === 'query' || param.in === 'header')
        .map((param) => ({
          in: param.in as ParamLocation,
          path: [param.name],
          schema: resolve(doc, param.schema),
          required: param.required ?? false,
        }));
      const body = operation.requestBody?.content['application/json']?.schema;
      if (body) slots.push(...bodySlots(doc, resolve(doc, body), [], true));
      return { method: method.toUpperCase(), path, slots, hasBody: body !== undefined };
    }),
  );
}

function bodySlots(
  doc: OpenApiDocument,
  schema: JsonSchema,
  path: (string | number)[],
  required: boolean,
): Slot[] {
  const slots: Slot[] = [{ in: 'body', path, schema, required }];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    slots.push(
      ...bodySlots(doc, resolve(doc, property), [...path, name], schema.required?.includes(name) ?? false),
    );
  }
  if (schema.items) slots.push(...bodySlots(doc, resolve(doc, schema.items), [...path, 0], true));
  return slots;
}

/**
 * A value the schema accepts, as far as one can tell from the document: the example, the first
 * enum value, else the smallest value of its type. Each fuzz case starts from it and breaks it.
 */
export function sampleValue(
  doc: OpenApiDocument,
  given: JsonSchema,
  known: Record<string, string> = {},
  name = '',
): unknown {
  const schema = resolve(doc, given);
  if (known[name] !== undefined) return known[name];
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  const alternative = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (alternative) return sampleValue(doc, alternative, known, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'date-time') return '2026-11-21T10:00:00Z';
      if (schema.format === 'date') return '2026-11-21';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    case 'integer':
    case 'number':
      return Math.min(Math.max(schema.minimum ?? 1, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () =>
        sampleValue(doc, schema.items ?? {}, known),
      );
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, property]) => [
          key,
          sampleValue(doc, property, known, key),
        ]),
      );
    default:
      return null;
  }
}

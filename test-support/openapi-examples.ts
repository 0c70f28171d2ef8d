/**
 * The examples an OpenAPI document gives for each operation: its parameters' examples and a
 * request body assembled the way Swagger UI's "Example Value" is, from the body's own example or
 * else its properties' examples (enum's first value, default, nested objects and arrays too).
 */
export interface OperationExample {
  method: string;
  /** The path with every path parameter replaced by its example. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
  /** The body's media type: `application/json`, or the first other one (a CSV upload's `text/csv`, sent as its example text). */
  contentType?: string;
  /** What had no example and could not be made up, e.g. `body.lines[].sku`: the document lacks it. */
  missing: string[];
}

type Schema = Record<string, unknown> & {
  $ref?: string;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  example?: unknown;
  schema?: Schema;
}

interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: Schema; example?: unknown }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** A parameter's example as it travels: strings as they are, numbers and the rest as JSON. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export function operationExamples(doc: Document): OperationExample[] {
  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {}) : schema;

  const exampleOf = (input: Schema, at: string, missing: string[]): unknown => {
    const schema = resolve(input);
    if (schema.example !== undefined) return schema.example;
    if (schema.examples?.length) return schema.examples[0];
    if (schema.default !== undefined) return schema.default;
    if (schema.const !== undefined) return schema.const;
    if (schema.enum?.length) return schema.enum[0];
    const variant =
      schema.allOf?.[0] ?? schema.anyOf?.find((s) => resolve(s).type !== 'null') ?? schema.oneOf?.[0];
    if (variant) return exampleOf(variant, at, missing);
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
    if (type === 'object' || schema.properties) {
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const required = schema.required?.includes(name) ?? false;
        const before = missing.length;
        const example = exampleOf(property, `${at}.${name}`, missing);
        // An optional member with nothing to show is left out, as Swagger UI's example would be.
        if (!required && missing.length > before) missing.length = before;
        else if (example !== undefined) value[name] = example;
      }
      return value;
    }
    if (type === 'array') return schema.items ? [exampleOf(schema.items, `${at}[]`, missing)] : [];
    if (type === 'boolean') return false;
    missing.push(at);
    return undefined;
  };

  const examples: OperationExample[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const missing: string[] = [];
      let path = template;
      const query: Record<string, string> = {};
      const headers: Record<string, string> = {};
      for (const parameter of operation.parameters ?? []) {
        const value = parameter.example ?? (parameter.schema ? resolve(parameter.schema).example : undefined);
        if (value === undefined) {
          if (parameter.required) missing.push(`${parameter.in}.${parameter.name}`);
          continue;
        }
        if (parameter.in === 'path')
          path = path.replace(`{${parameter.name}}`, encodeURIComponent(asText(value)));
        else if (parameter.in === 'query') query[parameter.name] = asText(value);
        else if (parameter.in === 'header') headers[parameter.name] = asText(value);
      }
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json'];
      const [otherType, other] = Object.entries(content)[0] ?? [];
      const body = json
        ? (json.example ?? (json.schema ? exampleOf(json.schema, 'body', missing) : undefined))
        : other?.example;
      if (!json && other && body === undefined) missing.push('body');
      const contentType = json ? 'application/json' : otherType;
      examples.push({
        method: method.toUpperCase(),
        path,
        query,
        headers,
        ...(contentType ? { body, contentType } : {}),
        missing,
      });
    }
  }
  return examples;
}

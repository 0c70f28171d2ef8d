import type { OpenAPIHono } from '@hono/zod-openapi';
import { storableText } from '../infra/http/openapi-schemas.ts';

interface ZodNode {
  _zod: { def: Record<string, unknown> & { type: string; checks?: unknown[]; format?: string } };
}
const isZod = (value: unknown): value is ZodNode =>
  typeof value === 'object' && value !== null && '_zod' in value;

/**
 * Every string schema reachable from `schema`, with its path. Follows the wrappers and containers
 * request schemas use; a string with a fixed format (`z.iso.datetime()`) is its own grammar and
 * cannot hold NUL, so it is not listed.
 */
function looseStrings(
  schema: unknown,
  path: string,
  out: string[] = [],
  seen = new Set<unknown>(),
): string[] {
  if (!isZod(schema) || seen.has(schema)) return out;
  seen.add(schema);
  const def = schema._zod.def;
  if (def.type === 'string') {
    if (def.format === undefined && !def.checks?.includes(storableText)) out.push(path);
    return out;
  }
  const children: [string, unknown][] = [];
  for (const key of ['innerType', 'in', 'out', 'element', 'keyType', 'valueType', 'left', 'right']) {
    if (key in def) children.push([key === 'keyType' ? `${path}{key}` : path, def[key]]);
  }
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape as Record<string, unknown>))
      children.push([`${path}.${key}`, value]);
  }
  for (const option of (def.options as unknown[] | undefined) ?? []) children.push([path, option]);
  for (const [childPath, child] of children) looseStrings(child, childPath, out, seen);
  return out;
}

interface RouteDefinition {
  type: string;
  route?: {
    method: string;
    path: string;
    request?: {
      params?: unknown;
      query?: unknown;
      headers?: unknown;
      body?: { content: Record<string, { schema: unknown }> };
    };
  };
}

/**
 * The request strings of every route `app` documents that do not carry the `storableText` check,
 * by route and field (`POST /products body.name`). Empty means each one is built on `Text`.
 */
export function requestStringsWithoutCheck(app: Pick<OpenAPIHono, 'openAPIRegistry'>): string[] {
  return (app.openAPIRegistry.definitions as RouteDefinition[]).flatMap(({ type, route }) => {
    if (type !== 'route' || !route) return [];
    const where = `${route.method.toUpperCase()} ${route.path}`;
    const { params, query, headers, body } = route.request ?? {};
    return [
      ...looseStrings(params, `${where} param`),
      ...looseStrings(query, `${where} query`),
      ...looseStrings(headers, `${where} header`),
      ...Object.values(body?.content ?? {}).flatMap((media) => looseStrings(media.schema, `${where} body`)),
    ];
  });
}

import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { SigningKeys } from '../auth/signing-keys.ts';

/**
 * `GET /.well-known/jwks.json` (RFC 7517): the public keys that verify the access tokens this server
 * issues, the current one and those still in their overlap window. Public, on both APIs, cacheable
 * for five minutes (a rotated key verifies for far longer than that).
 */
export function jwksRoutes(keys: SigningKeys) {
  const app = new OpenAPIHono();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/jwks.json',
      // Anyone may fetch the public keys (the authorization matrices list it among the open routes).
      'x-public': 'public keys',
      summary: 'Public keys of the tokens this server signs (JWKS)',
      tags: ['Auth'],
      responses: {
        200: {
          description: 'The key set',
          content: {
            'application/json': {
              schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi('Jwks'),
            },
          },
        },
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(await keys.jwks(), 200);
    },
  );
  return app;
}

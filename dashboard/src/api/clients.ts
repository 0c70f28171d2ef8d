import createClient, { type Middleware } from 'openapi-fetch';
import { dashboardConfig } from './config.ts';
import { ApiProblem, problemFrom } from './problem.ts';
import type { paths as ReadPaths } from './read-api.generated.ts';
import type { paths as WritePaths } from './write-api.generated.ts';
import { loadSession } from './session.ts';
import { refreshIfDue } from './auth.ts';
import { commandFetch } from './command-fetch.ts';

/** Adds the bearer token (refreshed first when it is about to expire) and turns refusals into `ApiProblem`. */
const auth: Middleware = {
  async onRequest({ request }) {
    await refreshIfDue();
    const session = loadSession();
    if (session) request.headers.set('authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw await problemFrom(response);
    return response;
  },
};

/** The read API serves the dashboard, so its calls are same-origin. */
export const readApi = createClient<ReadPaths>({ baseUrl: '' });
readApi.use(auth);

let writeClient: Promise<ReturnType<typeof createClient<WritePaths>>> | undefined;

/** The command API is another origin (its port): allowed by its CORS list (docs/dashboard.md). */
export function writeApi() {
  writeClient ??= dashboardConfig().then(({ commandApiUrl }) => {
    const client = createClient<WritePaths>({ baseUrl: commandApiUrl });
    client.use(auth);
    return client;
  });
  return writeClient;
}

/** A data answer or the problem it carried; openapi-fetch's `{ data, error }` made into a throw. */
export function must<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    throw result.error instanceof ApiProblem
      ? result.error
      : new ApiProblem(result.response.status, result.response.statusText, undefined);
  }
  return result.data;
}

/** Every command carries a fresh Idempotency-Key: a retry of the same click is answered, not repeated. */
export const idempotent = () => ({ 'idempotency-key': crypto.randomUUID() });

/** A signed-in call to a command-API path outside the OpenAPI document (the admin operations). */
export async function adminCommand(path: string, init: RequestInit = {}): Promise<Response> {
  await refreshIfDue();
  const session = loadSession();
  const headers = new Headers(init.headers);
  if (session) headers.set('authorization', `Bearer ${session.accessToken}`);
  return commandFetch(path, { ...init, headers });
}

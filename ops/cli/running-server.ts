import { randomUUID } from 'node:crypto';
import type { Config } from '../../infra/config/config.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { liveOwner, type DataRootOwner } from '../compose/data-root-owner.ts';

/** Which of the server's two ports a request goes to. */
export type Api = 'command' | 'read';

/**
 * The embedded server that owns the data root, reached over its admin API. Embedded, only that
 * process may open PGlite and chDB, so the `qm` commands that have an admin route send their work
 * there instead of opening the directory beside it.
 */
export interface RunningServer {
  owner: DataRootOwner & { api: NonNullable<DataRootOwner['api']> };
  /**
   * Sends a request with an admin token; answers the body, or throws the server's problem detail.
   * The body goes as JSON, or as it is under `contentType` (a CSV upload).
   */
  request(api: Api, method: string, path: string, body?: unknown, contentType?: string): Promise<Response>;
  json<T>(api: Api, method: string, path: string, body?: unknown, contentType?: string): Promise<T>;
}

/**
 * The live serving owner of this configuration's data root, or null (nobody owns it, or the owner
 * is another `qm` command without an API: then the command runs here, and its claim on the root
 * refuses with the owner's pid).
 */
export function runningServer(config: Config, actor = process.env.USER ?? 'operator'): RunningServer | null {
  const owner = liveOwner(config);
  if (!owner?.api) return null;
  const withApi = owner as RunningServer['owner'];
  const secret = config.AUTH_JWT_SECRET;
  const request: RunningServer['request'] = async (api, method, path, body, contentType) => {
    if (!secret) {
      throw new Error(
        `qm serve (pid ${owner.pid}) owns ${config.QM_DATA_DIR}, and this command must go through its admin API, ` +
          'but no AUTH_JWT_SECRET is at hand to sign an admin token (tokens come from AUTH_JWKS_URL here). ' +
          'Use the admin API with a token from your identity provider, or stop the server.',
      );
    }
    // Short-lived: it only has to outlive this one request.
    const token = await mintToken({
      secret,
      subject: actor,
      role: 'admin',
      ttl: '5m',
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
    });
    const port = api === 'command' ? withApi.api.commandPort : withApi.api.readPort;
    const host = withApi.api.host.includes(':') ? `[${withApi.api.host}]` : withApi.api.host;
    let response: Response;
    try {
      response = await fetch(`http://${host}:${port}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': contentType ?? 'application/json' }),
          // Commands need a key; one CLI call is one request, so a fresh key each time.
          ...(api === 'command' && method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
        },
        ...(body === undefined
          ? {}
          : { body: contentType ? (body as string | Uint8Array) : JSON.stringify(body) }),
      });
    } catch (error) {
      throw new Error(
        `qm serve (pid ${owner.pid}) owns ${config.QM_DATA_DIR} but does not answer at http://${host}:${port}: ` +
          `${error instanceof Error ? error.message : String(error)}. Wait until it is serving, or stop it.`,
        { cause: error },
      );
    }
    if (!response.ok) throw new ServerRefused(response.status, await refusal(response, owner.pid));
    return response;
  };
  return {
    owner: withApi,
    request,
    async json<T>(api: Api, method: string, path: string, body?: unknown, contentType?: string) {
      return (await (await request(api, method, path, body, contentType)).json()) as T;
    },
  };
}

/** The server answered with an error status; the message carries its problem detail. */
export class ServerRefused extends Error {
  override name = 'ServerRefused';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function refusal(response: Response, pid: number): Promise<string> {
  const text = await response.text();
  try {
    // Problem details name every bad field in `detail` already.
    const problem = JSON.parse(text) as { detail?: string };
    return `the server (pid ${pid}) answered ${response.status}: ${problem.detail ?? text}`;
  } catch {
    return `the server (pid ${pid}) answered ${response.status}: ${text}`;
  }
}

/** A path segment, escaped. */
export const segment = (value: string): string => encodeURIComponent(value);

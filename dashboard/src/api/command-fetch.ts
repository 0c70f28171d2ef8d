import { dashboardConfig } from './config.ts';
import { problemFrom } from './problem.ts';

/** A call to the command API (another origin, see docs/dashboard.md); refusals throw `ApiProblem`. */
export async function commandFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const { commandApiUrl } = await dashboardConfig();
  const headers = new Headers(init.headers);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const answer = await fetch(`${commandApiUrl}${path}`, { ...init, headers });
  if (!answer.ok) throw await problemFrom(answer);
  return answer;
}

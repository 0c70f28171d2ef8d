/** Where the command API answers, as the read API that serves the dashboard tells it. */
export interface DashboardConfig {
  commandApiUrl: string;
}

interface Given {
  commandApiUrl?: string;
  commandApiPort?: number;
}

let loaded: Promise<DashboardConfig> | undefined;

/**
 * `/dashboard/config.json` names the command API's port (or a full URL when one is configured); a
 * port is joined to this page's host, so the dashboard works on whatever name the browser used.
 */
export function dashboardConfig(): Promise<DashboardConfig> {
  loaded ??= fetch(`${import.meta.env.BASE_URL}config.json`)
    .then((answer): Promise<Given> | Given => (answer.ok ? (answer.json() as Promise<Given>) : {}))
    .catch((): Given => ({}))
    .then((given) => ({
      commandApiUrl:
        given.commandApiUrl ?? `${location.protocol}//${location.hostname}:${given.commandApiPort ?? 3000}`,
    }));
  return loaded;
}

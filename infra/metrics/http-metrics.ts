import { Counter, Histogram, type Registry } from 'prom-client';

/** Request durations in seconds: 1 ms to 10 s, dense where the APIs answer (a few ms). */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const labelNames = ['api', 'method', 'route', 'status'] as const;

/** One request's measures, recorded on the children kept for its labels. */
export interface HttpMetrics {
  /** `route` is the matched route's template (`/orders/:id`), never the raw path. */
  observe(method: string, route: string, status: number, seconds: number): void;
}

interface Children {
  requests: Counter.Internal;
  duration: Histogram.Internal<string>;
  errors: Counter.Internal | undefined;
}

function metric<M extends Counter | Histogram>(registry: Registry, name: string, make: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? make();
}

/**
 * The RED metrics of one API (`api` is `command` or `read`): `qm_http_requests_total`,
 * `qm_http_request_errors_total` (5xx answers) and `qm_http_request_duration_seconds`, per method,
 * route template and status. Both APIs share the metrics on the process's registry through the label.
 *
 * A request finds its label children in nested maps (method → route → status), built once per
 * combination: prom-client's `labels()` would hash the labels into a new string on every request.
 */
export function createHttpMetrics(registry: Registry, api: string): HttpMetrics {
  const requests = metric(
    registry,
    'qm_http_requests_total',
    () =>
      new Counter({
        name: 'qm_http_requests_total',
        help: 'HTTP requests answered, by API, method, route template and status',
        labelNames,
        registers: [registry],
      }),
  );
  const errors = metric(
    registry,
    'qm_http_request_errors_total',
    () =>
      new Counter({
        name: 'qm_http_request_errors_total',
        help: 'HTTP requests answered with a 5xx status, by API, method, route template and status',
        labelNames,
        registers: [registry],
      }),
  );
  const duration = metric(
    registry,
    'qm_http_request_duration_seconds',
    () =>
      new Histogram({
        name: 'qm_http_request_duration_seconds',
        help: 'Time from a request reaching the API to its answer, in seconds',
        labelNames,
        buckets: DURATION_BUCKETS,
        registers: [registry],
      }),
  );
  const byMethod = new Map<string, Map<string, Map<number, Children>>>();

  function childrenFor(method: string, route: string, status: number): Children {
    let byRoute = byMethod.get(method);
    if (!byRoute) byMethod.set(method, (byRoute = new Map<string, Map<number, Children>>()));
    let byStatus = byRoute.get(route);
    if (!byStatus) byRoute.set(route, (byStatus = new Map<number, Children>()));
    let children = byStatus.get(status);
    if (!children) {
      const labels = { api, method, route, status: String(status) };
      children = {
        requests: requests.labels(labels),
        duration: duration.labels(labels),
        errors: status >= 500 ? errors.labels(labels) : undefined,
      };
      byStatus.set(status, children);
    }
    return children;
  }

  return {
    observe(method, route, status, seconds) {
      const children = childrenFor(method, route, status);
      children.requests.inc();
      children.duration.observe(seconds);
      children.errors?.inc();
    },
  };
}

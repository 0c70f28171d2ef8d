/**
 * Whether this process traces, kept apart from the SDK (`tracing.ts`) so that code asking costs no
 * import of the SDK and its instrumentations: a process that does not trace never loads them.
 */
let tracing = false;
let shutdown: (() => Promise<void>) | undefined;

/** True once the SDK started: the cheap test the hot paths make before touching a span. */
export function isTracing(): boolean {
  return tracing;
}

/** Called by the SDK's start (with how to stop it) and stop. */
export function setTracing(stop: (() => Promise<void>) | undefined): void {
  tracing = stop !== undefined;
  shutdown = stop;
}

/** Exports the spans still buffered and stops the SDK, if it runs: before the process exits. */
export async function stopTracing(): Promise<void> {
  await shutdown?.();
}

/**
 * Whether the environment asks for traces, read the way the OpenTelemetry SDK reads it: an OTLP
 * endpoint or a traces exporter named (and not `none`), and the SDK not disabled. Off by default:
 * with nothing set, no SDK starts and every span in this code base is a boolean check.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (exporter === 'none') return false;
  return Boolean(exporter || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

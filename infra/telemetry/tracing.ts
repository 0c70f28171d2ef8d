import { createRequire } from 'node:module';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { setTracing, stopTracing } from './tracing-state.ts';

let sdk: NodeSDK | undefined;

export interface TracingOptions {
  /** Where spans go instead of the exporter `OTEL_TRACES_EXPORTER` names (tests: an in-memory one). */
  spanProcessors?: SpanProcessor[];
  serviceName?: string;
}

/**
 * Starts the official Node SDK: W3C trace context, the HTTP (inbound and `node:http` outbound),
 * PostgreSQL, Redis and fetch (undici) instrumentations, and the exporter the standard `OTEL_*`
 * variables configure (OTLP by default). Metrics stay on Prometheus (`/metrics`) and logs on pino,
 * so the SDK's own metric and log exporters default to `none`.
 *
 * Start it before the modules it instruments are loaded (`ops/cli/main.ts` does, before it imports
 * any command): the instrumentations patch `pg`, `ioredis` and `http` as they are required.
 */
export function startTracing(options: TracingOptions = {}): { shutdown(): Promise<void> } {
  if (sdk) return { shutdown: stopTracing };
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  sdk = new NodeSDK({
    serviceName: options.serviceName ?? process.env.OTEL_SERVICE_NAME ?? 'quartermaster',
    instrumentations: [
      // Probes and scrapes would otherwise be most of the traces.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
      }),
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new UndiciInstrumentation(),
    ],
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors } : {}),
  });
  sdk.start();
  // The instrumentations patch CommonJS `require`s; `qm` is ES modules, and an `import` of a
  // package's main module never passes through `require`. `pg` is caught anyway (its
  // instrumentation patches files `pg` itself requires); `ioredis` was not, and its spans never
  // appeared. Requiring it here lets the instrumentation patch its client class in place, and
  // every later `import` of it gets that same module object from Node's module cache.
  createRequire(import.meta.url)('ioredis');
  setTracing(shutdownSdk);
  return { shutdown: stopTracing };
}

async function shutdownSdk(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  setTracing(undefined);
  await running?.shutdown();
}

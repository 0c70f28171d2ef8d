import { Command } from 'commander';
import type { ServerType } from '@hono/node-server';
import { answerClientErrorsAsProblems } from '../../../infra/http/answer-client-errors.ts';
import { claimDataRoot, usesDataRoot } from '../../compose/data-root-owner.ts';
import { openSystem } from '../../compose/system.ts';
import { superviseBackgroundWorker } from '../../server/background-worker.ts';
import { firstStopSignal, shutDown } from '../../server/graceful-shutdown.ts';
import { closeServers, listenAll } from '../../server/listen.ts';
import { systemPortApps } from '../../server/system-port-apps.ts';
import { stopTracing } from '../../../infra/telemetry/tracing-state.ts';
import { runServiceWithContext } from '../run-with-context.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'Run the command API (PORT) and the read API (READ_PORT) with projectors, fan-out and consumers ' +
        '(embedded PGlite, chDB and in-process bus by default; set DATABASE_URL, NATS_URL, ... for servers)',
    )
    .option('--no-projectors', 'do not run projectors here (run `qm project` elsewhere)')
    .option('--no-fanout', 'do not run the publisher and consumers here')
    .option(
      '--no-worker',
      'on PostgreSQL, run the projectors and consumers in this process rather than in a supervised `qm work`',
    )
    .action(async (options: { projectors: boolean; fanout: boolean; worker: boolean }) => {
      await runServiceWithContext(async ({ config, log }) => {
        if (!options.projectors && !config.DATABASE_URL) {
          // Embedded data belongs to this one process: `qm project` cannot open it beside us.
          throw new Error(
            'embedded mode runs its projectors in this process: with --no-projectors nothing would feed ' +
              'the read models. Drop the flag, or set DATABASE_URL to run projectors in a process of their own.',
          );
        }
        // Claimed before anything opens: a second server on the same root is refused, naming the first.
        // Should this process fail before it releases the claim, the claim goes with it at exit.
        const claim = usesDataRoot(config) ? claimDataRoot(config, log, 'qm serve') : undefined;
        // The ports next: one in use is reported at once, before any store is opened.
        const servers = await listenAll([
          {
            hostname: config.HOST,
            port: config.PORT,
            what: 'the command API',
            variable: 'PORT',
            headersTimeoutMs: config.QM_HEADERS_TIMEOUT_MS,
          },
          {
            hostname: config.HOST,
            port: config.READ_PORT,
            what: 'the read API',
            variable: 'READ_PORT',
            headersTimeoutMs: config.QM_HEADERS_TIMEOUT_MS,
          },
          ...(config.METRICS_PORT !== undefined
            ? [
                {
                  hostname: config.HOST,
                  port: config.METRICS_PORT,
                  what: 'the metrics',
                  variable: 'METRICS_PORT',
                },
              ]
            : []),
        ]);
        const [writeServer, readServer, metricsServer] = servers;
        for (const bound of servers) answerClientErrorsAsProblems(bound.server);
        // On PostgreSQL the projectors and consumers run in a worker process on another core, so
        // that they never hold up the APIs' event loop (embedded PGlite is one process by nature).
        const useWorker =
          Boolean(config.DATABASE_URL) && options.worker && options.projectors && options.fanout;
        const embeddedAnalytics = !config.CLICKHOUSE_URL;
        const parts = useWorker
          ? { projectors: false, fanout: false, analyticsSink: embeddedAnalytics, supervisedProjectors: true }
          : options;
        const system = await openSystem(config, log, parts).catch(async (error: unknown) => {
          await closeServers(servers);
          throw error;
        });
        const worker = useWorker
          ? superviseBackgroundWorker({
              log,
              args: embeddedAnalytics ? ['--no-analytics'] : [],
              onInvalidate: (tags) => system.invalidate(tags),
            })
          : undefined;
        await worker?.ready.catch(async (error: unknown) => {
          await closeServers(servers);
          await system.close();
          throw error;
        });
        const apps = systemPortApps(config, log, system, { metricsPort: metricsServer !== undefined });
        writeServer!.serve(apps.command);
        readServer!.serve(apps.read);
        metricsServer?.serve(apps.metrics);
        // Tells `qm` where to send what it may not open itself (the ports may have been 0: free ones).
        claim?.announce({
          host: reachableHost(config.HOST),
          commandPort: portOf(writeServer!.server),
          readPort: portOf(readServer!.server),
        });
        log.info(
          {
            commandApi: `http://${config.HOST}:${config.PORT}`,
            readApi: `http://${config.HOST}:${config.READ_PORT}`,
            ...(metricsServer ? { metrics: `http://${config.HOST}:${config.METRICS_PORT}/metrics` } : {}),
            eventStore: system.store.capabilities.backend,
            ...options,
            worker: useWorker,
          },
          'quartermaster is serving (API docs at /docs on each port); stop with Ctrl+C',
        );
        const signal = await firstStopSignal(log);
        log.info({ signal }, 'shutting down');
        await shutDown({
          servers,
          close: async () => {
            await worker?.stop();
            await system.close();
          },
          log,
        });
        claim?.release();
        await stopTracing(); // the spans still buffered go out before the exit below
        log.info('stopped');
      });
      // Everything serve opened is closed by now; a timer or socket some library left behind must
      // not keep the process alive, or a supervisor waits forever to restart it. The exit code is
      // 1 when the command failed (set by runWithContext).
      process.exit();
    });
}

function portOf(server: Pick<ServerType, 'address'>): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** A wildcard listen address is reachable on loopback; the CLI runs on the same machine. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

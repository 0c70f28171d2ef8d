import { Command } from 'commander';
import type { ServerType } from '@hono/node-server';
import { answerClientErrorsAsProblems } from '../../../infra/http/answer-client-errors.ts';
import { eventSourcedRoleCatalog } from '../../../infra/auth/role-catalog.ts';
import { verifierFromConfig } from '../../../infra/auth/verifier-from-config.ts';
import { claimDataRoot, usesDataRoot } from '../../compose/data-root-owner.ts';
import { deploymentReadModels, projectionCatalog, projectorSessions } from '../../compose/projectors.ts';
import { openSystem } from '../../compose/system.ts';
import { adminOperations } from '../../server/admin-operations.ts';
import { firstStopSignal, shutDown } from '../../server/graceful-shutdown.ts';
import { closeServers, listenAll } from '../../server/listen.ts';
import { systemApp } from '../../server/system-app.ts';
import type { Config } from '../../../infra/config/config.ts';
import type { Logger } from '../../../infra/logging/logger.ts';
import { runWithContext } from '../run-with-context.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'Run the command API (PORT) and the read API (READ_PORT) with projectors, fan-out and consumers ' +
        '(embedded PGlite, chDB and in-process bus by default; set DATABASE_URL, NATS_URL, ... for servers)',
    )
    .option('--no-projectors', 'do not run projectors here (run `qm project` elsewhere)')
    .option('--no-fanout', 'do not run the publisher and consumers here')
    .action(async (options: { projectors: boolean; fanout: boolean }) => {
      await runWithContext(async ({ config, log }) => {
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
        const [writeServer, readServer] = await listenAll([
          { hostname: config.HOST, port: config.PORT, what: 'the command API', variable: 'PORT' },
          { hostname: config.HOST, port: config.READ_PORT, what: 'the read API', variable: 'READ_PORT' },
        ]);
        const servers = [writeServer!, readServer!];
        for (const bound of servers) answerClientErrorsAsProblems(bound.server);
        const system = await openSystem(config, log, options).catch(async (error: unknown) => {
          await closeServers(servers);
          throw error;
        });
        const writeApp = systemApp(system.store, system.metrics, log);
        // Before the command API, whose authentication and Idempotency-Key checks match every path.
        writeApp.route('/', adminOperationsOf(config, log, system));
        writeApp.route('/', system.writeApi);
        const readApp = systemApp(system.store, system.metrics, log);
        readApp.route('/', system.readApi);
        writeServer!.serve(writeApp);
        readServer!.serve(readApp);
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
            eventStore: system.store.capabilities.backend,
            ...options,
          },
          'quartermaster is serving (API docs at /docs on each port); stop with Ctrl+C',
        );
        const signal = await firstStopSignal(log);
        log.info({ signal }, 'shutting down');
        await shutDown({ servers, close: system.close, log });
        claim?.release();
        log.info('stopped');
      });
      // Everything serve opened is closed by now; a timer or socket some library left behind must
      // not keep the process alive, or a supervisor waits forever to restart it. The exit code is
      // 1 when the command failed (set by runWithContext).
      process.exit();
    });
}

/** The admin API's operations (replay, skip, mail), on this process's own store and database. */
function adminOperationsOf(config: Config, log: Logger, system: Awaited<ReturnType<typeof openSystem>>) {
  const context = { config, store: system.store, database: system.database, log, metrics: system.metrics };
  return adminOperations({
    projector: {
      ...context,
      catalog: projectionCatalog(context, deploymentReadModels()),
      openSession: projectorSessions(config),
    },
    verifier: verifierFromConfig(config, log, eventSourcedRoleCatalog(system.store)),
    log,
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

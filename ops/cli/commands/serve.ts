import { serve, type ServerType } from '@hono/node-server';
import { Command } from 'commander';
import type { Hono } from 'hono';
import { once } from 'node:events';
import { answerClientErrorsAsProblems } from '../../../infra/http/answer-client-errors.ts';
import { verifierFromConfig } from '../../../write-api/auth/verifier-from-config.ts';
import { claimDataRoot, usesDataRoot } from '../../compose/data-root-owner.ts';
import { deploymentReadModels, projectionCatalog, projectorSessions } from '../../compose/projectors.ts';
import { openSystem } from '../../compose/system.ts';
import { adminOperations } from '../../server/admin-operations.ts';
import { systemApp } from '../../server/system-app.ts';
import type { Config } from '../../../infra/config/config.ts';
import type { Logger } from '../../../infra/logging/logger.ts';
import { runWithContext } from '../run-with-context.ts';

async function listen(app: Hono, hostname: string, port: number): Promise<ServerType> {
  const server = serve({ fetch: app.fetch, hostname, port });
  answerClientErrorsAsProblems(server);
  await once(server, 'listening');
  return server;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'Run the command API (PORT) and the read API (READ_PORT) with projectors, fan-out and consumers ' +
        '(embedded PGlite, chDB and in-process bus by default; set DATABASE_URL, NATS_URL, ... for servers)',
    )
    .option('--no-projectors', 'do not run projectors here (run `qm project` elsewhere)')
    .option('--no-fanout', 'do not run the publisher and consumers here')
    .action((options: { projectors: boolean; fanout: boolean }) =>
      runWithContext(async ({ config, log }) => {
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
        const system = await openSystem(config, log, options);
        const writeApp = systemApp(system.store, system.metrics);
        // Before the command API, whose authentication and Idempotency-Key checks match every path.
        writeApp.route('/', adminOperationsOf(config, log, system));
        writeApp.route('/', system.writeApi);
        const readApp = systemApp(system.store, system.metrics);
        readApp.route('/', system.readApi);
        const servers = [
          await listen(writeApp, config.HOST, config.PORT),
          await listen(readApp, config.HOST, config.READ_PORT),
        ];
        // Tells `qm` where to send what it may not open itself (the ports may have been 0: free ones).
        claim?.announce({
          host: reachableHost(config.HOST),
          commandPort: portOf(servers[0]!),
          readPort: portOf(servers[1]!),
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
        await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
        log.info('shutting down');
        for (const server of servers) server.close();
        await system.close();
        claim?.release();
      }),
    );
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
    verifier: verifierFromConfig(config, log),
    log,
  });
}

function portOf(server: ServerType): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** A wildcard listen address is reachable on loopback; the CLI runs on the same machine. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

import { serve, type ServerType } from '@hono/node-server';
import { Command } from 'commander';
import type { Hono } from 'hono';
import { once } from 'node:events';
import { answerClientErrorsAsProblems } from '../../../infra/http/answer-client-errors.ts';
import { openSystem } from '../../compose/system.ts';
import { systemApp } from '../../server/system-app.ts';
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
        const system = await openSystem(config, log, options);
        const writeApp = systemApp(system.store, system.metrics);
        writeApp.route('/', system.writeApi);
        const readApp = systemApp(system.store, system.metrics);
        readApp.route('/', system.readApi);
        const servers = [
          await listen(writeApp, config.HOST, config.PORT),
          await listen(readApp, config.HOST, config.READ_PORT),
        ];
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
      }),
    );
}

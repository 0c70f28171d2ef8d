import { serve } from '@hono/node-server';
import { Command } from 'commander';
import { once } from 'node:events';
import { openDatabase } from '../../compose/database.ts';
import { openEventStore } from '../../compose/event-store.ts';
import { openWriteSide } from '../../compose/write-side.ts';
import { systemApp } from '../../server/system-app.ts';
import { runWithContext } from '../run-with-context.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'Run the HTTP APIs (embedded PGlite by default; set DATABASE_URL / EVENTSTORE_URL for servers)',
    )
    .action(() =>
      runWithContext(async ({ config, log }) => {
        const database = await openDatabase(config, log);
        const store = await openEventStore(config, database);
        const writeSide = await openWriteSide(config, store, database, log);
        const app = systemApp(store);
        app.route('/', writeSide.api);
        const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT });
        await once(server, 'listening');
        log.info(
          { url: `http://${config.HOST}:${config.PORT}`, eventStore: store.capabilities.backend },
          'quartermaster is serving (API docs at /docs); stop with Ctrl+C',
        );
        await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
        log.info('shutting down');
        server.close();
        await writeSide.stop();
        await store.close();
        await database.close();
      }),
    );
}

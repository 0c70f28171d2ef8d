import { Command } from 'commander';
import { openSystem } from '../../compose/system.ts';
import { firstStopSignal, shutDown } from '../../server/graceful-shutdown.ts';
import { closeServers, listenAll } from '../../server/listen.ts';
import { systemApp } from '../../server/system-app.ts';
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
        // The ports first: one in use is reported at once, before any store is opened.
        const [writeServer, readServer] = await listenAll([
          { hostname: config.HOST, port: config.PORT, what: 'the command API', variable: 'PORT' },
          { hostname: config.HOST, port: config.READ_PORT, what: 'the read API', variable: 'READ_PORT' },
        ]);
        const servers = [writeServer!, readServer!];
        const system = await openSystem(config, log, options).catch(async (error: unknown) => {
          await closeServers(servers);
          throw error;
        });
        const writeApp = systemApp(system.store, system.metrics);
        writeApp.route('/', system.writeApi);
        const readApp = systemApp(system.store, system.metrics);
        readApp.route('/', system.readApi);
        writeServer!.serve(writeApp);
        readServer!.serve(readApp);
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
        log.info('stopped');
      });
      // Everything serve opened is closed by now; a timer or socket some library left behind must
      // not keep the process alive, or a supervisor waits forever to restart it. The exit code is
      // 1 when the command failed (set by runWithContext).
      process.exit();
    });
}

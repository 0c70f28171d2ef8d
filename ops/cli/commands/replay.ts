import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { REPLAY_BATCH_SIZE } from '../../../projections/runtime/replay-batch-size.ts';
import { runWithContext } from '../run-with-context.ts';
import { runningServer, segment } from '../running-server.ts';

/** `qm replay <projection>`: a blue/green rebuild from the start of the log, with a progress bar. */
export function replayCommand(): Command {
  return new Command('replay')
    .description(
      'Rebuild a projection from the start of the log: a new generation fills while the old one serves, then reads switch',
    )
    .argument('<projection>', 'read model or sink name (see qm projection status)')
    .option(
      '--batch-size <n>',
      'events per read and transaction',
      (value) => Number(value),
      REPLAY_BATCH_SIZE,
    )
    .action((name: string, options: { batchSize: number }) =>
      runWithContext(async ({ config, log }) => {
        const server = runningServer(config);
        if (server) {
          // The server replays on its own connections and reports each batch as a line.
          const response = await server.request(
            'command',
            'POST',
            `/admin/projections/${segment(name)}/replay`,
            {
              batchSize: options.batchSize,
            },
          );
          const progress = progressBar(name);
          let result: ReplayDone | undefined;
          try {
            for await (const line of ndjsonLines(response)) {
              if ('progress' in line) progress(line.progress);
              else if ('done' in line) result = line.done;
              else
                throw new Error(
                  `the server (pid ${server.owner.pid}) could not replay ${name}: ${line.error}`,
                );
            }
          } finally {
            progress.stop();
          }
          if (!result)
            throw new Error(
              `the server (pid ${server.owner.pid}) stopped answering before ${name} was replayed`,
            );
          console.log(
            `${name}: generation ${result.generation} serves; ${result.events} events in ${result.seconds.toFixed(1)} s ` +
              `(replayed by the running server, pid ${server.owner.pid})`,
          );
          return;
        }
        // Loaded here, not at the top: a replay sent to the server needs none of it.
        const { openProjectorContext } = await import('../../compose/projectors.ts');
        const { replayProjection } = await import('../../../projections/runtime/replay.ts');
        const context = await openProjectorContext(config, log);
        const found = await context.catalog.subject(name);
        try {
          if (!found) {
            const known = [...context.catalog.readModels.map((p) => p.name), ...context.catalog.sinkNames];
            throw new Error(`unknown projection "${name}"; known: ${known.join(', ') || '(none)'}`);
          }
          const progress = progressBar(name);
          const result = await replayProjection(
            { ...context, openSession: context.openSession },
            found.subject,
            {
              batchSize: options.batchSize,
              onProgress: progress,
            },
          );
          progress.stop();
          console.log(
            `${name}: generation ${result.generation} serves; ${result.events} events in ${result.seconds.toFixed(1)} s`,
          );
        } finally {
          await found?.close();
          await context.close();
        }
      }),
    );
}

interface ReplayDone {
  generation: number;
  events: number;
  seconds: number;
}

type ReplayLine =
  { progress: { events: number; total: number | null } } | { done: ReplayDone } | { error: string };

/** The server's replay answer, one JSON object a line, as the lines arrive. */
async function* ndjsonLines(response: Response): AsyncGenerator<ReplayLine> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of response.body ?? []) {
    pending += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, end).trim();
      pending = pending.slice(end + 1);
      if (line) yield JSON.parse(line) as ReplayLine;
    }
  }
}

/** A progress bar fed with the replay's progress (events read so far, of the log's size if known). */
function progressBar(name: string) {
  const bar = new SingleBar(
    {
      format: `${name} [{bar}] {percentage}% | {value}/{total} events | {speed} events/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  let barStarted = false;
  const update = ({ events, total }: { events: number; total: number | null }) => {
    if (!barStarted) {
      bar.start(total ?? events, 0, { speed: 0 });
      barStarted = true;
    }
    if (total !== null && events > total) bar.setTotal(events);
    const seconds = (performance.now() - started) / 1000;
    bar.update(events, { speed: Math.round(events / Math.max(seconds, 0.001)) });
  };
  return Object.assign(update, {
    stop: () => {
      if (barStarted) bar.stop();
      barStarted = false;
    },
  });
}

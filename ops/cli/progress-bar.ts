import { Presets, SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr for a long `qm` task, fed with (done, total) and what is being worked on.
 * cli-progress draws nothing when stderr is not a terminal, so logs and CI output stay clean.
 */
export function progressBar(unit: string) {
  const bar = new SingleBar(
    {
      format: `{task} [{bar}] {percentage}% | {value}/{total} ${unit} | {speed} ${unit}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  const update = (task: string, done: number, total: number) => {
    if (!running) {
      bar.start(Math.max(total, done), 0, { task, speed: 0 });
      running = true;
    }
    if (done > bar.getTotal()) bar.setTotal(done);
    const seconds = (performance.now() - started) / 1000;
    bar.update(done, { task, speed: Math.round(done / Math.max(seconds, 0.001)) });
  };
  return Object.assign(update, {
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  });
}

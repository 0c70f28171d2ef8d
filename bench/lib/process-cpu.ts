import { readFileSync, readdirSync } from 'node:fs';

/** Linux /proc accounting for the benches: where each core's time goes during a run. */

/** user + system CPU seconds one process has used so far (its own, not its children's). */
export function ownCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** user + system CPU seconds a process and its children (`qm work`) have used so far. */
export function cpuSeconds(pid: number): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(' ')
      .filter(Boolean);
    return ownCpuSeconds(pid) + children.reduce((sum, child) => sum + cpuSeconds(Number(child)), 0);
  } catch {
    return 0;
  }
}

/**
 * The PostgreSQL backends serving one database: their process titles read
 * `postgres: [<cluster>: ]<user> <database> <client> <state>`. The bench's processes keep their pools open for
 * the whole run, so the backends found before a run are the ones that do its work.
 */
const BACKEND_TITLE = /^postgres: (?:[^ ]+: )?(\S+) (\S+) /;

export function postgresBackends(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (BACKEND_TITLE.exec(title)?.[2] === database) pids.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return pids;
}

/** CPU seconds the whole machine has spent busy (not idle or waiting on I/O), over all cores. */
export function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = cpu as [number, ...number[]];
  return (user + nice! + system! + irq! + softirq! + steal!) / 100;
}

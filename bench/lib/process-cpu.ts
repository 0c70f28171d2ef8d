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
 * `postgres: [<cluster>: ]<user> <database> <client> <state>`.
 */
const BACKEND_TITLE = /^postgres: (?:[^ ]+: )?(\S+) (\S+) /;

function postgresBackends(database: string): number[] {
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

/**
 * CPU seconds so far of each backend serving `database` now, listed afresh at every call: the
 * pools do not keep one set of connections for a run. node-postgres closes a connection idle for
 * 10 s and opens new ones as load rises, and in the checkout bench about 80 backends were opened
 * after its warm-up; a list taken once then counted a third of PostgreSQL's CPU.
 */
export function postgresBackendCpu(database: string): Map<number, number> {
  return new Map(postgresBackends(database).map((pid) => [pid, ownCpuSeconds(pid)]));
}

/**
 * CPU seconds the backends spent between two `postgresBackendCpu` samples. A backend first listed
 * in `after` was opened meanwhile: all its CPU is the interval's. One listed only in `before` was
 * closed meanwhile, idle (that is why a pool closes it): its last moments are lost.
 */
export function backendCpuBetween(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
): number {
  let spent = 0;
  for (const [pid, now] of after) {
    const then = before.get(pid) ?? 0;
    // A smaller count than before: the pid was reused by a backend opened meanwhile.
    spent += now >= then ? now - then : now;
  }
  return spent;
}

/** CPU seconds the whole machine has spent busy (not idle or waiting on I/O), over all cores. */
export function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = cpu as [number, ...number[]];
  return (user + nice! + system! + irq! + softirq! + steal!) / 100;
}

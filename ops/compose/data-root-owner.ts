import { randomUUID } from 'node:crypto';
import {
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Config } from '../../infra/config/config.ts';
import { dataRootPaths, isMemoryRoot } from '../../infra/config/data-root.ts';
import type { Logger } from '../../infra/logging/logger.ts';

/**
 * What the lock file inside a data root says about its owner. PGlite and chDB each allow one
 * process per folder, and PGlite does not enforce it: a second process silently corrupts the
 * database and loses writes the first one confirmed. So every process that opens an embedded data
 * root first claims it, and the lock tells the others who has it and how to reach it.
 */
export interface DataRootOwner {
  pid: number;
  /** What the owner runs, e.g. `qm serve` or `qm replay catalog`. */
  command: string;
  startedAt: string;
  /** Where a serving owner's APIs answer (set once it listens); absent for other commands. */
  api?: { host: string; commandPort: number; readPort: number };
  /**
   * The owner's start time as the kernel counts it (Linux), so that a pid reused by an unrelated
   * process after the owner was killed is not taken for the owner.
   */
  processStart?: string;
  /** Tells this claim from a later one by a process that happens to get the same pid. */
  nonce: string;
}

/** The data root is claimed by a live process; the message names it and the way out. */
export class DataRootBusy extends Error {
  override name = 'DataRootBusy';
  constructor(
    readonly root: string,
    readonly owner: DataRootOwner,
    readonly lockFile: string,
    wayOut?: string,
  ) {
    super(`${describeOwner(root, owner)} ${wayOut ?? defaultWayOut(owner, lockFile)}`);
  }
}

export function describeOwner(root: string, owner: DataRootOwner): string {
  const api = owner.api
    ? `, command API http://${owner.api.host}:${owner.api.commandPort}, read API http://${owner.api.host}:${owner.api.readPort}`
    : '';
  return (
    `The embedded data root ${root} is owned by ${owner.command} (pid ${owner.pid}${api}, since ${owner.startedAt}); ` +
    'embedded mode lets one process open it.'
  );
}

function defaultWayOut(owner: DataRootOwner, lockFile: string): string {
  // A server announces its ports once it listens; before that it is starting up.
  if (!owner.api && owner.command === 'qm serve') {
    return 'It is starting: run this again once it serves, and it goes through its admin API.';
  }
  return owner.api
    ? `Stop that server (Ctrl+C, or kill ${owner.pid}) and run this again. qm replay, qm projection status|skip, ` +
        'qm mail, qm stream and qm analytics work beside it: they go through its admin API.'
    : `Wait for it to finish or stop it (kill ${owner.pid}). If pid ${owner.pid} is not a Quartermaster process, ` +
        `delete ${lockFile}.`;
}

/** A claim on the data root; claims in one process nest, and the last release frees the root. */
export interface DataRootClaim {
  /** Records where this process's APIs listen, for the CLI to find them. */
  announce(api: NonNullable<DataRootOwner['api']>): void;
  release(): void;
}

/** Whether this configuration keeps anything in the data root (PGlite or chDB on disk). */
export function usesDataRoot(
  config: Pick<Config, 'QM_DATA_DIR' | 'DATABASE_URL' | 'CLICKHOUSE_URL' | 'CHDB_PATH'>,
): boolean {
  const chdbInRoot = !config.CLICKHOUSE_URL && !config.CHDB_PATH;
  return !isMemoryRoot(config.QM_DATA_DIR) && (!config.DATABASE_URL || chdbInRoot);
}

interface Held {
  lockFile: string;
  owner: DataRootOwner;
  count: number;
}
const held = new Map<string, Held>();

/** How long a takeover may take before another process counts its holder as dead. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * Claims the data root for this process, or throws `DataRootBusy` naming the live owner. A lock
 * left by an owner that is gone (its pid is not alive, or now belongs to another process) is taken
 * over: under a short-lived takeover directory (mkdir is atomic), the lock is read again, removed
 * only if it still names a dead owner, and the new one is linked into place (link fails if another
 * process got there first, so exactly one claimant wins).
 */
export function claimDataRoot(
  config: Pick<Config, 'QM_DATA_DIR' | 'CHDB_PATH'>,
  log: Pick<Logger, 'info' | 'warn'>,
  command = commandLine(),
): DataRootClaim {
  const root = config.QM_DATA_DIR;
  const lockFile = dataRootPaths(config).ownerLock;
  const mine = held.get(lockFile);
  if (mine) {
    mine.count += 1;
    return claimOf(mine);
  }
  mkdirSync(dirname(lockFile), { recursive: true });
  const owner: DataRootOwner = {
    pid: process.pid,
    command,
    startedAt: new Date().toISOString(),
    ...(processStart(process.pid) ? { processStart: processStart(process.pid)! } : {}),
    nonce: randomUUID(),
  };
  // Long enough to outlast a takeover directory left by a claimant that died holding it.
  const deadline = Date.now() + TAKEOVER_STALE_MS + 5_000;
  for (;;) {
    if (tryLink(lockFile, owner)) break;
    const current = readOwner(lockFile);
    if (current && isAlive(current)) throw new DataRootBusy(root, current, lockFile);
    if (Date.now() > deadline) {
      throw new Error(`could not claim ${lockFile}: other processes keep claiming it; try again`);
    }
    removeStaleLock(lockFile, log);
  }
  const claim: Held = { lockFile, owner, count: 1 };
  held.set(lockFile, claim);
  log.info({ root, lockFile, pid: owner.pid }, 'claimed the embedded data root');
  return claimOf(claim);
}

function claimOf(claim: Held): DataRootClaim {
  let released = false;
  return {
    announce(api) {
      claim.owner = { ...claim.owner, api };
      const draft = `${claim.lockFile}.${process.pid}.tmp`;
      writeFileSync(draft, JSON.stringify(claim.owner));
      renameSync(draft, claim.lockFile);
    },
    release() {
      if (released) return;
      released = true;
      claim.count -= 1;
      if (claim.count === 0) dropLock(claim);
    },
  };
}

/** The live owner of the data root, or null when nobody (or only a dead process) holds it. */
export function liveOwner(config: Pick<Config, 'QM_DATA_DIR' | 'CHDB_PATH'>): DataRootOwner | null {
  if (isMemoryRoot(config.QM_DATA_DIR)) return null;
  const owner = readOwner(dataRootPaths(config).ownerLock);
  return owner && isAlive(owner) ? owner : null;
}

export function readOwner(lockFile: string): DataRootOwner | null {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<DataRootOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.nonce === 'string') return parsed as DataRootOwner;
  } catch {
    // Only complete files are ever linked into place, so this is damage, not a write in progress.
  }
  return { pid: 0, command: 'unknown', startedAt: 'unknown', nonce: `unreadable:${text.length}` };
}

export function isAlive(owner: DataRootOwner): boolean {
  if (owner.pid <= 0) return false;
  // Our own pid on a lock this process does not hold: an earlier life of ours (a container's pid 1).
  if (owner.pid === process.pid) return [...held.values()].some((claim) => claim.owner.nonce === owner.nonce);
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = processStart(owner.pid);
  return !(owner.processStart && start && start !== owner.processStart);
}

function tryLink(lockFile: string, owner: DataRootOwner): boolean {
  const draft = `${lockFile}.${process.pid}.${owner.nonce}.tmp`;
  writeFileSync(draft, JSON.stringify(owner));
  try {
    linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function removeStaleLock(lockFile: string, log: Pick<Logger, 'warn'>): void {
  const takeover = `${lockFile}.takeover`;
  try {
    mkdirSync(takeover);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process is taking over; if it died doing so, its directory goes stale.
    if (Date.now() - statSafe(takeover) > TAKEOVER_STALE_MS) rmdirSafe(takeover);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    return;
  }
  try {
    const current = readOwner(lockFile);
    if (current && !isAlive(current)) {
      unlinkSync(lockFile);
      log.warn(
        { lockFile, stalePid: current.pid, staleCommand: current.command, since: current.startedAt },
        'took over the embedded data root from an owner that is gone (killed or crashed)',
      );
    }
  } finally {
    rmdirSafe(takeover);
  }
}

function dropLock(claim: Held): void {
  held.delete(claim.lockFile);
  const current = readOwner(claim.lockFile);
  if (current?.nonce === claim.owner.nonce) unlinkSync(claim.lockFile);
}

// A process that exits without closing (an uncaught error) still frees the root it holds.
process.once('exit', () => {
  for (const claim of [...held.values()]) {
    try {
      dropLock(claim);
    } catch {
      // Exiting anyway: the next claimant treats the lock as stale.
    }
  }
});

function statSafe(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

function rmdirSafe(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // Already gone: another process finished the takeover.
  }
}

/** Field 22 of /proc/<pid>/stat (after the parenthesized name, which may hold spaces); Linux only. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** `qm replay catalog` for the CLI; the script's name for other entry points (fanout-main.ts). */
function commandLine(): string {
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const script = process.argv[1] ?? '';
  const program = /ops[\\/]cli[\\/]main\.ts$/.test(script) ? 'qm' : basename(script);
  return `${program} ${args.slice(0, 3).join(' ')}`.trim();
}

/**
 * The embedded data root's owner lock, on the real filesystem with real processes: a live owner
 * is named (pid and ports) to whoever else tries, a lock left by a dead owner or by a reused pid
 * is taken over, and claimants racing for a stale lock end with exactly one owner.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/config/config.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { claimDataRoot, DataRootBusy, liveOwner } from './data-root-owner.ts';

const log = createLogger('silent');
let roots: string[] = [];
let children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
  children = [];
});

function freshRoot() {
  const root = mkdtempSync(join(tmpdir(), 'qm-owner-'));
  roots.push(root);
  return { root, config: loadConfig({ QM_DATA_DIR: root }), lockFile: join(root, 'owner.lock') };
}

/** A pid that was alive a moment ago and is not now: a killed owner's. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

function liveProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  children.push(child);
  return child;
}

const lockOf = (pid: number, extra: object = {}) =>
  JSON.stringify({
    pid,
    command: 'qm serve',
    startedAt: '2026-12-01T10:00:00.000Z',
    nonce: `n-${pid}`,
    ...extra,
  });

describe('the data root owner lock', () => {
  it('refuses a second owner, naming the live one’s pid and ports', () => {
    const { root, config, lockFile } = freshRoot();
    const owner = liveProcess();
    writeFileSync(
      lockFile,
      lockOf(owner.pid!, { api: { host: '127.0.0.1', commandPort: 41000, readPort: 41001 } }),
    );
    let refusal: unknown;
    try {
      claimDataRoot(config, log, 'qm migrate');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataRootBusy);
    expect((refusal as Error).message).toContain(
      `The embedded data root ${root} is owned by qm serve (pid ${owner.pid}`,
    );
    expect((refusal as Error).message).toContain('command API http://127.0.0.1:41000');
    expect((refusal as Error).message).toContain('read API http://127.0.0.1:41001');
    expect((refusal as Error).message).toMatch(/Stop that server .* kill \d+/);
    expect(liveOwner(config)?.pid).toBe(owner.pid);
  });

  it('takes over a lock whose owner was killed, and frees the root on release', async () => {
    const { config, lockFile } = freshRoot();
    const dead = await deadPid();
    writeFileSync(lockFile, lockOf(dead));
    expect(liveOwner(config)).toBeNull();
    const claim = claimDataRoot(config, log, 'qm serve');
    const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; command: string };
    expect(lock).toMatchObject({ pid: process.pid, command: 'qm serve' });
    // Nested claims in one process (PGlite and chDB both open the root) share the lock.
    const nested = claimDataRoot(config, log);
    nested.release();
    expect(liveOwner(config)?.pid).toBe(process.pid);
    claim.announce({ host: '127.0.0.1', commandPort: 1, readPort: 2 });
    expect(liveOwner(config)?.api).toEqual({ host: '127.0.0.1', commandPort: 1, readPort: 2 });
    claim.release();
    expect(liveOwner(config)).toBeNull();
    expect(() => readFileSync(lockFile)).toThrow(/ENOENT/);
  });

  it('takes over a lock whose pid now belongs to another process (the owner’s start time differs)', () => {
    const { config, lockFile } = freshRoot();
    const stranger = liveProcess();
    writeFileSync(lockFile, lockOf(stranger.pid!, { processStart: '1' }));
    const claim = claimDataRoot(config, log);
    expect(liveOwner(config)?.pid).toBe(process.pid);
    claim.release();
  });

  it('lets exactly one of several processes racing for a stale lock win', async () => {
    const { root, lockFile } = freshRoot();
    writeFileSync(lockFile, lockOf(await deadPid()));
    const script = `
      import { claimDataRoot } from ${JSON.stringify(join(import.meta.dirname, 'data-root-owner.ts'))};
      try {
        claimDataRoot({ QM_DATA_DIR: process.env.ROOT }, { info() {}, warn() {} }, 'racer');
        process.stdout.write('won');
        setTimeout(() => {}, 60000); // holds it until the test kills it
      } catch (error) {
        process.stdout.write(error.name);
      }`;
    const racers = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, ROOT: root },
      }),
    );
    children.push(...racers);
    const outcomes = await Promise.all(
      racers.map(async (racer) => {
        const [chunk] = (await once(racer.stdout, 'data')) as [Buffer];
        return chunk.toString();
      }),
    );
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'DataRootBusy')).toHaveLength(3);
    const winner = racers[outcomes.indexOf('won')]!;
    expect((JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number }).pid).toBe(winner.pid);
  });
});

import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './qm-serve-process.ts';

/** The machine's PostgreSQL 15 binaries (Debian's layout); `QM_PG_BIN` names another folder. */
const bin = (name: string) => join(process.env.QM_PG_BIN ?? '/usr/lib/postgresql/15/bin', name);

export interface PgPrimaryWithReplica {
  /** `postgres://` URL of `database` on the primary (read-write). */
  primaryUrl: string;
  /** The same database on the streaming hot standby (read-only). */
  replicaUrl: string;
  /** Stops both servers at once and removes their data directories. */
  dispose(): void;
}

/**
 * A PostgreSQL primary (`initdb` in a temporary directory) and a streaming hot-standby replica of it
 * (`pg_basebackup -R -X stream`), each on a free loopback port, with `database` created on the
 * primary (and so on the replica). Run as the `postgres` user: PostgreSQL refuses to run as root.
 * The machine's own cluster is not used: its pg_hba.conf refuses replication connections.
 */
export async function startPgPrimaryWithReplica(database = 'qm'): Promise<PgPrimaryWithReplica> {
  const root = mkdtempSync(join(tmpdir(), 'qm-pg-replica-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(root, uid, gid);
  }
  const primary = join(root, 'primary');
  const replica = join(root, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stopAll = () => {
    for (const dir of started.reverse()) {
      try {
        run(bin('pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already down
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  const settings = (port: number) =>
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${root}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'hot_standby = on',
      // A throwaway test cluster: durability buys nothing here. (Commits stay synchronous: the
      // primary sends WAL once flushed, and an asynchronous commit waits up to wal_writer_delay.)
      'fsync = off',
      'full_page_writes = off',
      '',
    ].join('\n');
  try {
    run(bin('initdb'), ['-D', primary, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    appendFileSync(join(primary, 'postgresql.conf'), settings(primaryPort));
    appendFileSync(join(primary, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n');
    run(bin('pg_ctl'), ['-D', primary, '-l', join(root, 'primary.log'), '-w', 'start']);
    started.push(primary);
    run(bin('createdb'), ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', database]);
    const connection = ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres'];
    // A fast checkpoint to start from: the default spreads it out and took 95 s here.
    run(bin('pg_basebackup'), [
      ...connection,
      '-D',
      replica,
      '-R',
      '-X',
      'stream',
      '--checkpoint=fast',
      '--no-sync',
    ]);
    // The copy carries the primary's settings; the last line wins, so only the port changes.
    appendFileSync(join(replica, 'postgresql.conf'), `port = ${replicaPort}\n`);
    run(bin('pg_ctl'), ['-D', replica, '-l', join(root, 'replica.log'), '-w', 'start']);
    started.push(replica);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    stopAll();
    throw new Error(`could not start the PostgreSQL primary and replica: ${stderr || String(error)}`);
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/${database}`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/${database}`,
    dispose: stopAll,
  };
}

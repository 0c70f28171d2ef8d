import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type JetStreamManager } from 'nats';
import { freePort } from './qm-serve-process.ts';
import { waitUntil } from './wait-until.ts';

export interface NatsNode {
  readonly name: string;
  readonly url: string;
  /** Whether its process is running. */
  readonly running: boolean;
}

export interface NatsCluster {
  readonly nodes: readonly NatsNode[];
  /** Every node's client URL, comma-separated, as `NATS_URL` takes a cluster. */
  readonly url: string;
  /** The name of the server that leads `stream` now (asks any live node). */
  streamLeader(stream: string): Promise<string>;
  /** SIGKILLs the node (its store stays, as a crashed machine's disk would). */
  kill(name: string): Promise<void>;
  /** Starts a killed node again on its ports and store. */
  restart(name: string): Promise<void>;
  /** Kills every node and removes their stores. */
  dispose(): Promise<void>;
}

interface Node {
  name: string;
  clientPort: number;
  routePort: number;
  storeDir: string;
  child: ChildProcess | null;
}

/**
 * A NATS cluster of `size` `nats-server` processes with JetStream on free loopback ports, each with
 * a store directory of its own under one temporary directory. Resolves once JetStream's meta group
 * has a leader, so streams can be created at once.
 */
export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  const root = mkdtempSync(join(tmpdir(), 'qm-nats-cluster-'));
  const nodes: Node[] = [];
  for (let i = 1; i <= size; i++) {
    nodes.push({
      name: `qm-n${i}`,
      clientPort: await freePort(),
      routePort: await freePort(),
      storeDir: join(root, `n${i}`),
      child: null,
    });
  }
  const urlOf = (node: Node) => `nats://127.0.0.1:${node.clientPort}`;
  const routes = nodes.map((node) => `nats://127.0.0.1:${node.routePort}`).join(',');

  function start(node: Node): void {
    const child = spawn(
      'nats-server',
      [
        ...['--server_name', node.name, '-a', '127.0.0.1', '-p', String(node.clientPort)],
        ...['-js', '-sd', node.storeDir, '--cluster_name', 'qm-test'],
        ...['--cluster', `nats://127.0.0.1:${node.routePort}`, '--routes', routes],
      ],
      { stdio: 'ignore' },
    );
    node.child = child;
    child.once('exit', () => {
      if (node.child === child) node.child = null;
    });
  }

  async function stop(node: Node): Promise<void> {
    const child = node.child;
    if (!child) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** Asks JetStream through whichever live node answers. */
  async function ask<T>(question: (jsm: JetStreamManager) => Promise<T>): Promise<T> {
    const live = nodes.filter((node) => node.child);
    const nc = await connect({ servers: live.map(urlOf), timeout: 2_000 });
    try {
      return await question(await nc.jetstreamManager());
    } finally {
      await nc.close();
    }
  }

  const byName = (name: string) => {
    const node = nodes.find((candidate) => candidate.name === name);
    if (!node) throw new Error(`no NATS node named ${name}`);
    return node;
  };

  for (const node of nodes) start(node);
  const cluster: NatsCluster = {
    nodes: nodes.map((node) => ({
      name: node.name,
      url: urlOf(node),
      get running() {
        return node.child !== null;
      },
    })),
    url: nodes.map(urlOf).join(','),
    async streamLeader(stream) {
      const leader = await ask(async (jsm) => (await jsm.streams.info(stream)).cluster?.leader);
      if (!leader) throw new Error(`stream ${stream} has no leader`);
      return leader;
    },
    kill: (name) => stop(byName(name)),
    async restart(name) {
      const node = byName(name);
      if (node.child) throw new Error(`${name} is running`);
      start(node);
    },
    async dispose() {
      await Promise.all(nodes.map(stop));
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    // The meta leader answers account info; before it is elected JetStream answers 503.
    await waitUntil(
      'the NATS cluster to elect its JetStream meta leader',
      () =>
        ask((jsm) => jsm.getAccountInfo()).then(
          () => true,
          () => false,
        ),
      30_000,
    );
  } catch (error) {
    await cluster.dispose();
    throw error;
  }
  return cluster;
}

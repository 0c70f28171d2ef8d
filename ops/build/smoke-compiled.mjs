#!/usr/bin/env node
// Runs the compiled build (dist/, from `npm run build`) on a given Node binary, without tsx:
//   node ops/build/smoke-compiled.mjs [path/to/node]
// 1. `qm serve --help` must exit 0 and print the usage;
// 2. an embedded `qm serve` (PGlite and chDB in a temporary data root, free ports) must answer
//    /health on both ports, then stop with exit code 0 on SIGTERM, as it does as a container's PID 1.
// Plain JavaScript on purpose: it checks a runtime that has no TypeScript loader.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
/* global fetch -- Node's own, since Node 18 */

const root = join(import.meta.dirname, '..', '..');
const main = join(root, 'dist', 'ops', 'cli', 'main.js');
const node = process.argv[2] ?? process.execPath;
const startTimeoutMs = Number(process.env.QM_SMOKE_TIMEOUT_MS ?? 90_000);

if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);

const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
const help = spawnSync(node, [main, 'serve', '--help'], { cwd: root, encoding: 'utf8' });
if (help.status !== 0 || !help.stdout.includes('Usage: qm serve')) {
  throw new Error(`serve --help on ${version} exited ${help.status}:\n${help.stdout}${help.stderr}`);
}
console.log(`ok ${version}: qm serve --help`);

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

const dataRoot = mkdtempSync(join(tmpdir(), 'qm-smoke-'));
const ports = [await freePort(), await freePort()];
// Only the embedded engines: service URLs from the caller's environment are left out.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/_URL$/.test(name) && name !== 'QM_EVENT_STORE'),
);
const child = spawn(node, [main, 'serve'], {
  cwd: root,
  env: {
    ...env,
    HOST: '127.0.0.1',
    PORT: String(ports[0]),
    READ_PORT: String(ports[1]),
    QM_DATA_DIR: join(dataRoot, 'data'),
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

try {
  const deadline = Date.now() + startTimeoutMs;
  for (const port of ports) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`qm serve exited ${child.exitCode}:\n${output}`);
      const answer = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
      if (answer?.ok) {
        const body = await answer.json();
        if (body.status !== 'ok') throw new Error(`/health on ${port}: ${JSON.stringify(body)}`);
        break;
      }
      if (Date.now() > deadline) throw new Error(`no /health on ${port} in ${startTimeoutMs} ms:\n${output}`);
      await sleep(200);
    }
  }
  console.log(`ok ${version}: embedded qm serve answers /health on both ports`);
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`qm serve exited ${code} after SIGTERM:\n${output}`);
  console.log(`ok ${version}: stopped by SIGTERM with exit code 0`);
} finally {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataRoot, { recursive: true, force: true });
}

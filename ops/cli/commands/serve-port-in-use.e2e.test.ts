import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, spawnQmServe, type QmServe } from '../../../test-support/qm-serve-process.ts';

/**
 * `qm serve` on a port another process holds: it used to print EADDRINUSE and then keep running
 * (projectors, consumers) without serving anything. It must end, non-zero, naming the port and
 * what to do.
 */
describe('qm serve on a port already in use', () => {
  let occupant: Server | undefined;
  let qm: QmServe | undefined;
  afterEach(async () => {
    if (qm?.child.exitCode === null) qm.child.kill('SIGKILL');
    occupant?.close();
  });

  it.each([
    ['PORT', 'the command API'],
    ['READ_PORT', 'the read API'],
  ])('exits non-zero within seconds when %s is taken, naming the port', async (variable, what) => {
    const ports = { PORT: await freePort(), READ_PORT: await freePort() };
    const taken = ports[variable as keyof typeof ports];
    occupant = createServer().listen(taken, '127.0.0.1');
    await once(occupant, 'listening');

    qm = spawnQmServe({
      QM_DATA_DIR: 'memory://',
      HOST: '127.0.0.1',
      PORT: String(ports.PORT),
      READ_PORT: String(ports.READ_PORT),
    });
    const code = await qm.exited(20_000);

    expect(code).not.toBe(0);
    expect(typeof code === 'number' ? code : 'killed by a signal').toBe(1);
    expect(qm.output()).toContain(`port ${taken} is already in use`);
    expect(qm.output()).toContain(what);
    expect(qm.output()).toContain(`set ${variable} to a free port`);
  });
});

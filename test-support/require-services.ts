import { connect } from 'node:net';
import { serviceUrls } from './service-urls.ts';

/**
 * Fails the integration run when PostgreSQL, Redis or NATS does not answer, instead of letting
 * tests skip: a green run must mean the real services were exercised.
 */
export default async function requireServices(): Promise<void> {
  const urls = serviceUrls();
  const targets = [
    { name: 'PostgreSQL', env: 'DATABASE_URL', url: urls.postgres },
    { name: 'Redis', env: 'REDIS_URL', url: urls.redis },
    { name: 'NATS', env: 'NATS_URL', url: urls.nats },
  ];
  const down: string[] = [];
  await Promise.all(
    targets.map(async (target) => {
      const { hostname, port } = new URL(target.url);
      if (!(await answers(hostname, Number(port)))) {
        down.push(`${target.name} at ${target.url} (set ${target.env}, or start it: see .ci/run)`);
      }
    }),
  );
  if (down.length > 0) {
    throw new Error(`Integration tests need these services, which do not answer:\n- ${down.join('\n- ')}`);
  }
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

import { request } from 'node:http';

/**
 * Asks `/health` every `everyMs` while a load runs, one request at a time on a fresh connection, as
 * a load balancer's probe does, and keeps each answer's latency: how responsive the server's event
 * loop stays under load.
 */
export function probeHealth(url: string, everyMs = 20): { stop(): Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const once = () =>
    new Promise<void>((resolve) => {
      const begun = performance.now();
      const req = request(`${url}/health`, { agent: false }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode === 200) latencies.push(performance.now() - begun);
          resolve();
        });
      });
      req.on('error', () => resolve());
      req.end();
    });
  const loop = (async () => {
    while (running) {
      await once();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return latencies;
    },
  };
}

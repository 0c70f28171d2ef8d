// The read benchmark's load generator, run as a second process so that it never shares an event
// loop with the server it measures. Argument: JSON { url, paths, connections, seconds } and,
// for requests with a body, { method, bodies, headers }. Each request takes the next path of
// `paths` (and the next body of `bodies`) in turn. Prints JSON { rps, p99, total, non2xx, errors }.
import autocannon from 'autocannon';

const { url, paths, connections, seconds, method, bodies, headers } = JSON.parse(process.argv[2]);
let next = 0;
const result = await autocannon({
  url,
  connections,
  duration: seconds,
  ...(method ? { method } : {}),
  ...(headers ? { headers } : {}),
  requests: [
    {
      setupRequest: (request) => {
        const at = next++;
        return {
          ...request,
          path: paths[at % paths.length],
          ...(bodies ? { body: bodies[at % bodies.length] } : {}),
        };
      },
    },
  ],
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  }),
);

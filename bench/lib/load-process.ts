import { execFile } from 'node:child_process';

/**
 * Runs a load generator (a `bench/lib/*.mjs` script) as a second Node process, as every bench's
 * load runs, so that it never shares an event loop with the server it measures. The script takes
 * its arguments as one JSON argument and prints one JSON answer; `what` names it in errors.
 */
export function runLoadProcess<Answer>(script: string, args: unknown, what: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, JSON.stringify(args)],
      { maxBuffer: 256 << 20 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${what} failed: ${stderr || error.message}`));
        resolve(JSON.parse(stdout) as Answer);
      },
    );
  });
}

import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import type { Logger } from '../../../infra/logging/logger.ts';
import { HttpProblem } from '../../../infra/http/problem.ts';
import type { ImportStatus } from '../../../infra/imports/import-jobs.ts';
import { memoryImportJobs } from '../../../infra/imports/import-jobs.ts';
import { optionalColumns, parseProductCsv, requiredColumns } from '../../../write-api/imports/product-csv.ts';
import { progressBar } from '../progress-bar.ts';
import { runWithContext } from '../run-with-context.ts';
import { runningServer, segment, ServerRefused, type RunningServer } from '../running-server.ts';
import { openWriteHandlers } from '../write-handlers.ts';

const columns = `columns: ${requiredColumns.join(', ')} (required), ${optionalColumns.join(', ')} (optional)`;

/**
 * `qm import products <file.csv>`: the catalog import of docs/operations.md. A running embedded
 * server owning the data gets the file over its command API (`POST /imports/products`) and this
 * follows the job; else the rows run here, through the same parser and commands.
 */
export function importCommand(): Command {
  return new Command('import').description('Bulk imports from a file').addCommand(
    new Command('products')
      .description(
        `Create or update products from a CSV file, one row per product (${columns}); rows equal to the catalog change nothing`,
      )
      .argument('<file>', 'the CSV file')
      .action((file: string) =>
        runWithContext(async ({ config, log }) => {
          let body: Buffer;
          try {
            body = await readFile(file);
          } catch (error) {
            throw new Error(`cannot read ${file}: ${(error as Error).message}. Give the path of a CSV file.`);
          }
          const server = runningServer(config);
          const status = server
            ? await viaServer(server, body, file, log)
            : await here(config, body, file, log);
          report(status, file, log);
        }),
      ),
  );
}

/** Uploads to the server, then follows the job's status until it finishes. */
async function viaServer(
  server: RunningServer,
  body: Buffer,
  file: string,
  log: Logger,
): Promise<ImportStatus> {
  const accepted = await server
    .json<{ importId: string; total: number }>(
      'command',
      'POST',
      '/imports/products',
      new Uint8Array(body),
      'text/csv',
    )
    .catch((error: unknown) => {
      if (error instanceof ServerRefused && error.status === 400) {
        throw new Error(`${file} cannot be imported: ${error.message}. Fix the file (${columns}).`);
      }
      throw error;
    });
  log.info(
    { importId: accepted.importId, rows: accepted.total, serverPid: server.owner.pid },
    'import sent to the server',
  );
  const bar = progressBar('rows');
  try {
    for (;;) {
      const status = await server.json<ImportStatus>(
        'command',
        'GET',
        `/imports/${segment(accepted.importId)}`,
      );
      bar('products', status.done, status.total);
      if (status.state === 'finished') return status;
      await sleep(250);
    }
  } finally {
    bar.stop();
  }
}

/** No server owns the data: the rows run in this process, as the server would run them. */
async function here(
  config: Parameters<typeof openWriteHandlers>[0],
  body: Buffer,
  file: string,
  log: Logger,
): Promise<ImportStatus> {
  let parsed: ReturnType<typeof parseProductCsv>;
  try {
    parsed = parseProductCsv(new Uint8Array(body));
  } catch (error) {
    if (error instanceof HttpProblem) {
      throw new Error(
        `${file} cannot be imported: ${error.detail ?? error.message}. Fix the file (${columns}).`,
      );
    }
    throw error;
  }
  const opened = await openWriteHandlers(config, log);
  try {
    const actor = { id: process.env.USER ?? 'operator', role: 'admin' as const };
    const job = memoryImportJobs().start({
      importId: crypto.randomUUID(),
      kind: 'products',
      total: parsed.total,
      startedBy: actor.id,
      startedAt: new Date().toISOString(),
    });
    for (const failure of parsed.invalid) job.row(failure);
    const bar = progressBar('rows');
    try {
      await opened.handlers.importProducts(
        parsed.rows,
        { actor, correlationId: job.status.importId, causationId: null, now: job.status.startedAt },
        {
          mayChangePrices: true,
          now: () => new Date().toISOString(),
          onRow: (outcome) => {
            job.row(outcome);
            bar('products', job.status.done, job.status.total);
          },
          onUnexpected: (error, row) => log.error({ err: error, row }, 'import: a row could not be saved'),
        },
      );
    } finally {
      bar.stop();
    }
    job.finish(new Date().toISOString());
    return job.status;
  } finally {
    await opened.close();
  }
}

/** One summary line, one line per refused row, and what to do about them. */
function report(status: ImportStatus, file: string, log: Logger): void {
  const { created, updated, unchanged, failed } = status;
  log.info({ importId: status.importId, created, updated, unchanged, failed }, 'import finished');
  console.log(
    `${file}: ${status.total} rows: ${created} created, ${updated} updated, ${unchanged} unchanged, ${failed} failed`,
  );
  for (const error of status.errors) {
    console.log(`  row ${error.row}, ${error.field}: ${error.message} (${error.code})`);
  }
  if (failed > status.errors.length) console.log(`  ... and ${failed - status.errors.length} more`);
  if (failed > 0) {
    console.error(
      `qm: ${failed} rows were not imported: fix them in ${file} and run it again (rows already imported stay as they are)`,
    );
    process.exitCode = 1;
  }
}

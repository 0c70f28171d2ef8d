/**
 * Bulk imports running in this process (docs/operations.md, "Catalog import"): the command API
 * starts one per upload and answers 202; the job's counts and row errors live here while it runs
 * and a while after, so `GET /imports/{id}` answers them and the read API's live stream
 * (`/live/events`, `import-progress`) pushes them to the dashboard. Both APIs of a `qm serve`
 * process share one registry. What an import appended is in the event log like any command's; the
 * job itself is not, so a restart forgets it (running the file again appends only what is missing).
 */

/** One refused row: its number in the file (the header is row 1), the column, and why. */
export interface ImportRowError {
  row: number;
  field: string;
  code: string;
  message: string;
}

export interface ImportCounts {
  /** Rows handled so far (failed ones included). */
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface ImportStatus extends ImportCounts {
  importId: string;
  kind: 'products';
  state: 'running' | 'finished';
  /** Rows of the file (the header not counted). */
  total: number;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  /** The first `MAX_ERRORS` row errors, in row order; `failed` counts them all. */
  errors: ImportRowError[];
}

export interface ImportJob {
  readonly status: ImportStatus;
  /** One row handled: the outcome, and its error when it failed. */
  row(outcome: 'created' | 'updated' | 'unchanged' | ImportRowError): void;
  finish(finishedAt: string): void;
}

export interface ImportJobs {
  start(job: Pick<ImportStatus, 'importId' | 'kind' | 'total' | 'startedBy' | 'startedAt'>): ImportJob;
  get(importId: string): ImportStatus | null;
  /** Called on start, at most every `notifyEveryMs` while a job runs, and on finish. */
  subscribe(listener: (status: ImportStatus) => void): () => void;
}

/** Past this many, row errors are only counted: a file of 100,000 bad rows must not fill memory. */
export const MAX_ERRORS = 1000;

export function memoryImportJobs(options: { keep?: number; notifyEveryMs?: number } = {}): ImportJobs {
  const keep = options.keep ?? 50;
  const notifyEveryMs = options.notifyEveryMs ?? 250;
  const jobs = new Map<string, ImportStatus>();
  const listeners = new Set<(status: ImportStatus) => void>();
  const notify = (status: ImportStatus) => {
    const copy = snapshot(status);
    for (const listener of listeners) listener(copy);
  };

  return {
    start(init) {
      const status: ImportStatus = {
        ...init,
        state: 'running',
        finishedAt: null,
        done: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        failed: 0,
        errors: [],
      };
      jobs.set(status.importId, status);
      // Forget the oldest finished jobs beyond `keep` (a Map iterates in insertion order).
      for (const [id, job] of jobs) {
        if (jobs.size <= keep) break;
        if (job.state === 'finished') jobs.delete(id);
      }
      notify(status);
      let notifiedAt = Date.now();
      return {
        status,
        row(outcome) {
          status.done += 1;
          if (typeof outcome === 'string') status[outcome] += 1;
          else {
            status.failed += 1;
            if (status.errors.length < MAX_ERRORS) status.errors.push(outcome);
          }
          if (Date.now() - notifiedAt >= notifyEveryMs) {
            notifiedAt = Date.now();
            notify(status);
          }
        },
        finish(finishedAt) {
          status.state = 'finished';
          status.finishedAt = finishedAt;
          status.errors.sort((a, b) => a.row - b.row);
          notify(status);
        },
      };
    },
    get: (importId) => {
      const status = jobs.get(importId);
      return status ? snapshot(status) : null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const snapshot = (status: ImportStatus): ImportStatus => ({ ...status, errors: [...status.errors] });

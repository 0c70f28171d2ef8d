/**
 * The little of a SQL driver that the event store and migrations need, so that one implementation
 * of the SQL serves both PostgreSQL (`pg`) and embedded PGlite.
 */
export interface SqlExecutor {
  /**
   * Runs one statement. `name` lets drivers that support it keep the statement prepared
   * (PostgreSQL); others ignore it.
   */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    name?: string,
  ): Promise<Row[]>;
  /**
   * Streams rows into a table with `copy ... from stdin` (`statement`), in COPY's text format
   * (`text`: tab-separated columns, one row per line; or its chunks, sent as they are made). Only
   * where the driver has it (`pg`); bulk loaders fall back to INSERT elsewhere.
   */
  copyFrom?(statement: string, text: string | Iterable<string>): Promise<void>;
  /**
   * In a transaction, where the driver has it (`pg`): runs the statement at commit, in the same
   * round trip as the COMMIT (one simple-protocol script, the parameters written in as literals;
   * see `inlineParameters`), in the order given. A failure rolls the transaction back and is what
   * `transaction` throws. For writes whose result is not needed: a transaction holds its
   * transaction id from its first write to its end, and readers of the global log see nothing
   * past the oldest one open, so every client turn taken while holding one delays every reader.
   */
  atCommit?(text: string, params?: readonly unknown[]): void;
  /**
   * In a transaction that has sent nothing yet, where the driver has it (`pg`): runs the statement
   * right after the BEGIN, in the same round trip as the transaction's first statement (or its
   * COMMIT, if it runs none), the parameters written in as with `atCommit`. Its rows are not
   * returned; a failure stops the script there and is what that first statement throws. For
   * checks that raise (the projector's guard), which would otherwise cost a round trip of their
   * own. Throws if the transaction has begun.
   */
  atBegin?(text: string, params?: readonly unknown[]): void;
}

export interface SqlClient extends SqlExecutor {
  readonly dialect: 'postgres' | 'pglite';
  /** Runs `work` in one transaction on one connection; commits if it resolves, rolls back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL's SQLSTATE of an error thrown by either driver, if it has one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint an integrity error names (both drivers report it), if any. */
export function sqlConstraint(error: unknown): string | undefined {
  const constraint = (error as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

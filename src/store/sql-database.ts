/** The little the quote store needs from a PostgreSQL connection, whether PGlite in-process or a pg pool. */
export interface SqlExecutor {
  /** One statement with $1… parameters; rows as plain objects. */
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  /** Runs fn in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

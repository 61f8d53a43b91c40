/**
 * The database seam. Two implementations share it: PostgreSQL (node-postgres pool) and the
 * embedded PGlite. Everything above this file speaks plain parameterised SQL through `Queryable`.
 */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A transaction's handle: pass it down; never use the global handle inside a transaction. */
export interface Tx extends Queryable {
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Calls `onMessage` for every NOTIFY on `channel` (sent with `pg_notify` inside a transaction, so it
   * arrives only after that transaction commits, on every app instance on the same database).
   * Resolves with a function that stops listening.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

import type { KeyObject } from 'node:crypto';

/**
 * The database seam. Two implementations share it: PostgreSQL (node-postgres pool) and the
 * embedded PGlite. Everything above this file speaks plain parameterised SQL through `Queryable`.
 */
export interface Queryable {
  /**
   * The raw rows of one statement, unchecked. Use `rows`/`row`/`oneRow` (rows.ts) to read them with
   * their shape, `execute` when nobody reads them.
   */
  query(sql: string, params?: readonly unknown[]): Promise<unknown[]>;
  /**
   * The secret that keys the audit chain (HMAC). It comes from the configuration, never from the
   * database, and travels with every handle, so whatever may append audit records can link them.
   */
  readonly auditKey: KeyObject;
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

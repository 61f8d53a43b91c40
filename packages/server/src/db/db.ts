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

/** A handle that queries and opens transactions: the whole database (`Db`), or one tenant's part (`Db.asTenant`). */
export interface Transactional extends Queryable {
  /** Runs `fn` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/** The role the tenant-bound work runs as on PostgreSQL (migration 032); it owns no table. */
export const APP_ROLE = 'wijkregie_app';

export interface Db extends Transactional {
  readonly kind: 'postgres' | 'pglite';
  /**
   * The same database behind the second wall (docs/security.md): on PostgreSQL every statement runs as
   * `APP_ROLE` with `app.tenant_id` set to `tenantId`, so row-level security hides the other tenants' rows
   * even from a query that forgets its filter. PGlite (one process, one connection) gives the plain handle.
   * Only `TenantDb` (db/scope.ts) calls it; `Db`'s own `query` and `transaction` are the system path.
   */
  asTenant(tenantId: string): Transactional;
  /**
   * Calls `onMessage` for every NOTIFY on `channel` (sent with `pg_notify` inside a transaction, so it
   * arrives only after that transaction commits, on every app instance on the same database).
   * Resolves with a function that stops listening. `onState` hears when the listening connection is up
   * (true) and when it is lost (false): what is sent meanwhile is not delivered, so a cache that trusts the
   * messages must not trust itself until the connection is back.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onState?: (listening: boolean) => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

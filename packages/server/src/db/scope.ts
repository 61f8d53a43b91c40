import type { Db, Queryable, Transactional } from './db.js';

/**
 * A query handle bound to one tenant. Repository functions take a scope and put
 * `scope.tenantId` in every statement; they never see an unbound handle. Request handlers
 * only ever get a TenantDb, so tenant data cannot be reached without a tenant.
 */
export class TenantScope {
  constructor(
    readonly q: Queryable,
    readonly tenantId: string,
  ) {}
}

/**
 * The request-scoped entry to the database: reads, or one transaction per use case. Both run behind the
 * second wall too (`Db.asTenant`): on PostgreSQL, row-level security shows only this tenant's rows.
 */
export class TenantDb {
  private readonly db: Transactional;
  constructor(
    db: Db,
    readonly tenantId: string,
  ) {
    this.db = db.asTenant(tenantId);
  }

  /** For reads that need no transaction. */
  get read(): TenantScope {
    return new TenantScope(this.db, this.tenantId);
  }

  /** One use case, one transaction: everything in `fn` commits together or not at all. */
  transaction<T>(fn: (scope: TenantScope) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new TenantScope(tx, this.tenantId)));
  }
}

/**
 * The unscoped handle. Its name says what it is: only start-up, migrations, jobs and the login
 * step (which runs before a tenant is known) may use it.
 */
export class SystemDb {
  constructor(readonly db: Db) {}
  forTenant(tenantId: string): TenantDb {
    return new TenantDb(this.db, tenantId);
  }
}

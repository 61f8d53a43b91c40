import type { KeyObject } from 'node:crypto';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Tx } from './db.js';

/**
 * The embedded database: real PostgreSQL compiled to WASM, one connection, kept in `dataDir`
 * (or in memory when `dataDir` is undefined, as the tests do). PGlite serialises every query and
 * transaction itself, so a query outside a transaction waits until the transaction has ended.
 * `auditKey` keys the audit chain (`Queryable.auditKey`).
 */
export async function openPglite(dataDir: string | undefined, auditKey: KeyObject): Promise<Db> {
  if (auditKey?.type !== 'secret') throw new TypeError('openPglite needs the audit key');
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm },
    parsers: { [types.DATE]: (v: string) => v, [types.INT8]: (v: string) => Number(v) },
  });
  return {
    kind: 'pglite',
    auditKey,
    async query<T>(sql: string, params?: readonly unknown[]) {
      const res = await db.query<T>(sql, params as unknown[] | undefined);
      return res.rows;
    },
    transaction(fn) {
      return db.transaction(async (t) => {
        const tx: Tx = {
          auditKey,
          async query<T>(sql: string, params?: readonly unknown[]) {
            const res = await t.query<T>(sql, params as unknown[] | undefined);
            return res.rows;
          },
          async exec(sql) {
            await t.exec(sql);
          },
        };
        return fn(tx);
      });
    },
    async listen(channel, onMessage) {
      // One connection: the session that sends NOTIFY is the one listening, as PostgreSQL allows.
      return db.listen(channel, onMessage);
    },
    close: () => db.close(),
  };
}

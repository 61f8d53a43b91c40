import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, Tx } from './db.js';

// Dates come back as JS Date (timestamptz) and `date` columns as plain 'YYYY-MM-DD' strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
const statementNames = new Map<string, string>();

/**
 * A name per distinct statement text, so each connection parses and plans it once and later only
 * binds (node-postgres prepares named statements per connection). The texts are the application's
 * own SQL with `$n` parameters, never values, so the set stays small.
 */
function statementName(sql: string): string | undefined {
  if (!PREPARABLE.test(sql)) return undefined;
  let name = statementNames.get(sql);
  if (!name) {
    name = `wr_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

export function openPostgres(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: 'wijkregie',
    // Short OLTP queries: JIT compilation costs more than it saves (measured in `npm run bench`).
    options: '-c jit=off',
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  const run = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    const name = statementName(sql);
    const values = params as unknown[] | undefined;
    const res = await client.query(
      name
        ? { name, text: sql, ...(values ? { values } : {}) }
        : { text: sql, ...(values ? { values } : {}) },
    );
    return res.rows as T[];
  };
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Tx = {
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

import { createHash, type KeyObject } from 'node:crypto';
import pg from 'pg';
import { APP_ROLE, type Db, type Tx } from './db.js';
import { APPLICATION_NAME } from './instance.js';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Two pools of at most `max` connections each; `auditKey` keys the audit chain (`Queryable.auditKey`).
 * The system pool connects as the `connectionString` user, who owns the tables (migrations, start-up, the
 * login step, the workers). The tenant pool's connections take `APP_ROLE` in their start-up packet, so
 * row-level security (migration 032) holds for everything `asTenant` runs: a connection carries its tenant
 * in the session setting `app.tenant_id`, set once when it serves another tenant than before, and a
 * transaction sets it transaction-locally in the same round trip as its BEGIN.
 */
export function openPostgres(connectionString: string, auditKey: KeyObject, max = 10): Db {
  if (auditKey?.type !== 'secret') throw new TypeError('openPostgres needs the audit key');
  // Short OLTP queries: JIT compilation costs more than it saves (measured in `npm run bench`).
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: APPLICATION_NAME,
    options: '-c jit=off',
  });
  // Requests run here, without parallel workers: a server busy with many short reads paid more for their
  // start-ups and CPU than they saved (`BENCH_ONLY=reads npm run bench`: a wijk's picture at 50 connections
  // 28 → 63 req/s, the other reads unchanged within the spread between runs). Forcing generic plans as well
  // (each statement planned once per connection) made the plan of approach 3–4× faster but the signal inbox
  // slower: not adopted; see ARCHITECTURE.md, `db/`.
  const tenantPool = new pg.Pool({
    connectionString,
    max,
    application_name: APPLICATION_NAME,
    options: `-c jit=off -c role=${APP_ROLE} -c max_parallel_workers_per_gather=0`,
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  tenantPool.on('error', () => {});
  /** The tenant each tenant-pool connection has in its session setting. */
  const sessionTenant = new WeakMap<pg.PoolClient, string>();
  const run = async (client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    const name = statementName(sql);
    const values = params as unknown[] | undefined;
    const res = await client.query(
      name
        ? { name, text: sql, ...(values ? { values } : {}) }
        : { text: sql, ...(values ? { values } : {}) },
    );
    return res.rows as unknown[];
  };
  const transactionOn = async <T>(
    client: pg.PoolClient,
    begin: string,
    fn: (tx: Tx) => Promise<T>,
  ): Promise<T> => {
    try {
      await client.query(begin);
      const tx: Tx = {
        auditKey,
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
  };
  return {
    kind: 'postgres',
    auditKey,
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      return transactionOn(await pool.connect(), 'BEGIN', fn);
    },
    asTenant(tenantId) {
      // The id goes into the BEGIN script as a literal (a script takes no parameters): only a uuid may.
      if (!UUID.test(tenantId)) throw new TypeError('asTenant needs a tenant id (uuid)');
      return {
        auditKey,
        async query(sql, params) {
          const client = await tenantPool.connect();
          try {
            if (sessionTenant.get(client) !== tenantId) {
              await run(client, "SELECT set_config('app.tenant_id', $1, false)", [tenantId]);
              sessionTenant.set(client, tenantId);
            }
            return await run(client, sql, params);
          } finally {
            client.release();
          }
        },
        async transaction(fn) {
          return transactionOn(
            await tenantPool.connect(),
            `BEGIN; SELECT set_config('app.tenant_id', '${tenantId}', true)`,
            fn,
          );
        },
      };
    },
    listen: (channel, onMessage, onState) => listenPostgres(connectionString, channel, onMessage, onState),
    close: async () => {
      await Promise.all([pool.end(), tenantPool.end()]);
    },
  };
}

/**
 * A dedicated connection that LISTENs on one channel and reconnects (with back-off) when the
 * connection drops, so live delivery survives a database restart. Messages sent while it was
 * disconnected are not replayed here; the alert rows themselves are durable and the web app
 * refetches them when its stream reconnects.
 */
async function listenPostgres(
  connectionString: string,
  channel: string,
  onMessage: (payload: string) => void,
  onState?: (listening: boolean) => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let client: pg.Client | undefined;
  let stopped = false;
  let delay = 250;
  const retry = () => {
    if (stopped) return;
    setTimeout(() => void connect().catch(retry), delay).unref();
    delay = Math.min(delay * 2, 10_000);
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, application_name: APPLICATION_NAME });
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
    });
    c.on('error', () => {});
    c.on('end', () => {
      if (client !== c) return;
      onState?.(false);
      retry();
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
    delay = 250;
    onState?.(true);
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}

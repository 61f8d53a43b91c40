import type { KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Tx } from './db.js';

/** The data folder is held by another process (the app, or an operator command). */
export class DataDirInUseError extends Error {}

const LOCK_FILE = 'wijkregie.pid';
/** Folders this process holds: a second open in the same process is refused too. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

/**
 * PGlite takes no lock of its own (its `postmaster.pid` holds a fixed fake pid and is not checked):
 * a second process on the same folder opens it and both write, which corrupts the database. So
 * whoever opens a data folder first creates `wijkregie.pid` (pid and host) exclusively; another
 * process on this machine finds it and is refused while that pid lives. A file left by a process
 * that died (a crash, SIGKILL) is taken over. Answers the release.
 */
function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const file = join(dir, LOCK_FILE);
  const mine = `${process.pid}\n${hostname()}\n`;
  mkdirSync(dir, { recursive: true });
  if (held.has(dir)) throw inUse(dir, process.pid, hostname());
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      held.add(dir);
      return () => {
        held.delete(dir);
        try {
          if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
        } catch {}
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
    }
    let pid = Number.NaN;
    let host = '';
    try {
      const [p, h] = readFileSync(file, 'utf8').split('\n');
      pid = Number(p);
      host = h ?? '';
    } catch {}
    // Our own pid in the file is a previous life of this process number (a restarted container).
    const stale = pid === process.pid || !Number.isInteger(pid) || pid <= 0 || !alive(pid);
    if (!stale) throw inUse(dir, pid, host);
    try {
      unlinkSync(file);
    } catch {}
  }
}

function inUse(dir: string, pid: number, host: string): DataDirInUseError {
  const who = `pid ${pid}${host && host !== hostname() ? ` op ${host}` : ''}`;
  return new DataDirInUseError(
    `De datamap ${dir} is in gebruik door een ander Wijkregie-proces (${who}); de ingebouwde database staat één proces tegelijk toe. Stop dat proces eerst (staat het zeker niet meer aan, verwijder dan ${join(dir, LOCK_FILE)}).`,
  );
}

/**
 * The embedded database: real PostgreSQL compiled to WASM, one connection, kept in `dataDir`
 * (or in memory when `dataDir` is undefined, as the tests do). PGlite serialises every query and
 * transaction itself, so a query outside a transaction waits until the transaction has ended.
 * `auditKey` keys the audit chain (`Queryable.auditKey`).
 */
export async function openPglite(dataDir: string | undefined, auditKey: KeyObject): Promise<Db> {
  if (auditKey?.type !== 'secret') throw new TypeError('openPglite needs the audit key');
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let db: PGlite;
  try {
    db = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      extensions: { pg_trgm },
      parsers: { [types.DATE]: (v: string) => v, [types.INT8]: (v: string) => Number(v) },
    });
  } catch (err) {
    release();
    throw err;
  }
  const handle: Db = {
    kind: 'pglite',
    auditKey,
    async query(sql: string, params?: readonly unknown[]) {
      const res = await db.query(sql, params as unknown[] | undefined);
      return res.rows;
    },
    transaction(fn) {
      return db.transaction(async (t) => {
        const tx: Tx = {
          auditKey,
          async query(sql: string, params?: readonly unknown[]) {
            const res = await t.query(sql, params as unknown[] | undefined);
            return res.rows;
          },
          async exec(sql) {
            await t.exec(sql);
          },
        };
        return fn(tx);
      });
    },
    // One process on one connection: the first wall (db/scope.ts) is the wall here (docs/security.md).
    asTenant: () => handle,
    async listen(channel, onMessage, onState) {
      // One connection: the session that sends NOTIFY is the one listening, as PostgreSQL allows.
      const stop = await db.listen(channel, onMessage);
      onState?.(true);
      return stop;
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
  return handle;
}

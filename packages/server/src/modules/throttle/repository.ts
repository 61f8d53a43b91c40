import { z } from 'zod';
import type { Queryable } from '../../db/db.js';
import { col, execute, row, rows } from '../../db/rows.js';

/**
 * The SQL of the throttles (table `throttles`, migration 006). Times are the database's `now()`,
 * so every app instance counts on one clock. A hit is passed back to the caller as microseconds
 * since the epoch (a JS Date would lose the microseconds and no longer find it).
 */

const WINDOW = 'make_interval(secs => $2::double precision / 1000)';

/**
 * Takes one slot under `key` when fewer than `max` attempts lie inside the window: one statement,
 * on the locked row, so parallel requests are counted one after the other. Returns the new hit,
 * or undefined when there was no room (nothing is written then).
 */
export async function takeSlot(
  q: Queryable,
  key: string,
  windowMs: number,
  max: number,
): Promise<number | undefined> {
  const taken = await row(
    q,
    z.object({ at: col.int }),
    `INSERT INTO throttles AS t (key, hits, expires_at)
     VALUES ($1, ARRAY[now()], now() + ${WINDOW})
     ON CONFLICT (key) DO UPDATE
        SET hits = ARRAY(SELECT h FROM unnest(t.hits) AS h WHERE h > now() - ${WINDOW} ORDER BY h) || now(),
            expires_at = now() + ${WINDOW}
      WHERE (SELECT count(*) FROM unnest(t.hits) AS h WHERE h > now() - ${WINDOW}) < $3
     RETURNING (extract(epoch FROM now()) * 1000000)::bigint AS at`,
    [key, windowMs, max],
  );
  return taken?.at;
}

/**
 * Milliseconds until a slot is free under `key` for a limit of `max`: until the oldest attempt
 * that keeps the count at the limit leaves the window.
 */
export async function msUntilFree(q: Queryable, key: string, windowMs: number, max: number): Promise<number> {
  const free = await row(
    q,
    z.object({ ms: col.num }),
    `SELECT (1000 * extract(epoch FROM x.h + ${WINDOW} - now()))::float8 AS ms
       FROM (SELECT h, count(*) OVER () AS n, row_number() OVER (ORDER BY h) AS i
               FROM throttles t, unnest(t.hits) AS h
              WHERE t.key = $1 AND h > now() - ${WINDOW}) x
      WHERE x.i = greatest(x.n - $3 + 1, 1)`,
    [key, windowMs, max],
  );
  return free?.ms ?? 0;
}

/** Gives back one slot: removes the hit `at` (microseconds since the epoch) once, if still there. */
export async function releaseSlot(q: Queryable, key: string, at: number): Promise<void> {
  await execute(
    q,
    `UPDATE throttles t
        SET hits = t.hits[:array_position(t.hits, x.at) - 1] || t.hits[array_position(t.hits, x.at) + 1:]
       FROM (SELECT timestamptz 'epoch' + $2::bigint * interval '1 microsecond' AS at) x
      WHERE t.key = $1 AND x.at = ANY (t.hits)`,
    [key, at],
  );
}

/** Forgets every attempt under `key`. */
export async function clearKey(q: Queryable, key: string): Promise<void> {
  await execute(q, 'DELETE FROM throttles WHERE key = $1', [key]);
}

/**
 * Deletes rows whose window has passed, at most `limit` at a time. Rows another request holds are
 * skipped (it is using them), so this never waits for a lock nor deadlocks with a login.
 */
export async function deleteExpired(q: Queryable, limit: number): Promise<number> {
  const deleted = await rows(
    q,
    z.object({}),
    `DELETE FROM throttles WHERE key IN (
       SELECT key FROM throttles WHERE expires_at < now() LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING 1`,
    [limit],
  );
  return deleted.length;
}

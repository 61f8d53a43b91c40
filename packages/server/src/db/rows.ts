import { z } from 'zod';
import type { Queryable } from './db.js';

/**
 * Typed rows. `Queryable.query` answers `unknown[]`: what a statement returns is only known once it
 * is checked. Every read goes through `rows`/`row`/`oneRow` with the row's Zod shape, so a column
 * that is renamed, dropped or typed differently in a migration fails loudly at the first query
 * instead of travelling on as a wrong claim. Statements whose result nobody reads use `execute`.
 *
 * The column helpers absorb the two drivers' differences: PostgreSQL (node-postgres) and PGlite
 * both give `timestamptz` as Date and `date` as 'YYYY-MM-DD' text (see postgres.ts); `bigint`
 * (count(*)) is parsed to number by node-postgres and may be bigint or number in PGlite.
 */
export const col = {
  uuid: z.string(),
  text: z.string(),
  int: z.union([z.number(), z.bigint(), z.string()]).transform((v) => Number(v)),
  num: z.union([z.number(), z.string()]).transform((v) => Number(v)),
  bool: z.boolean(),
  timestamp: z.date(),
  date: z.string(),
  textArray: z.array(z.string()),
  json: z.unknown(),
};

/** A row shape: a Zod object over the statement's column names. */
export type RowShape = z.ZodType<object>;

/** Checks raw rows against `shape`; `sql` only names the statement in the error. */
export function parseRows<S extends RowShape>(shape: S, result: unknown[], sql = ''): z.output<S>[] {
  const out: z.output<S>[] = new Array(result.length);
  for (let i = 0; i < result.length; i++) {
    const parsed = shape.safeParse(result[i]);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(
        `row ${i} does not fit its shape at ${first?.path.join('.') || '(row)'}: ${first?.message} — ${sql.slice(0, 120)}`,
      );
    }
    out[i] = parsed.data;
  }
  return out;
}

/** All rows of `sql`, each checked against `shape`. */
export async function rows<S extends RowShape>(
  q: Queryable,
  shape: S,
  sql: string,
  params?: readonly unknown[],
): Promise<z.output<S>[]> {
  return parseRows(shape, await q.query(sql, params), sql);
}

/** The first row of `sql` (checked), or undefined when there is none. */
export async function row<S extends RowShape>(
  q: Queryable,
  shape: S,
  sql: string,
  params?: readonly unknown[],
): Promise<z.output<S> | undefined> {
  const result = await q.query(sql, params);
  return result.length === 0 ? undefined : parseRows(shape, result.slice(0, 1), sql)[0];
}

/** The one row `sql` must return (an aggregate, an INSERT … RETURNING); a missing row is a bug. */
export async function oneRow<S extends RowShape>(
  q: Queryable,
  shape: S,
  sql: string,
  params?: readonly unknown[],
): Promise<z.output<S>> {
  const found = await row(q, shape, sql, params);
  if (found === undefined) throw new Error(`expected a row — ${sql.slice(0, 120)}`);
  return found;
}

/** The id of the row an `INSERT … RETURNING id` wrote. */
export async function insertedId(q: Queryable, sql: string, params?: readonly unknown[]): Promise<string> {
  return (await oneRow(q, idRow, sql, params)).id;
}

/**
 * Whether `sql` answers a row: an existence check (`SELECT 1 …`), or a write whose `RETURNING` tells
 * that it hit. No column of the row is read.
 */
export async function hasRow(q: Queryable, sql: string, params?: readonly unknown[]): Promise<boolean> {
  return (await q.query(sql, params)).length > 0;
}

/** A statement whose rows nobody reads (INSERT/UPDATE/DELETE without RETURNING, DDL, locks). */
export async function execute(q: Queryable, sql: string, params?: readonly unknown[]): Promise<void> {
  await q.query(sql, params);
}

/** The usual shapes of one-column answers. */
export const idRow = z.object({ id: col.uuid });
export const countRow = z.object({ n: col.int });

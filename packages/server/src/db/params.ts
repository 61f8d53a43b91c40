import type { Queryable } from './db.js';

/** Collects positional parameters while SQL is assembled: `p.add(v)` returns `$n`. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * One page of `SELECT <select> <fromWhere> ORDER BY <order>` with the total of all matching rows
 * (a window count, so one round trip). Only past the last page, where no row carries the count,
 * does it count separately. Parameters of `fromWhere` and `order` must already be in `p`; a
 * `select` that needs parameters of its own (what the viewer may open) is a function, given `p`
 * after the count's parameters are taken.
 */
export async function selectPage<R extends object>(
  q: Queryable,
  p: Params,
  parts: { select: string | ((p: Params) => string); fromWhere: string; order: string },
  page: { limit: number; offset: number },
): Promise<{ rows: R[]; total: number }> {
  const filterParams = [...p.values];
  const select = typeof parts.select === 'function' ? parts.select(p) : parts.select;
  const rows = await q.query<R & { total: number }>(
    `SELECT ${select}, count(*) OVER () AS total ${parts.fromWhere}
      ORDER BY ${parts.order} LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
    p.values,
  );
  if (rows.length > 0) return { rows, total: Number(rows[0]!.total) };
  if (page.offset === 0) return { rows, total: 0 };
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${parts.fromWhere}`, filterParams);
  return { rows, total: count?.n ?? 0 };
}

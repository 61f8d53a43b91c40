import { DEFAULT_CATEGORIES, DEFAULT_SIGNAL_CATEGORIES } from '@wijkregie/shared';
import type { Queryable } from '../db/db.js';

/** Creates a municipality with the default information categories. System-level: start-up and tests. */
export async function createTenant(q: Queryable, name: string, demo = false): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    'INSERT INTO tenants (name, demo) VALUES ($1, $2) RETURNING id',
    [name, demo],
  );
  const id = row!.id;
  await q.query(
    `INSERT INTO categories (tenant_id, key, label, position)
     SELECT $1, c.key, c.label, c.ord FROM jsonb_to_recordset($2::jsonb) AS c (key text, label text, ord int)`,
    [id, JSON.stringify(DEFAULT_CATEGORIES.map((c, i) => ({ ...c, ord: i + 1 })))],
  );
  await q.query(
    `INSERT INTO signal_categories (tenant_id, key, label, public_report, deadline_days, deadline_working, position)
     SELECT $1, c.key, c.label, c.pub, c.days, c.working, c.ord
       FROM jsonb_to_recordset($2::jsonb) AS c (key text, label text, pub boolean, days int, working boolean, ord int)`,
    [
      id,
      JSON.stringify(
        DEFAULT_SIGNAL_CATEGORIES.map((c, i) => ({
          key: c.key,
          label: c.label,
          pub: c.publicReport,
          days: c.deadline.days,
          working: c.deadline.working,
          ord: i + 1,
        })),
      ),
    ],
  );
  return id;
}

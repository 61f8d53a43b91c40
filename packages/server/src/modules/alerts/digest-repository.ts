import { ALERT_KINDS } from '@wijkregie/shared';
import { z } from 'zod';
import { userSeesCaseSql } from '../../access/cases.js';
import { partnerReadsAnyCategorySql } from '../../access/categories.js';
import type { Queryable } from '../../db/db.js';
import { col, rows } from '../../db/rows.js';

/** Users with undigested alerts who want a daily digest and have none for `day` yet. */
export function usersDueForDigest(q: Queryable, day: string) {
  return rows(
    q,
    z.object({ tenant_id: col.uuid, user_id: col.uuid }),
    `SELECT DISTINCT a.tenant_id, a.user_id FROM alerts a JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.user_id
      WHERE a.digested_at IS NULL AND u.email_preference = 'daily' AND u.active
        AND NOT EXISTS (SELECT 1 FROM digest_runs d WHERE d.user_id = a.user_id AND d.day = $1::date)`,
    [day],
  );
}

/** Marks the user's digest of `day` as taken; false when another instance took it first. */
export async function claimDigestRun(q: Queryable, tenantId: string, userId: string, day: string) {
  const claimed = await rows(
    q,
    z.object({ day: col.date }),
    `INSERT INTO digest_runs (tenant_id, user_id, day) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING day::text`,
    [tenantId, userId, day],
  );
  return claimed.length > 0;
}

/**
 * Marks the user's undigested alerts digested and answers them per case and kind — only about cases
 * the user can still see, and about life domains only while the user's partner may read one of
 * their categories — with the user's address; alerts about area approaches per kind, without a
 * reference (null). `n` counts changes: a bundle of three entries is three.
 */
export function takeDigestItems(q: Queryable, tenantId: string, userId: string) {
  return rows(
    q,
    z.object({ kind: z.enum(ALERT_KINDS), reference: col.text.nullable(), n: col.int, email: col.text }),
    `WITH mine AS (
       UPDATE alerts a SET digested_at = now()
        WHERE a.tenant_id = $1 AND a.user_id = $2 AND a.digested_at IS NULL
       RETURNING a.kind, a.case_id, a.signal_id, a.approach_id, a.count, a.categories)
     SELECT m.kind, c.reference, sum(m.count)::int AS n, u.email
       FROM mine m LEFT JOIN cases c ON c.tenant_id = $1 AND c.id = m.case_id
       JOIN users u ON u.tenant_id = $1 AND u.id = $2
      WHERE (c.id IS NOT NULL AND ${userSeesCaseSql('u', 'c')}
             AND (m.categories IS NULL OR ${partnerReadsAnyCategorySql('u.partner_id', 'm.categories', '$1')}))
         OR (m.case_id IS NULL AND m.signal_id IS NULL AND m.approach_id IS NOT NULL)
      GROUP BY m.kind, c.reference, u.email
      ORDER BY c.reference NULLS LAST, m.kind`,
    [tenantId, userId],
  );
}

import { SIGNAL_STATUSES } from '@wijkregie/shared';
import { z } from 'zod';
import type { Queryable } from '../../db/db.js';
import { col, idRow, row, rows } from '../../db/rows.js';

/** The SQL of the residents' side, which runs before a tenant is known (the system handle). */

/**
 * The municipality of the public pages: the one asked for (`?gemeente=` with its id), or else the
 * first municipality of this installation (one installation usually serves one municipality).
 */
export async function publicTenant(q: Queryable, requested?: string): Promise<string | undefined> {
  const found = requested
    ? await row(q, idRow, 'SELECT id FROM tenants WHERE id = $1', [requested])
    : await row(q, idRow, 'SELECT id FROM tenants ORDER BY created_at, id LIMIT 1');
  return found?.id;
}

/** A report by its tracking code (any tenant: the code is unguessable), with its public updates. */
export async function findByTrackingCode(q: Queryable, code: string) {
  const found = await row(
    q,
    z.object({
      id: col.uuid,
      tenant_id: col.uuid,
      status: z.enum(SIGNAL_STATUSES),
      created_at: col.timestamp,
    }),
    'SELECT id, tenant_id, status, created_at FROM signals WHERE tracking_code = $1',
    [code],
  );
  if (!found) return undefined;
  const updates = await rows(
    q,
    z.object({ at: col.timestamp, text: col.text }),
    `SELECT at, public_text AS text FROM signal_history
      WHERE tenant_id = $1 AND signal_id = $2 AND public_text IS NOT NULL ORDER BY at, id`,
    [found.tenant_id, found.id],
  );
  return { ...found, updates };
}

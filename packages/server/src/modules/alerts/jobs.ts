import { z } from 'zod';
import type { Db } from '../../db/db.js';
import { col, rows } from '../../db/rows.js';
import { TenantScope } from '../../db/scope.js';
import { amsterdamDate } from '../../lib/time.js';
import { raiseAlert } from './raise-alert.js';

// TEMPORARY: alertOverdueActions moves to modules/actions/alert-overdue-actions.ts (helper H2); this
// file goes as soon as that exists. Nothing else of the old Jobs class is left here.

const CHUNK = 500;

/**
 * Overdue detection: every open action past its due date alerts once per due date (moving the
 * deadline arms it again). Safe on several instances: rows are claimed with SKIP LOCKED and the
 * alerts are written in the same transaction as the mark.
 */
export async function alertOverdueActions(
  db: Db,
  publicUrl: string,
  today = amsterdamDate(),
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await rows(
        tx,
        z.object({
          id: col.uuid,
          tenant_id: col.uuid,
          case_id: col.uuid,
          assignee_user_id: col.uuid.nullable(),
        }),
        `WITH due AS (
           SELECT id FROM actions
            WHERE status = 'open' AND due_date < $1::date AND overdue_alerted_for IS DISTINCT FROM due_date
            ORDER BY due_date LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED)
         UPDATE actions a SET overdue_alerted_for = a.due_date FROM due WHERE a.id = due.id
         RETURNING a.id, a.tenant_id, a.case_id, a.assignee_user_id`,
        [today],
      );
      for (const r of due) {
        await raiseAlert(new TenantScope(tx, r.tenant_id), publicUrl, {
          kind: 'action_overdue',
          caseId: r.case_id,
          actorUserId: null,
          actionId: r.id,
          assigneeUserId: r.assignee_user_id,
        });
      }
      return due.length;
    });
    total += n;
    if (n < CHUNK) return total;
  }
}

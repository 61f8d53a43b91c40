import { handleInChunks } from '../../background/chunks.js';
import type { Db } from '../../db/db.js';
import { amsterdamDate } from '../../lib/time.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { claimOverdueActions } from './repository.js';

/**
 * The scheduler's job for due dates: every open action past its due date alerts once per due date
 * (moving the deadline arms it again). Over all tenants; safe on several instances: rows are claimed
 * with SKIP LOCKED and the alerts are written in the same transaction as the mark. Answers how many.
 */
export async function alertOverdueActions(
  db: Db,
  publicUrl: string,
  today = amsterdamDate(),
): Promise<number> {
  return handleInChunks(
    db,
    (tx, limit) => claimOverdueActions(tx, today, limit),
    async (s, r) => {
      await raiseAlert(s, publicUrl, {
        kind: 'action_overdue',
        caseId: r.case_id,
        actorUserId: null,
        actionId: r.id,
        assigneeUserId: r.assignee_user_id,
      });
    },
  );
}

import { dueDateJob } from '../../background/chunks.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { claimOverdueActions } from './repository.js';

/**
 * The scheduler's job for due dates: every open action past its due date alerts once per due date
 * (moving the deadline arms it again). Over all tenants; safe on several instances: rows are claimed
 * with SKIP LOCKED and the alerts are written in the same transaction as the mark. Answers how many.
 */
export const alertOverdueActions = dueDateJob(claimOverdueActions, async (s, publicUrl, r) => {
  await raiseAlert(s, publicUrl, {
    kind: 'action_overdue',
    caseId: r.case_id,
    actorUserId: null,
    actionId: r.id,
    assigneeUserId: r.assignee_user_id,
  });
});

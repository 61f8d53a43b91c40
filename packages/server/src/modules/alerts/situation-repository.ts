import { z } from 'zod';
import { col, execute, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

const countsRow = z.object({
  new_entries: col.int,
  actions_created: col.int,
  actions_done: col.int,
  open_actions: col.int,
  overdue_actions: col.int,
});

const statusChangeRow = z.object({ from: col.text.nullable(), to: col.text, at: col.timestamp });

export async function caseChangesSince(
  s: TenantScope,
  caseId: string,
  userId: string,
  partnerId: string,
  today: string,
) {
  const look = await row(
    s.q,
    z.object({ at: col.timestamp }),
    'SELECT at FROM case_looks WHERE tenant_id = $1 AND case_id = $2 AND user_id = $3',
    [s.tenantId, caseId, userId],
  );
  const since = look?.at ?? null;
  const counts = await oneRow(
    s.q,
    countsRow,
    `SELECT
       (SELECT count(*)::int FROM entries e
         WHERE e.tenant_id = $1 AND e.case_id = $2 AND e.author_user_id <> $3
           AND ($4::timestamptz IS NULL OR e.created_at > $4)
           AND e.category IN (SELECT m.category FROM access_matrix m
                               WHERE m.tenant_id = $1 AND m.partner_id = $5 AND m.access IN ('read', 'write'))) AS new_entries,
       (SELECT count(*)::int FROM actions a WHERE a.tenant_id = $1 AND a.case_id = $2
           AND ($4::timestamptz IS NULL OR a.created_at > $4)) AS actions_created,
       (SELECT count(DISTINCT h.action_id)::int FROM action_history h JOIN actions a ON a.id = h.action_id
         WHERE a.tenant_id = $1 AND a.case_id = $2 AND h.change->'status'->>'to' = 'done'
           AND ($4::timestamptz IS NULL OR h.at > $4)) AS actions_done,
       (SELECT count(*)::int FROM actions a WHERE a.tenant_id = $1 AND a.case_id = $2 AND a.status = 'open') AS open_actions,
       (SELECT count(*)::int FROM actions a WHERE a.tenant_id = $1 AND a.case_id = $2 AND a.status = 'open'
           AND a.due_date < $6::date) AS overdue_actions`,
    [s.tenantId, caseId, userId, since, partnerId, today],
  );
  const statusChanges = await rows(
    s.q,
    statusChangeRow,
    `SELECT from_status AS "from", to_status AS "to", at FROM case_status_history
      WHERE tenant_id = $1 AND case_id = $2 AND ($3::timestamptz IS NULL OR at > $3) ORDER BY at, id`,
    [s.tenantId, caseId, since],
  );
  return {
    previousLookAt: since ? since.toISOString() : null,
    newEntries: counts.new_entries,
    statusChanges: statusChanges.map((x) => ({ from: x.from, to: x.to, at: x.at.toISOString() })),
    actionsCreated: counts.actions_created,
    actionsDone: counts.actions_done,
    openActions: counts.open_actions,
    overdueActions: counts.overdue_actions,
  };
}

export async function recordLook(s: TenantScope, caseId: string, userId: string): Promise<void> {
  await execute(
    s.q,
    `INSERT INTO case_looks (tenant_id, case_id, user_id, at) VALUES ($1, $2, $3, clock_timestamp())
     ON CONFLICT (case_id, user_id) DO UPDATE SET at = excluded.at`,
    [s.tenantId, caseId, userId],
  );
}

import {
  ACTION_STATUSES,
  type ActionHistory,
  type ActionSortField,
  type ActionStatus,
  type Collection,
  type Sorting,
} from '@wijkregie/shared';
import { z } from 'zod';
import { caseVisibleSql } from '../../access/cases.js';
import { goalIdVisibleSql } from '../../access/categories.js';
import { meetingIdVisibleSql } from '../../access/meetings.js';
import type { Viewer } from '../../access/viewer.js';
import type { Queryable } from '../../db/db.js';
import { orderOf } from '../../db/order.js';
import { type PageRequest, Params, selectPage } from '../../db/params.js';
import { col, execute, hasRow, insertedId, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { Changes, updateById } from '../../db/update.js';

/** The SQL of actions: the action with what the viewer may see of its meeting, its history, and the overdue claim. */

export interface ActionRecord {
  id: string;
  caseId: string;
  caseReference: string;
  title: string;
  ownerPartnerId: string;
  assigneeUserId: string | null;
  assigneeName: string | null;
  dueDate: string;
  status: ActionStatus;
  result: string | null;
  meetingId: string | null;
  goalId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Of the case: decides, with the owner partner, who may change the action. */
  caseDirectorUserId: string | null;
}

const actionRow = z.object({
  id: col.uuid,
  case_id: col.uuid,
  reference: col.text,
  title: col.text,
  owner_partner_id: col.uuid,
  assignee_user_id: col.uuid.nullable(),
  assignee_name: col.text.nullable(),
  due_date: col.date,
  status: z.enum(ACTION_STATUSES),
  result: col.text.nullable(),
  meeting_id: col.uuid.nullable(),
  goal_id: col.uuid.nullable(),
  created_at: col.timestamp,
  updated_at: col.timestamp,
  director_user_id: col.uuid.nullable(),
});
type ActionRow = z.infer<typeof actionRow>;

/**
 * The columns of an action as `v` gets it: its meeting only if `v` may open that meeting, its goal
 * only if `v` may read the goal's life domain.
 */
const select = (v: Viewer, p: Params) => `a.id, a.case_id, c.reference, c.director_user_id, a.title,
  a.owner_partner_id, a.assignee_user_id,
  (SELECT u.name FROM users u WHERE u.tenant_id = a.tenant_id AND u.id = a.assignee_user_id) AS assignee_name,
  a.due_date, a.status, a.result, a.created_at, a.updated_at,
  CASE WHEN ${meetingIdVisibleSql('a.meeting_id', v, p)} THEN a.meeting_id END AS meeting_id,
  CASE WHEN ${goalIdVisibleSql('a.goal_id', 'a.tenant_id', v, p)} THEN a.goal_id END AS goal_id`;
const FROM = 'FROM actions a JOIN cases c ON c.tenant_id = a.tenant_id AND c.id = a.case_id';

const toRecord = (r: ActionRow): ActionRecord => ({
  id: r.id,
  caseId: r.case_id,
  caseReference: r.reference,
  title: r.title,
  ownerPartnerId: r.owner_partner_id,
  assigneeUserId: r.assignee_user_id,
  assigneeName: r.assignee_name,
  dueDate: r.due_date,
  status: r.status,
  result: r.result,
  meetingId: r.meeting_id,
  goalId: r.goal_id,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  caseDirectorUserId: r.director_user_id,
});

export async function insertAction(
  s: TenantScope,
  a: {
    caseId: string;
    title: string;
    ownerPartnerId: string;
    assigneeUserId: string | null;
    dueDate: string;
    meetingId: string | null;
    goalId: string | null;
    createdBy: string;
  },
): Promise<string> {
  return insertedId(
    s.q,
    `INSERT INTO actions (tenant_id, case_id, title, owner_partner_id, assignee_user_id, due_date, meeting_id,
                          goal_id, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      s.tenantId,
      a.caseId,
      a.title,
      a.ownerPartnerId,
      a.assigneeUserId,
      a.dueDate,
      a.meetingId,
      a.goalId,
      a.createdBy,
    ],
  );
}

/** The action by id, whoever asks (the use case checks the case), with what `v` may see of its meeting. */
export async function findAction(
  s: TenantScope,
  id: string,
  v: Viewer,
  lock = false,
): Promise<ActionRecord | undefined> {
  if (lock) {
    await execute(s.q, 'SELECT 1 FROM actions WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [s.tenantId, id]);
  }
  const p = new Params();
  const found = await row(
    s.q,
    actionRow,
    `SELECT ${select(v, p)} ${FROM} WHERE a.tenant_id = ${p.add(s.tenantId)} AND a.id = ${p.add(id)}`,
    p.values,
  );
  return found ? toRecord(found) : undefined;
}

export interface ActionFilter {
  mine?: boolean;
  partner?: boolean;
  overdue?: boolean;
  dueFrom?: string;
  dueTo?: string;
  status?: ActionStatus | undefined;
  caseId?: string | undefined;
  meetingId?: string | undefined;
}

/** The columns an action list may be sorted on. */
const ACTION_SORT: Record<ActionSortField, string> = {
  title: 'lower(a.title)',
  dueDate: 'a.due_date',
  status: 'a.status',
  createdAt: 'a.created_at',
};

/** Actions of cases the viewer sees, filtered and paged in SQL. `today` decides what is overdue. */
export async function listActions(
  s: TenantScope,
  v: Viewer,
  f: ActionFilter,
  today: string,
  page: PageRequest,
  by?: Sorting<ActionSortField>,
): Promise<Collection<ActionRecord>> {
  const p = new Params();
  const where = [`a.tenant_id = ${p.add(s.tenantId)}`, caseVisibleSql('c', v, p)];
  if (f.mine) {
    // Mine: assigned to me, or to my organisation without a named person.
    where.push(
      `(a.assignee_user_id = ${p.add(v.userId)} OR (a.assignee_user_id IS NULL AND a.owner_partner_id = ${p.add(v.partnerId)}))`,
    );
  }
  if (f.partner) where.push(`a.owner_partner_id = ${p.add(v.partnerId)}`);
  if (f.overdue) where.push(`a.status = 'open' AND a.due_date < ${p.add(today)}::date`);
  if (f.dueFrom) where.push(`a.due_date >= ${p.add(f.dueFrom)}::date`);
  if (f.dueTo) where.push(`a.due_date <= ${p.add(f.dueTo)}::date`);
  if (f.status) where.push(`a.status = ${p.add(f.status)}`);
  if (f.caseId) where.push(`a.case_id = ${p.add(f.caseId)}`);
  if (f.meetingId) {
    // A meeting the viewer may not open has no actions for them.
    const m = p.add(f.meetingId);
    where.push(`a.meeting_id = ${m} AND ${meetingIdVisibleSql(m, v, p)}`);
  }
  const { rows: found, total } = await selectPage(
    s.q,
    actionRow,
    p,
    {
      select: (sp: Params) => select(v, sp),
      fromWhere: `${FROM} WHERE ${where.join(' AND ')}`,
      order: orderOf(by, ACTION_SORT, 'a.due_date, a.created_at, a.id'),
    },
    page,
  );
  return { items: found.map(toRecord), total };
}

export async function updateActionRow(
  s: TenantScope,
  id: string,
  u: { status?: ActionStatus; result?: string | null; dueDate?: string; assigneeUserId?: string | null },
): Promise<void> {
  await updateById(
    s,
    'actions',
    id,
    new Changes('updated_at = now()')
      .set('status', u.status)
      .set('result', u.result)
      .set('due_date', u.dueDate, '::date')
      .set('assignee_user_id', u.assigneeUserId),
  );
}

/** Marks the overdue alert as sent for the current due date (so the scheduler does not repeat it). */
export async function markOverdueAlerted(s: TenantScope, id: string): Promise<void> {
  await execute(s.q, 'UPDATE actions SET overdue_alerted_for = due_date WHERE tenant_id = $1 AND id = $2', [
    s.tenantId,
    id,
  ]);
}

export async function insertActionHistory(
  s: TenantScope,
  actionId: string,
  userId: string | null,
  change: Record<string, unknown>,
): Promise<void> {
  await execute(
    s.q,
    'INSERT INTO action_history (tenant_id, action_id, user_id, change) VALUES ($1, $2, $3, $4::jsonb)',
    [s.tenantId, actionId, userId, JSON.stringify(change)],
  );
}

const historyRow = z.object({
  at: col.timestamp,
  user_id: col.uuid,
  user_name: col.text,
  change: z.record(z.string(), z.unknown()),
});

/** The changes of the action, oldest first, with who made them. */
export async function actionHistory(s: TenantScope, actionId: string): Promise<ActionHistory[]> {
  const found = await rows(
    s.q,
    historyRow,
    `SELECT h.at, h.user_id, u.name AS user_name, h.change FROM action_history h
       JOIN users u ON u.tenant_id = h.tenant_id AND u.id = h.user_id
      WHERE h.tenant_id = $1 AND h.action_id = $2 ORDER BY h.at, h.id`,
    [s.tenantId, actionId],
  );
  return found.map((r) => ({
    at: r.at.toISOString(),
    userId: r.user_id,
    userName: r.user_name,
    change: r.change,
  }));
}

/** Whether the user is an active user of the partner, and the partner still takes part. */
export async function isUserOfPartner(s: TenantScope, userId: string, partnerId: string): Promise<boolean> {
  return hasRow(
    s.q,
    `SELECT u.id FROM users u JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
      WHERE u.tenant_id = $1 AND u.id = $2 AND u.partner_id = $3 AND u.active AND p.active`,
    [s.tenantId, userId, partnerId],
  );
}

/**
 * Claims up to `limit` open actions of any tenant past their due date that were not alerted for this
 * due date yet, and marks them alerted. Rows another instance holds are skipped (SKIP LOCKED); the
 * caller raises the alerts in the same transaction.
 */
export async function claimOverdueActions(tx: Queryable, today: string, limit: number) {
  return rows(
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
        ORDER BY due_date LIMIT $2 FOR UPDATE SKIP LOCKED)
     UPDATE actions a SET overdue_alerted_for = a.due_date FROM due WHERE a.id = due.id
     RETURNING a.id, a.tenant_id, a.case_id, a.assignee_user_id`,
    [today, limit],
  );
}

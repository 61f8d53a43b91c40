import {
  type AgendaAction,
  type Attendance,
  CASE_STATUSES,
  type CaseFacts,
  type CaseStatus,
  type Collection,
  MEETING_KINDS,
  MEETING_STATUSES,
  type MeetingKind,
  type MeetingSortField,
  type MeetingStatus,
  type Sorting,
} from '@wijkregie/shared';
import { z } from 'zod';
import { goalIdVisibleSql } from '../../access/categories.js';
import { meetingVisibleSql } from '../../access/meetings.js';
import type { Viewer } from '../../access/viewer.js';
import { orderOf } from '../../db/order.js';
import { type PageRequest, Params, selectPage } from '../../db/params.js';
import { col, execute, insertedId, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { addLinks, Changes, updateById } from '../../db/update.js';

/** The SQL of meetings: the meeting with its partners and agenda, and the facts of the agenda's cases. */

export interface MeetingRecord {
  id: string;
  title: string;
  kind: MeetingKind;
  startsAt: string;
  place: string | null;
  chairUserId: string;
  chairName: string;
  partnerIds: string[];
  /** Every case on the agenda, in order; who sees which item is decided per caller. */
  caseIds: string[];
  seriesId: string | null;
  createdAt: string;
  createdByUserId: string;
  status: MeetingStatus;
  cancelledAt: string | null;
}

const meetingRow = z.object({
  id: col.uuid,
  title: col.text,
  kind: z.enum(MEETING_KINDS),
  starts_at: col.timestamp,
  place: col.text.nullable(),
  chair_user_id: col.uuid,
  chair_name: col.text,
  partner_ids: col.textArray,
  case_ids: col.textArray,
  series_id: col.uuid.nullable(),
  created_at: col.timestamp,
  created_by_user_id: col.uuid,
  status: z.enum(MEETING_STATUSES),
  cancelled_at: col.timestamp.nullable(),
});
type MeetingRow = z.infer<typeof meetingRow>;

const SELECT = `m.id, m.title, m.kind, m.starts_at, m.place, m.chair_user_id, m.series_id, m.created_at, m.created_by_user_id,
  m.status, m.cancelled_at,
  (SELECT u.name FROM users u WHERE u.tenant_id = m.tenant_id AND u.id = m.chair_user_id) AS chair_name,
  ARRAY(SELECT mp.partner_id FROM meeting_partners mp WHERE mp.meeting_id = m.id ORDER BY mp.partner_id) AS partner_ids,
  ARRAY(SELECT ma.case_id FROM meeting_agenda ma WHERE ma.meeting_id = m.id ORDER BY ma.position) AS case_ids`;

const toRecord = (r: MeetingRow): MeetingRecord => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  startsAt: r.starts_at.toISOString(),
  place: r.place,
  chairUserId: r.chair_user_id,
  chairName: r.chair_name,
  partnerIds: r.partner_ids,
  caseIds: r.case_ids,
  seriesId: r.series_id,
  createdAt: r.created_at.toISOString(),
  createdByUserId: r.created_by_user_id,
  status: r.status,
  cancelledAt: r.cancelled_at ? r.cancelled_at.toISOString() : null,
});

export async function insertMeeting(
  s: TenantScope,
  m: {
    title: string;
    kind: MeetingKind;
    startsAt: string;
    place: string | null;
    chairUserId: string;
    seriesId: string | null;
    createdByUserId: string;
    createdByPartnerId: string;
  },
): Promise<string> {
  return insertedId(
    s.q,
    `INSERT INTO meetings (tenant_id, title, kind, starts_at, place, chair_user_id, series_id, created_by_user_id, created_by_partner_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      s.tenantId,
      m.title,
      m.kind,
      m.startsAt,
      m.place,
      m.chairUserId,
      m.seriesId,
      m.createdByUserId,
      m.createdByPartnerId,
    ],
  );
}

export async function setMeetingPartners(
  s: TenantScope,
  meetingId: string,
  partnerIds: readonly string[],
): Promise<void> {
  await execute(s.q, 'DELETE FROM meeting_partners WHERE tenant_id = $1 AND meeting_id = $2', [
    s.tenantId,
    meetingId,
  ]);
  await addLinks(s, 'meeting_partners', 'meeting_id', meetingId, 'partner_id', partnerIds);
}

export async function setAgenda(
  s: TenantScope,
  meetingId: string,
  caseIds: readonly string[],
): Promise<void> {
  await execute(s.q, 'DELETE FROM meeting_agenda WHERE tenant_id = $1 AND meeting_id = $2', [
    s.tenantId,
    meetingId,
  ]);
  const ids = [...new Set(caseIds)];
  if (ids.length) {
    await execute(
      s.q,
      `INSERT INTO meeting_agenda (tenant_id, meeting_id, case_id, position)
       SELECT $1, $2, c, ord FROM unnest($3::uuid[]) WITH ORDINALITY AS x (c, ord)`,
      [s.tenantId, meetingId, ids],
    );
  }
}

export async function updateMeetingRow(
  s: TenantScope,
  id: string,
  u: { title?: string; startsAt?: string; place?: string | null },
): Promise<void> {
  await updateById(
    s,
    'meetings',
    id,
    new Changes().set('title', u.title).set('starts_at', u.startsAt).set('place', u.place),
  );
}

/** Cancels the meeting: it stays, with who cancelled it and when. */
export async function cancelMeetingRow(s: TenantScope, id: string, userId: string): Promise<void> {
  await execute(
    s.q,
    `UPDATE meetings SET status = 'cancelled', cancelled_at = now(), cancelled_by_user_id = $3
      WHERE tenant_id = $1 AND id = $2 AND status <> 'cancelled'`,
    [s.tenantId, id, userId],
  );
}

/** The meeting locked for a change in this transaction (two chairs editing at once take turns). */
export async function lockMeeting(s: TenantScope, id: string): Promise<void> {
  await execute(s.q, 'SELECT 1 FROM meetings WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [s.tenantId, id]);
}

/** Records present or absent per person; who is not named keeps what was recorded before. */
export async function recordAttendance(
  s: TenantScope,
  meetingId: string,
  entries: readonly { userId: string; present: boolean }[],
  recordedByUserId: string,
): Promise<void> {
  if (!entries.length) return;
  await execute(
    s.q,
    `INSERT INTO meeting_attendance (tenant_id, meeting_id, user_id, present, recorded_by_user_id)
     SELECT $1, $2, x.u, x.p, $5 FROM unnest($3::uuid[], $4::boolean[]) AS x (u, p)
     ON CONFLICT (meeting_id, user_id) DO UPDATE
       SET present = EXCLUDED.present, recorded_by_user_id = EXCLUDED.recorded_by_user_id, recorded_at = now()`,
    [s.tenantId, meetingId, entries.map((e) => e.userId), entries.map((e) => e.present), recordedByUserId],
  );
}

/** The attendance lists of these meetings, by meeting, each sorted by name (one query for all). */
export async function attendanceOf(
  s: TenantScope,
  meetingIds: readonly string[],
): Promise<Map<string, Attendance[]>> {
  const out = new Map<string, Attendance[]>();
  if (!meetingIds.length) return out;
  const found = await rows(
    s.q,
    z.object({
      meeting_id: col.uuid,
      user_id: col.uuid,
      name: col.text,
      partner_id: col.uuid,
      present: col.bool,
    }),
    `SELECT a.meeting_id, a.user_id, u.name, u.partner_id, a.present
       FROM meeting_attendance a JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.user_id
      WHERE a.tenant_id = $1 AND a.meeting_id = ANY ($2::uuid[])
      ORDER BY lower(u.name), u.id`,
    [s.tenantId, [...meetingIds]],
  );
  for (const r of found) {
    const list = out.get(r.meeting_id) ?? [];
    list.push({ userId: r.user_id, name: r.name, partnerId: r.partner_id, present: r.present });
    out.set(r.meeting_id, list);
  }
  return out;
}

/** The partner of each of these users of the tenant (who may be on an attendance list). */
export async function partnersOfUsers(
  s: TenantScope,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const found = await rows(
    s.q,
    z.object({ id: col.uuid, partner_id: col.uuid }),
    'SELECT id, partner_id FROM users WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
    [s.tenantId, [...userIds]],
  );
  return new Map(found.map((r) => [r.id, r.partner_id]));
}

/** The meeting by id in the tenant, whoever asks: the caller decides with `seesMeeting`. */
export async function findMeeting(s: TenantScope, id: string): Promise<MeetingRecord | undefined> {
  const found = await row(
    s.q,
    meetingRow,
    `SELECT ${SELECT} FROM meetings m WHERE m.tenant_id = $1 AND m.id = $2`,
    [s.tenantId, id],
  );
  return found ? toRecord(found) : undefined;
}

/** The columns a meeting list may be sorted on. */
const MEETING_SORT: Record<MeetingSortField, string> = {
  startsAt: 'm.starts_at',
  title: 'lower(m.title)',
  kind: 'm.kind',
  place: 'lower(m.place)',
};

/** Meetings the viewer sees, filtered by time and agenda, paged in SQL. */
export async function listMeetings(
  s: TenantScope,
  v: Viewer,
  f: { from?: string | undefined; to?: string | undefined; caseId?: string | undefined },
  order: 'asc' | 'desc',
  page: PageRequest,
  by?: Sorting<MeetingSortField>,
): Promise<Collection<MeetingRecord>> {
  const p = new Params();
  const where = [`m.tenant_id = ${p.add(s.tenantId)}`, meetingVisibleSql('m', v, p)];
  if (f.from) where.push(`m.starts_at >= ${p.add(f.from)}::timestamptz`);
  if (f.to) where.push(`m.starts_at < ${p.add(f.to)}::timestamptz`);
  if (f.caseId) {
    where.push(
      `EXISTS (SELECT 1 FROM meeting_agenda fa WHERE fa.meeting_id = m.id AND fa.case_id = ${p.add(f.caseId)})`,
    );
  }
  const { rows: found, total } = await selectPage(
    s.q,
    meetingRow,
    p,
    {
      select: SELECT,
      fromWhere: `FROM meetings m WHERE ${where.join(' AND ')}`,
      order: orderOf(by, MEETING_SORT, `m.starts_at ${order === 'asc' ? 'ASC' : 'DESC'}, m.id`),
    },
    page,
  );
  return { items: found.map(toRecord), total };
}

export interface AgendaCase extends CaseFacts {
  id: string;
  reference: string;
  title: string;
  status: CaseStatus;
}

const agendaCaseRow = z.object({
  id: col.uuid,
  reference: col.text,
  title: col.text,
  status: z.enum(CASE_STATUSES),
  director_user_id: col.uuid.nullable(),
  partner_ids: col.textArray,
});

/** The facts of the agenda's cases that decide who sees which item. */
export async function agendaCases(
  s: TenantScope,
  caseIds: readonly string[],
): Promise<Map<string, AgendaCase>> {
  if (!caseIds.length) return new Map();
  const found = await rows(
    s.q,
    agendaCaseRow,
    `SELECT c.id, c.reference, c.title, c.status, c.director_user_id,
            ARRAY(SELECT cp.partner_id FROM case_partners cp WHERE cp.case_id = c.id) AS partner_ids
       FROM cases c WHERE c.tenant_id = $1 AND c.id = ANY ($2::uuid[])`,
    [s.tenantId, [...caseIds]],
  );
  return new Map(
    found.map((r) => [
      r.id,
      {
        id: r.id,
        reference: r.reference,
        title: r.title,
        status: r.status,
        directorUserId: r.director_user_id,
        partnerIds: r.partner_ids,
      },
    ]),
  );
}

/** The names of the tenant's partners, by id (the PDF names the invited ones). */
export async function partnerNames(s: TenantScope): Promise<Map<string, string>> {
  const found = await rows(
    s.q,
    z.object({ id: col.uuid, name: col.text }),
    'SELECT id, name FROM partners WHERE tenant_id = $1',
    [s.tenantId],
  );
  return new Map(found.map((r) => [r.id, r.name]));
}

const overdueActionRow = z.object({
  id: col.uuid,
  case_id: col.uuid,
  title: col.text,
  owner_partner_id: col.uuid,
  assignee_name: col.text.nullable(),
  due_date: col.date,
  goal_id: col.uuid.nullable(),
});

/**
 * The overdue actions (open, due before `today`) of these cases, which the caller has checked the
 * viewer sees, by case, oldest due date first; the goal only when the viewer may read its domain.
 */
export async function overdueActionsOf(
  s: TenantScope,
  v: Viewer,
  caseIds: readonly string[],
  today: string,
): Promise<Map<string, AgendaAction[]>> {
  const out = new Map<string, AgendaAction[]>();
  if (caseIds.length === 0) return out;
  const p = new Params();
  const found = await rows(
    s.q,
    overdueActionRow,
    `SELECT a.id, a.case_id, a.title, a.owner_partner_id, a.due_date,
            (SELECT u.name FROM users u WHERE u.tenant_id = a.tenant_id AND u.id = a.assignee_user_id) AS assignee_name,
            CASE WHEN ${goalIdVisibleSql('a.goal_id', 'a.tenant_id', v, p)} THEN a.goal_id END AS goal_id
       FROM actions a
      WHERE a.tenant_id = ${p.add(s.tenantId)} AND a.case_id = ANY (${p.add([...new Set(caseIds)])}::uuid[])
        AND a.status = 'open' AND a.due_date < ${p.add(today)}::date
      ORDER BY a.due_date, a.created_at, a.id`,
    p.values,
  );
  for (const r of found) {
    const list = out.get(r.case_id) ?? [];
    list.push({
      id: r.id,
      title: r.title,
      ownerPartnerId: r.owner_partner_id,
      assigneeName: r.assignee_name,
      dueDate: r.due_date,
      goalId: r.goal_id,
    });
    out.set(r.case_id, list);
  }
  return out;
}

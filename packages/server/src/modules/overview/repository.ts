import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  MEETING_KINDS,
  OVERVIEW_ITEMS,
  SIGNAL_STATUSES,
} from '@wijkregie/shared';
import { z } from 'zod';
import { caseIdVisibleSql, caseVisibleSql } from '../../access/cases.js';
import { categoryAllowedSql, domainReadableSql } from '../../access/categories.js';
import { meetingVisibleSql } from '../../access/meetings.js';
import { signalVisibleSql } from '../../access/signals.js';
import type { Viewer } from '../../access/viewer.js';
import { Params } from '../../db/params.js';
import { col, oneRow, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/*
 * The SQL of the start page. One statement per section: the counts ride along as window counts on
 * the first few rows (or come from one aggregate), so a section costs one round trip whatever it
 * holds. Whose work a section covers follows the viewer: a regisseur's is the municipality's, anybody
 * else's is their own and their organisation's — always within what the access twins let them see.
 */

/** Signals still waiting for first contact (the twin of the inbox's "open"). */
const AWAITING = `('new', 'triage', 'visit_planned')`;

const actionRow = z.object({
  id: col.uuid,
  title: col.text,
  case_id: col.uuid,
  reference: col.text,
  due_date: col.date,
  assignee_name: col.text.nullable(),
  overdue_n: col.int,
  week_n: col.int,
});

/**
 * Open actions due up to `weekEnd`: the viewer's own (assigned to them, or unassigned with their
 * organisation — the actions list's "mine") or, for a regisseur, all; overdue first.
 */
export async function dueActions(s: TenantScope, v: Viewer, today: string, weekEnd: string) {
  const p = new Params();
  const t = p.add(s.tenantId);
  const todayP = p.add(today);
  const where = [
    `a.tenant_id = ${t}`,
    `a.status = 'open'`,
    `a.due_date <= ${p.add(weekEnd)}::date`,
    caseIdVisibleSql('a.case_id', v, p),
  ];
  if (!v.regisseur) {
    where.push(
      `(a.assignee_user_id = ${p.add(v.userId)} OR (a.assignee_user_id IS NULL AND a.owner_partner_id = ${p.add(v.partnerId)}))`,
    );
  }
  const filter = where.join(' AND ');
  // Somebody's own actions are few: found by assignee and owner first (the fence), then sorted; a plan that
  // does not know the parameters would otherwise walk every open action of the tenant in due order.
  const mine = v.regisseur ? '' : 'OFFSET 0';
  // The counts in a subquery of their own over the actions alone (run once): a window count over the
  // joined rows looked up the case of every open action, 17,000 for a regisseur on the bench (50 ms).
  const found = await rows(
    s.q,
    actionRow,
    `SELECT a.id, a.title, a.case_id, c.reference, a.due_date::text AS due_date, u.name AS assignee_name,
            k.overdue_n, k.week_n
       FROM (SELECT a.* FROM actions a WHERE ${filter} ${mine}) a
       JOIN cases c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
       LEFT JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.assignee_user_id
      CROSS JOIN (SELECT count(*) FILTER (WHERE a.due_date < ${todayP}::date) AS overdue_n,
                         count(*) FILTER (WHERE a.due_date >= ${todayP}::date) AS week_n
                    FROM actions a WHERE ${filter}) k
      ORDER BY a.due_date, c.reference, a.id
      LIMIT ${OVERVIEW_ITEMS}`,
    p.values,
  );
  return {
    overdue: found[0]?.overdue_n ?? 0,
    dueThisWeek: found[0]?.week_n ?? 0,
    items: found.map((r) => ({
      id: r.id,
      title: r.title,
      caseId: r.case_id,
      caseReference: r.reference,
      dueDate: r.due_date,
      overdue: r.due_date < today,
      assigneeName: r.assignee_name,
    })),
  };
}

const signalRow = z.object({
  id: col.uuid,
  category_label: col.text,
  status: z.enum(SIGNAL_STATUSES),
  created_at: col.timestamp,
  first_contact_due: col.date.nullable(),
  area_name: col.text.nullable(),
  routed_partner_name: col.text.nullable(),
  awaiting_n: col.int,
  overdue_n: col.int,
});

/**
 * Signals awaiting first contact: routed to the viewer's organisation or, for a regisseur, all of
 * the municipality (the unrouted ones too); the overdue first, then by deadline.
 */
export async function awaitingSignals(s: TenantScope, v: Viewer, today: string) {
  const p = new Params();
  const t = p.add(s.tenantId);
  const todayP = p.add(today);
  const where = [`sg.tenant_id = ${t}`, `sg.status IN ${AWAITING}`, signalVisibleSql('sg', v, p)];
  if (!v.regisseur) where.push(`sg.routed_partner_id = ${p.add(v.partnerId)}`);
  const filter = where.join(' AND ');
  const order = 'sg.first_contact_due NULLS LAST, sg.created_at, sg.id';
  // The first items chosen on the plain signal rows (in the order of migration 036's indexes) and the
  // counts over the signals alone, each run once, as in `dueActions`: a window count joined and sorted
  // every awaiting signal first (a regisseur on the bench: 9,843).
  const found = await rows(
    s.q,
    signalRow,
    `SELECT sg.id, coalesce(sc.label, sg.category) AS category_label, sg.status, sg.created_at,
            sg.first_contact_due::text AS first_contact_due, ar.name AS area_name, rp.name AS routed_partner_name,
            k.awaiting_n, k.overdue_n
       FROM (SELECT sg.* FROM signals sg WHERE ${filter} ORDER BY ${order} LIMIT ${OVERVIEW_ITEMS}) sg
       LEFT JOIN signal_categories sc ON sc.tenant_id = sg.tenant_id AND sc.key = sg.category
       LEFT JOIN areas ar ON ar.tenant_id = sg.tenant_id AND ar.id = sg.area_id
       LEFT JOIN partners rp ON rp.tenant_id = sg.tenant_id AND rp.id = sg.routed_partner_id
      CROSS JOIN (SELECT count(*) AS awaiting_n,
                         count(*) FILTER (WHERE sg.first_contact_due < ${todayP}::date) AS overdue_n
                    FROM signals sg WHERE ${filter}) k
      ORDER BY ${order}`,
    p.values,
  );
  return {
    awaiting: found[0]?.awaiting_n ?? 0,
    overdue: found[0]?.overdue_n ?? 0,
    items: found.map((r) => ({
      id: r.id,
      categoryLabel: r.category_label,
      status: r.status,
      receivedAt: r.created_at.toISOString(),
      firstContactDue: r.first_contact_due,
      overdue: r.first_contact_due !== null && r.first_contact_due < today,
      areaName: r.area_name,
      routedPartnerName: r.routed_partner_name,
    })),
  };
}

const meetingRow = z.object({
  id: col.uuid,
  title: col.text,
  kind: z.enum(MEETING_KINDS),
  starts_at: col.timestamp,
  place: col.text.nullable(),
  chair_name: col.text,
  upcoming_n: col.int,
});

/**
 * Meetings from now until `until` that the viewer chairs, planned or is invited to (a regisseur:
 * all), not cancelled ones, the first few with the part of their agenda the viewer sees — one statement for the
 * meetings, one for all their agendas.
 */
export async function upcomingMeetings(s: TenantScope, v: Viewer, until: Date) {
  const p = new Params();
  const t = p.add(s.tenantId);
  const found = await rows(
    s.q,
    meetingRow,
    `SELECT m.id, m.title, m.kind, m.starts_at, m.place, u.name AS chair_name, count(*) OVER () AS upcoming_n
       FROM meetings m JOIN users u ON u.tenant_id = m.tenant_id AND u.id = m.chair_user_id
      WHERE m.tenant_id = ${t} AND m.status = 'planned'
        AND m.starts_at >= now() AND m.starts_at < ${p.add(until.toISOString())}::timestamptz
        AND ${meetingVisibleSql('m', v, p)}
      ORDER BY m.starts_at, m.id
      LIMIT ${OVERVIEW_ITEMS}`,
    p.values,
  );
  const agendas = await agendaOf(
    s,
    v,
    found.map((m) => m.id),
  );
  return {
    upcoming: found[0]?.upcoming_n ?? 0,
    items: found.map((m) => {
      const items = agendas.filter((a) => a.meeting_id === m.id);
      return {
        id: m.id,
        title: m.title,
        kind: m.kind,
        startsAt: m.starts_at.toISOString(),
        place: m.place,
        chairName: m.chair_name,
        agenda: items.flatMap((a) =>
          a.visible && a.case_id && a.reference && a.case_title
            ? [{ caseId: a.case_id, caseReference: a.reference, caseTitle: a.case_title }]
            : [],
        ),
        otherItems: items.filter((a) => !a.visible).length,
      };
    }),
  };
}

const agendaRow = z.object({
  meeting_id: col.uuid,
  visible: col.bool,
  case_id: col.uuid.nullable(),
  reference: col.text.nullable(),
  case_title: col.text.nullable(),
});

/** The agendas of these meetings; what the viewer may not see comes without id, reference or title. */
function agendaOf(s: TenantScope, v: Viewer, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  const p = new Params();
  const t = p.add(s.tenantId);
  const ids = p.add([...meetingIds]);
  const visible = caseVisibleSql('c', v, p);
  return rows(
    s.q,
    agendaRow,
    `SELECT x.meeting_id, x.visible,
            CASE WHEN x.visible THEN x.case_id END AS case_id,
            CASE WHEN x.visible THEN x.reference END AS reference,
            CASE WHEN x.visible THEN x.title END AS case_title
       FROM (SELECT ma.meeting_id, ma.position, c.id AS case_id, c.reference, c.title, coalesce(${visible}, false) AS visible
               FROM meeting_agenda ma JOIN cases c ON c.tenant_id = ma.tenant_id AND c.id = ma.case_id
              WHERE ma.tenant_id = ${t} AND ma.meeting_id = ANY (${ids}::uuid[])) x
      ORDER BY x.meeting_id, x.position`,
    p.values,
  );
}

const WEEK_AGO = "now() - interval '7 days'";

const changedRow = z.object({
  id: col.uuid,
  reference: col.text,
  title: col.text,
  status: col.text,
  changed_at: col.timestamp,
  new_entries: col.int,
  look_at: col.timestamp.nullable(),
  changed_n: col.int,
});

/**
 * Open cases the viewer sees (a regisseur: all) that somebody else changed since the viewer's last
 * look at them — never looked at: in the last seven days. A change is an entry in a category the
 * viewer's organisation may read, a status change, a change to one of the case's actions, or to its plan
 * (a goal or an assessment on a life domain the organisation may read, an evaluation), within
 * the last thirty days (the start page is about what is new; older news waits in the case list).
 * Starts from the recent changes, so the work follows how much happens, not how many cases exist.
 */
export async function changedCases(s: TenantScope, v: Viewer) {
  const p = new Params();
  const t = p.add(s.tenantId);
  const me = p.add(v.userId);
  const visible = caseVisibleSql('c', v, p);
  // The changes of a window, `(from, to]`, optionally only of some cases (`of`: a condition on a case id).
  const changes = (from: string, to: string | null, of: ((caseId: string) => string) | null) => {
    const when = (at: string, caseId: string) =>
      `${at} > ${from}${to ? ` AND ${at} <= ${to}` : ''}${of ? ` AND ${of(caseId)}` : ''}`;
    return `SELECT e.case_id, e.created_at AS at, true AS is_entry FROM entries e
        WHERE e.tenant_id = ${t} AND ${when('e.created_at', 'e.case_id')} AND e.author_user_id <> ${me}
          AND ${categoryAllowedSql('e.category', t, v, p)}
       UNION ALL
       SELECT g.case_id, g.updated_at, false FROM goals g
        WHERE g.tenant_id = ${t} AND ${when('g.updated_at', 'g.case_id')}
          AND g.updated_by_user_id IS DISTINCT FROM ${me} AND ${domainReadableSql('g.domain', t, v, p)}
       UNION ALL
       SELECT a.case_id, a.created_at, false FROM assessments a
        WHERE a.tenant_id = ${t} AND ${when('a.created_at', 'a.case_id')}
          AND a.author_user_id IS DISTINCT FROM ${me}
          AND EXISTS (SELECT 1 FROM assessment_scores sc
                       WHERE sc.tenant_id = a.tenant_id AND sc.assessment_id = a.id
                         AND ${domainReadableSql('sc.domain', t, v, p)})
       UNION ALL
       SELECT ev.case_id, ev.created_at, false FROM evaluations ev
        WHERE ev.tenant_id = ${t} AND ${when('ev.created_at', 'ev.case_id')}
          AND ev.author_user_id IS DISTINCT FROM ${me}
       UNION ALL
       SELECT h.case_id, h.at, false FROM case_status_history h
        WHERE h.tenant_id = ${t} AND ${when('h.at', 'h.case_id')} AND h.user_id <> ${me}
       UNION ALL
       SELECT a.case_id, ah.at, false FROM action_history ah JOIN actions a ON a.tenant_id = ah.tenant_id AND a.id = ah.action_id
        WHERE ah.tenant_id = ${t} AND ${when('ah.at', 'a.case_id')} AND ah.user_id IS DISTINCT FROM ${me}`;
  };
  // A case counts changes since the viewer's look, or of the last seven days when they never looked: so
  // the last seven days of every case, and the 23 days before only of the cases the viewer looked at (the
  // whole thirty days of the tenant were read before: 48,796 entries on the bench at 200,000 cases).
  const found = await rows(
    s.q,
    changedRow,
    `WITH looked AS (
       SELECT lk.case_id, lk.at FROM case_looks lk WHERE lk.tenant_id = ${t} AND lk.user_id = ${me}
     ),
     recent AS (
       ${changes(WEEK_AGO, null, null)}
       UNION ALL
       ${changes("now() - interval '30 days'", WEEK_AGO, (id) => `${id} IN (SELECT case_id FROM looked)`)}
     ),
     news AS (
       SELECT c.id, c.reference, c.title, c.status, l.at AS look_at,
              max(r.at) AS changed_at, count(*) FILTER (WHERE r.is_entry)::int AS new_entries
         FROM recent r JOIN cases c ON c.tenant_id = ${t} AND c.id = r.case_id
         LEFT JOIN looked l ON l.case_id = c.id
        WHERE c.status <> 'closed' AND ${visible}
          AND r.at > coalesce(l.at, ${WEEK_AGO})
        GROUP BY c.id, c.reference, c.title, c.status, l.at
     )
     SELECT id, reference, title, status, changed_at, new_entries, look_at, count(*) OVER () AS changed_n
       FROM news ORDER BY changed_at DESC, id LIMIT ${OVERVIEW_ITEMS}`,
    p.values,
  );
  return {
    changed: found[0]?.changed_n ?? 0,
    items: found.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      changedAt: r.changed_at.toISOString(),
      newEntries: r.new_entries,
      previousLookAt: r.look_at ? r.look_at.toISOString() : null,
    })),
  };
}

/** The persons of these cases, for the audit record of what the start page showed. */
export async function personsOfCases(s: TenantScope, caseIds: readonly string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const found = await rows(
    s.q,
    z.object({ subject_id: col.uuid }),
    `SELECT DISTINCT subject_id FROM case_subjects
      WHERE tenant_id = $1 AND case_id = ANY ($2::uuid[]) AND kind = 'person'`,
    [s.tenantId, [...caseIds]],
  );
  return found.map((r) => r.subject_id);
}

const monitorRow = z.object({
  signals: col.int,
  households: col.int,
  contacted: col.int,
  referred: col.int,
});

/**
 * The monitor's headline figures for the month from `from` to `to`, over every creditor signal of
 * the municipality — the same definitions as the monitor (early-warning/monitor-repository.ts),
 * with each household counted once over all creditors.
 */
export function monitorFigures(s: TenantScope, from: string, to: string) {
  return oneRow(
    s.q,
    monitorRow,
    `SELECT count(*)::int AS signals,
            count(DISTINCT coalesce(sg.address_key, sg.id::text))::int AS households,
            count(*) FILTER (WHERE sg.status IN ('contacted', 'referred')
              OR EXISTS (SELECT 1 FROM visits x WHERE x.signal_id = sg.id
                          AND x.outcome IN ('contact', 'help_accepted', 'referred', 'declined')))::int AS contacted,
            count(*) FILTER (WHERE sg.status = 'referred'
              OR EXISTS (SELECT 1 FROM visits x WHERE x.signal_id = sg.id AND x.outcome = 'referred'))::int AS referred
       FROM signals sg
      WHERE sg.tenant_id = $1 AND sg.creditor_type IS NOT NULL
        AND coalesce(sg.signal_date, sg.created_at::date) BETWEEN $2::date AND $3::date`,
    [s.tenantId, from, to],
  );
}

const deniedRow = z.object({
  id: col.uuid,
  at: col.timestamp,
  user_name: col.text.nullable(),
  partner_name: col.text.nullable(),
  action: z.enum(AUDIT_ACTIONS),
  object_type: z.enum(AUDIT_OBJECT_TYPES),
  denied_n: col.int,
});

/** Refused attempts at personal data in the last seven days, newest first. */
export async function recentDenials(s: TenantScope) {
  const found = await rows(
    s.q,
    deniedRow,
    `SELECT l.id, l.at, u.name AS user_name, pa.name AS partner_name, l.action, l.object_type,
            count(*) OVER () AS denied_n
       FROM audit_log l
       LEFT JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.user_id
       LEFT JOIN partners pa ON pa.tenant_id = l.tenant_id AND pa.id = l.partner_id
      WHERE l.tenant_id = $1 AND l.action = 'denied' AND l.at > now() - interval '7 days'
      ORDER BY l.seq DESC
      LIMIT ${OVERVIEW_ITEMS}`,
    [s.tenantId],
  );
  return {
    deniedLastWeek: found[0]?.denied_n ?? 0,
    items: found.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userName: r.user_name,
      partnerName: r.partner_name,
      action: r.action,
      objectType: r.object_type,
    })),
  };
}

/** The municipality's emails that failed for good, and those still waiting to go. */
export function outboxFigures(s: TenantScope) {
  return oneRow(
    s.q,
    z.object({ failed: col.int, pending: col.int }),
    `SELECT count(*) FILTER (WHERE status = 'failed')::int AS failed,
            count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS pending
       FROM email_outbox WHERE tenant_id = $1`,
    [s.tenantId],
  );
}

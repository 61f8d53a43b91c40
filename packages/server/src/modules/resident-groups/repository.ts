import {
  REPORT_URGENCIES,
  RESIDENT_GROUP_KINDS,
  type ResidentGroupKind,
  SIGNAL_STATUSES,
} from '@wijkregie/shared';
import { z } from 'zod';
import { signalIdVisibleSql } from '../../access/signals.js';
import type { Viewer } from '../../access/viewer.js';
import { Params } from '../../db/params.js';
import { col, execute, hasRow, idRow, insertedId, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/** The SQL of resident groups: the groups with their areas, members and reports. */

const groupRow = z.object({
  id: col.uuid,
  name: col.text,
  kind: z.enum(RESIDENT_GROUP_KINDS),
  contact_email: col.text,
  coordinator_user_id: col.uuid,
  coordinator_name: col.text,
  member_count: col.int,
  areas: z.array(z.object({ id: col.uuid, name: col.text })),
  created_at: col.timestamp,
});
export type GroupRow = z.infer<typeof groupRow>;

const GROUP_SELECT = `SELECT g.id, g.name, g.kind, g.contact_email, g.coordinator_user_id, u.name AS coordinator_name,
    (SELECT count(*) FROM resident_group_members m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id)
      AS member_count,
    coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name, a.id)
      FROM resident_group_areas ga JOIN areas a ON a.tenant_id = ga.tenant_id AND a.id = ga.area_id
      WHERE ga.tenant_id = g.tenant_id AND ga.group_id = g.id), '[]'::json) AS areas,
    g.created_at
  FROM resident_groups g JOIN users u ON u.tenant_id = g.tenant_id AND u.id = g.coordinator_user_id`;

export function findGroup(s: TenantScope, id: string): Promise<GroupRow | undefined> {
  return row(s.q, groupRow, `${GROUP_SELECT} WHERE g.tenant_id = $1 AND g.id = $2`, [s.tenantId, id]);
}

/** The groups, or those working in an area (a wijk also finds the groups of its buurten), by name. */
export function listGroups(s: TenantScope, areaId: string | null): Promise<GroupRow[]> {
  const p = new Params();
  const where = [`g.tenant_id = ${p.add(s.tenantId)}`];
  if (areaId) {
    const a = p.add(areaId);
    where.push(`EXISTS (SELECT 1 FROM resident_group_areas ga JOIN areas a
        ON a.tenant_id = ga.tenant_id AND a.id = ga.area_id
      WHERE ga.tenant_id = g.tenant_id AND ga.group_id = g.id
        AND (a.id = ${a} OR a.parent_id = ${a} OR a.id = (SELECT parent_id FROM areas WHERE tenant_id = g.tenant_id AND id = ${a})))`);
  }
  return rows(s.q, groupRow, `${GROUP_SELECT} WHERE ${where.join(' AND ')} ORDER BY g.name, g.id`, p.values);
}

/** An active regisseur or professional of the municipality (of an active partner): a group's coordinator. */
export function activeCoordinator(s: TenantScope, userId: string): Promise<boolean> {
  return hasRow(
    s.q,
    `SELECT 1 FROM users u JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
      WHERE u.tenant_id = $1 AND u.id = $2 AND u.active AND p.active
        AND u.roles && ARRAY['regisseur', 'professional']::text[]`,
    [s.tenantId, userId],
  );
}

/** Of these area ids, those of the municipality. */
export async function knownAreaIds(s: TenantScope, ids: readonly string[]): Promise<Set<string>> {
  const found = await rows(s.q, idRow, 'SELECT id FROM areas WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [
    s.tenantId,
    [...ids],
  ]);
  return new Set(found.map((r) => r.id));
}

export interface NewGroup {
  name: string;
  kind: ResidentGroupKind;
  contactEmail: string;
  coordinatorUserId: string;
  createdBy: string;
  areaIds: readonly string[];
}

export async function insertGroup(s: TenantScope, g: NewGroup): Promise<string> {
  const id = await insertedId(
    s.q,
    `INSERT INTO resident_groups (tenant_id, name, kind, contact_email, coordinator_user_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [s.tenantId, g.name, g.kind, g.contactEmail, g.coordinatorUserId, g.createdBy],
  );
  await execute(
    s.q,
    `INSERT INTO resident_group_areas (tenant_id, group_id, area_id)
     SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
    [s.tenantId, id, [...g.areaIds]],
  );
  return id;
}

const memberRow = z.object({
  id: col.uuid,
  name: col.text,
  email: col.text,
  phone: col.text.nullable(),
  role: col.text,
  created_at: col.timestamp,
});
export type MemberRow = z.infer<typeof memberRow>;

export function listMembers(s: TenantScope, groupId: string): Promise<MemberRow[]> {
  return rows(
    s.q,
    memberRow,
    `SELECT id, name, email, phone, role, created_at FROM resident_group_members
      WHERE tenant_id = $1 AND group_id = $2 ORDER BY name, id`,
    [s.tenantId, groupId],
  );
}

export function insertMember(
  s: TenantScope,
  groupId: string,
  m: { name: string; email: string; phone: string | null; role: string },
): Promise<MemberRow> {
  return oneRow(
    s.q,
    memberRow,
    `INSERT INTO resident_group_members (tenant_id, group_id, name, email, phone, role)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, name, email, phone, role, created_at`,
    [s.tenantId, groupId, m.name, m.email, m.phone, m.role],
  );
}

/** Deletes the member of the group; answers whether there was one. */
export function deleteMember(s: TenantScope, groupId: string, memberId: string): Promise<boolean> {
  return hasRow(
    s.q,
    'DELETE FROM resident_group_members WHERE tenant_id = $1 AND group_id = $2 AND id = $3 RETURNING id',
    [s.tenantId, groupId, memberId],
  );
}

const reportRow = z.object({
  id: col.uuid,
  shown_id: col.uuid.nullable(),
  category: col.text,
  urgency: z.enum(REPORT_URGENCIES).nullable(),
  status: z.enum(SIGNAL_STATUSES),
  tracking_code: col.text.nullable(),
  created_at: col.timestamp,
});

/** The group's reports, newest first; `shown_id` only where `v` may open the signal. */
export function listGroupReportRows(s: TenantScope, groupId: string, v: Viewer) {
  const p = new Params();
  return rows(
    s.q,
    reportRow,
    `SELECT sg.id, CASE WHEN ${signalIdVisibleSql('sg.id', 'sg.tenant_id', v, p)} THEN sg.id END AS shown_id,
        sg.category, sg.urgency, sg.status, sg.tracking_code, sg.created_at
      FROM signals sg WHERE sg.tenant_id = ${p.add(s.tenantId)} AND sg.resident_group_id = ${p.add(groupId)}
      ORDER BY sg.created_at DESC, sg.id LIMIT 200`,
    p.values,
  );
}

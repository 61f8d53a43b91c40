import { AREA_KINDS, SOCIAL_MAP_ROLES, type SocialMapEntry, type SocialMapRole } from '@wijkregie/shared';
import { z } from 'zod';
import { caseVisibleSql } from '../../access/cases.js';
import { meetingVisibleSql } from '../../access/meetings.js';
import type { Viewer } from '../../access/viewer.js';
import { Params } from '../../db/params.js';
import { col, execute, idRow, insertedId, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { addLinks, Changes, updateById } from '../../db/update.js';

/** The SQL of the sociale kaart: the people, their partner and the areas they work in. */

const entryRow = z.object({
  id: col.uuid,
  name: col.text,
  partner_id: col.uuid,
  partner_name: col.text,
  role: z.enum(SOCIAL_MAP_ROLES),
  phone: col.text.nullable(),
  email: col.text.nullable(),
  availability: col.text.nullable(),
  areas: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(AREA_KINDS) })),
});

function toEntry(r: z.output<typeof entryRow>): SocialMapEntry {
  return {
    id: r.id,
    name: r.name,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    role: r.role,
    areas: r.areas,
    ...(r.phone !== null ? { phone: r.phone } : {}),
    ...(r.email !== null ? { email: r.email } : {}),
    ...(r.availability !== null ? { availability: r.availability } : {}),
  };
}

const ENTRY_SELECT = `
  SELECT e.id, e.name, e.partner_id, p.name AS partner_name, e.role, e.phone, e.email, e.availability,
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'kind', a.kind)
                                    ORDER BY a.kind DESC, a.name)
                     FROM social_map_entry_areas ea JOIN areas a ON a.tenant_id = ea.tenant_id AND a.id = ea.area_id
                    WHERE ea.tenant_id = e.tenant_id AND ea.entry_id = e.id), '[]'::jsonb) AS areas
    FROM social_map_entries e JOIN partners p ON p.tenant_id = e.tenant_id AND p.id = e.partner_id`;

/**
 * The active people on the map: of areas (a buurt with its wijk, a wijk with its buurten), or all; `q`
 * matches name or organisation (case-insensitive) or one of `roles`. Ordered by role, then name.
 */
export async function listEntries(
  s: TenantScope,
  f: {
    areaIds: readonly string[] | null;
    q: string | null;
    roles: readonly SocialMapRole[];
    role: SocialMapRole | null;
  },
): Promise<SocialMapEntry[]> {
  const pattern = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const found = await rows(
    s.q,
    entryRow,
    `${ENTRY_SELECT}
      WHERE e.tenant_id = $1 AND e.active
        AND ($2::uuid[] IS NULL OR EXISTS (
              SELECT 1 FROM social_map_entry_areas ea JOIN areas a ON a.tenant_id = ea.tenant_id AND a.id = ea.area_id
               WHERE ea.tenant_id = e.tenant_id AND ea.entry_id = e.id
                 AND (a.id = ANY ($2) OR a.parent_id = ANY ($2)
                      OR a.id IN (SELECT parent_id FROM areas WHERE tenant_id = $1 AND id = ANY ($2)))))
        AND ($3::text IS NULL OR e.name ILIKE $3 OR p.name ILIKE $3 OR e.role = ANY ($4::text[]))
        AND ($5::text IS NULL OR e.role = $5)
      ORDER BY array_position($6::text[], e.role), e.name, e.id`,
    [s.tenantId, f.areaIds && [...f.areaIds], pattern, [...f.roles], f.role, [...SOCIAL_MAP_ROLES]],
  );
  return found.map(toEntry);
}

/** One active person on the map, or undefined. */
export async function findEntry(s: TenantScope, id: string): Promise<SocialMapEntry | undefined> {
  const found = await row(
    s.q,
    entryRow,
    `${ENTRY_SELECT} WHERE e.tenant_id = $1 AND e.id = $2 AND e.active`,
    [s.tenantId, id],
  );
  return found && toEntry(found);
}

/** The partner of an active person on the map, locked for the change; undefined when there is none. */
export async function lockEntryPartner(s: TenantScope, id: string): Promise<string | undefined> {
  const found = await row(
    s.q,
    z.object({ partner_id: col.uuid }),
    'SELECT partner_id FROM social_map_entries WHERE tenant_id = $1 AND id = $2 AND active FOR UPDATE',
    [s.tenantId, id],
  );
  return found?.partner_id;
}

/** The ids among `ids` that are areas of the municipality. */
export async function existingAreaIds(s: TenantScope, ids: readonly string[]): Promise<Set<string>> {
  const found = await rows(
    s.q,
    idRow,
    'SELECT id FROM areas WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
    [s.tenantId, [...ids]],
  );
  return new Set(found.map((r) => r.id));
}

export interface EntryValues {
  name: string;
  partnerId: string;
  role: SocialMapRole;
  areaIds: readonly string[];
  phone: string | null;
  email: string | null;
  availability: string | null;
}

export async function insertEntry(s: TenantScope, v: EntryValues): Promise<string> {
  const id = await insertedId(
    s.q,
    `INSERT INTO social_map_entries (tenant_id, partner_id, name, role, phone, email, availability)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [s.tenantId, v.partnerId, v.name, v.role, v.phone, v.email, v.availability],
  );
  await addLinks(s, 'social_map_entry_areas', 'entry_id', id, 'area_id', v.areaIds);
  return id;
}

/** Changes the fields given (`null` empties phone, email or availability); `areaIds` replaces the areas. */
export async function updateEntry(
  s: TenantScope,
  id: string,
  v: Partial<Omit<EntryValues, 'phone' | 'email' | 'availability'>> &
    Partial<Pick<EntryValues, 'phone' | 'email' | 'availability'>>,
): Promise<void> {
  await updateById(
    s,
    'social_map_entries',
    id,
    new Changes('updated_at = clock_timestamp()')
      .set('name', v.name)
      .set('partner_id', v.partnerId)
      .set('role', v.role)
      .set('phone', v.phone)
      .set('email', v.email)
      .set('availability', v.availability),
  );
  if (v.areaIds) {
    await execute(s.q, 'DELETE FROM social_map_entry_areas WHERE tenant_id = $1 AND entry_id = $2', [
      s.tenantId,
      id,
    ]);
    await addLinks(s, 'social_map_entry_areas', 'entry_id', id, 'area_id', v.areaIds);
  }
}

/** Takes a person off the map (the row stays, inactive, as the audit log's object). */
export async function deactivateEntry(s: TenantScope, id: string): Promise<void> {
  await execute(
    s.q,
    'UPDATE social_map_entries SET active = false, updated_at = clock_timestamp() WHERE tenant_id = $1 AND id = $2',
    [s.tenantId, id],
  );
}

const areaRow = z.object({ id: col.uuid, name: col.text, kind: z.enum(AREA_KINDS) });

/** The areas with these ids, wijken first, by name. */
export function areasByIds(s: TenantScope, ids: readonly string[]) {
  return rows(
    s.q,
    areaRow,
    'SELECT id, name, kind FROM areas WHERE tenant_id = $1 AND id = ANY ($2::uuid[]) ORDER BY kind DESC, name',
    [s.tenantId, [...ids]],
  );
}

/**
 * The wijken of the cases on a meeting's agenda that the viewer sees (a case in a buurt: its wijk), or
 * undefined when the viewer does not see the meeting.
 */
export async function meetingWijkIds(
  s: TenantScope,
  v: Viewer,
  meetingId: string,
): Promise<string[] | undefined> {
  const p = new Params();
  const found = await rows(
    s.q,
    z.object({ wijk_id: col.uuid.nullable() }),
    `SELECT DISTINCT coalesce(a.parent_id, a.id) AS wijk_id
       FROM meetings m
       LEFT JOIN meeting_agenda ma ON ma.tenant_id = m.tenant_id AND ma.meeting_id = m.id
       LEFT JOIN cases c ON c.tenant_id = m.tenant_id AND c.id = ma.case_id AND ${caseVisibleSql('c', v, p)}
       LEFT JOIN areas a ON a.tenant_id = c.tenant_id AND a.id = c.area_id
      WHERE m.tenant_id = ${p.add(s.tenantId)} AND m.id = ${p.add(meetingId)} AND ${meetingVisibleSql('m', v, p)}`,
    p.values,
  );
  if (found.length === 0) return undefined;
  return found.flatMap((r) => (r.wijk_id === null ? [] : [r.wijk_id]));
}

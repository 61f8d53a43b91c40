import type { Incident, IncidentCategory } from '@wijkregie/shared';
import { z } from 'zod';
import { col, hasRow, idRow, oneRow, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

const categoryRow = z.object({ key: col.text, label: col.text });

/** The municipality's kinds of incident, in their order. */
export function incidentCategories(s: TenantScope): Promise<IncidentCategory[]> {
  return rows(
    s.q,
    categoryRow,
    'SELECT key, label FROM incident_categories WHERE tenant_id = $1 ORDER BY position, key',
    [s.tenantId],
  );
}

export function incidentCategoryExists(s: TenantScope, key: string): Promise<boolean> {
  return hasRow(s.q, 'SELECT 1 FROM incident_categories WHERE tenant_id = $1 AND key = $2', [
    s.tenantId,
    key,
  ]);
}

/** Whether the source already has an incident with this number. */
export function externalIdTaken(s: TenantScope, source: string, externalId: string): Promise<boolean> {
  return hasRow(s.q, 'SELECT 1 FROM incidents WHERE tenant_id = $1 AND source = $2 AND external_id = $3', [
    s.tenantId,
    source,
    externalId,
  ]);
}

export interface IncidentValues {
  category: string;
  occurredAt: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  areaId: string | null;
  description: string | null;
  source: string;
  externalId: string | null;
}

const incidentRow = z.object({
  id: col.uuid,
  category: col.text,
  occurred_at: col.timestamp,
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  address: col.text.nullable(),
  area_id: col.uuid.nullable(),
  description: col.text.nullable(),
  source: col.text,
  external_id: col.text.nullable(),
  created_at: col.timestamp,
});

const toIncident = (r: z.output<typeof incidentRow>): Incident => ({
  id: r.id,
  category: r.category,
  occurredAt: r.occurred_at.toISOString(),
  lat: r.lat,
  lng: r.lng,
  address: r.address,
  areaId: r.area_id,
  description: r.description,
  source: r.source,
  externalId: r.external_id,
  createdAt: r.created_at.toISOString(),
});

export async function insertIncident(s: TenantScope, v: IncidentValues, userId: string): Promise<Incident> {
  const r = await oneRow(
    s.q,
    incidentRow,
    `INSERT INTO incidents (tenant_id, category, occurred_at, lat, lng, address, area_id, description, source,
                            external_id, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     RETURNING id, category, occurred_at, lat, lng, address, area_id, description, source, external_id, created_at`,
    [
      s.tenantId,
      v.category,
      v.occurredAt,
      v.lat,
      v.lng,
      v.address,
      v.areaId,
      v.description,
      v.source,
      v.externalId,
      userId,
    ],
  );
  return toIncident(r);
}

/**
 * A batch of imported incidents in one statement; a row whose source already has its number (in the
 * database or earlier in the batch) is skipped. Answers the ids of the new ones.
 */
export async function insertIncidents(
  s: TenantScope,
  batch: readonly IncidentValues[],
  userId: string,
  importId: string,
): Promise<string[]> {
  const found = await rows(
    s.q,
    idRow,
    `INSERT INTO incidents (tenant_id, category, occurred_at, lat, lng, address, area_id, description, source,
                            external_id, created_by_user_id, import_id)
     SELECT $1, r.category, r."occurredAt", r.lat, r.lng, r.address, r."areaId", r.description, r.source,
            r."externalId", $3, $4
       FROM jsonb_to_recordset($2::jsonb) AS r (category text, "occurredAt" timestamptz, lat float8, lng float8,
            address text, "areaId" uuid, description text, source text, "externalId" text)
     ON CONFLICT (tenant_id, source, external_id) WHERE external_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [s.tenantId, JSON.stringify(batch), userId, importId],
  );
  return found.map((r) => r.id);
}

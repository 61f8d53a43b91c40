import type { HowToReportContent } from '@wijkregie/shared';
import { howToReportContentSchema } from '@wijkregie/shared';
import { z } from 'zod';
import { col, oneRow, row } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/** The SQL of the municipality's "what and how to report" text (one row per municipality, or none). */

const textRow = z.object({ content: howToReportContentSchema, updated_at: col.timestamp });

export function findHowToReport(s: TenantScope) {
  return row(s.q, textRow, 'SELECT content, updated_at FROM how_to_report WHERE tenant_id = $1', [
    s.tenantId,
  ]);
}

export function saveHowToReport(s: TenantScope, content: HowToReportContent, userId: string) {
  return oneRow(
    s.q,
    textRow,
    `INSERT INTO how_to_report (tenant_id, content, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, clock_timestamp())
     ON CONFLICT (tenant_id) DO UPDATE SET content = EXCLUDED.content, updated_by = EXCLUDED.updated_by,
       updated_at = EXCLUDED.updated_at
     RETURNING content, updated_at`,
    [s.tenantId, JSON.stringify(content), userId],
  );
}

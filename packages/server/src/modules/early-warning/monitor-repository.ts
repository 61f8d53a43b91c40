import { CREDITOR_TYPES, type MonitorRow } from '@wijkregie/shared';
import { z } from 'zod';
import { signalVisibleSql } from '../../access/signals.js';
import type { Viewer } from '../../access/viewer.js';
import { Params } from '../../db/params.js';
import { col, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

const monitorRow = z.object({
  creditorType: z.enum(CREDITOR_TYPES),
  month: col.text,
  signals: col.int,
  households: col.int,
  contacted: col.int,
  helpAccepted: col.int,
  referred: col.int,
});

/** The Wgs funnel per creditor type and month, over the creditor signals the viewer sees. */
export async function monitor(s: TenantScope, v: Viewer, from: string, to: string): Promise<MonitorRow[]> {
  const p = new Params();
  const where = [
    `sg.tenant_id = ${p.add(s.tenantId)}`,
    signalVisibleSql('sg', v, p),
    'sg.creditor_type IS NOT NULL',
    `coalesce(sg.signal_date, sg.created_at::date) >= ${p.add(from)}::date`,
    `coalesce(sg.signal_date, sg.created_at::date) <= ${p.add(to)}::date`,
  ];
  return rows(
    s.q,
    monitorRow,
    `SELECT sg.creditor_type AS "creditorType",
            to_char(coalesce(sg.signal_date, sg.created_at::date), 'YYYY-MM') AS month,
            count(*)::int AS signals,
            count(DISTINCT coalesce(sg.address_key, sg.id::text))::int AS households,
            count(*) FILTER (WHERE sg.status IN ('contacted', 'referred')
              OR EXISTS (SELECT 1 FROM visits x WHERE x.signal_id = sg.id
                          AND x.outcome IN ('contact', 'help_accepted', 'referred', 'declined')))::int AS contacted,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM visits x WHERE x.signal_id = sg.id
                          AND x.outcome IN ('help_accepted', 'referred')))::int AS "helpAccepted",
            count(*) FILTER (WHERE sg.status = 'referred'
              OR EXISTS (SELECT 1 FROM visits x WHERE x.signal_id = sg.id AND x.outcome = 'referred'))::int AS referred
       FROM signals sg WHERE ${where.join(' AND ')}
      GROUP BY 1, 2 ORDER BY 2, 1`,
    p.values,
  );
}

import {
  AUDIT_ACTION_LABELS,
  AUDIT_OBJECT_TYPE_LABELS,
  type AuditList,
  type AuditListQuery,
} from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { type CsvDownload, spreadsheetCsv } from '../../lib/spreadsheet-csv.js';
import { amsterdamDate, amsterdamDateTime } from '../../lib/time.js';
import { allAudit, countAudit, searchAudit } from './repository.js';

/** The audit log as a page (JSON), or (`format=csv`) the whole selection as a file to download. */
export type AuditAnswer = { json: AuditList } | { csv: CsvDownload };

/** More than this in one file is no longer something to read: the privacy officer narrows the period. */
const CSV_MAX = 100_000;

const CSV_HEADER = [
  'tijd (Europe/Amsterdam)',
  'gebruiker',
  'partner',
  'actie',
  'objecttype',
  'object',
  'object-id',
  'aantal objecten',
  'doel',
  'record-id',
  'verwerking-id',
  'trace-id',
];

/**
 * `GET /audit`: the tenant's audit log, newest first, by object, user and period; reading it (and
 * exporting it) is itself recorded.
 */
export async function listAudit(ctx: RequestContext, query: AuditListQuery): Promise<AuditAnswer> {
  const { format, limit, offset, ...filter } = query;
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('validation', 'Ongeldige periode', [
      { path: 'to', message: 'Ligt vóór de begindatum' },
    ]);
  }
  const s = ctx.db.read;
  const recorded = { objectId: filter.objectId, userId: filter.userId, from: filter.from, to: filter.to };
  if (format !== 'csv') {
    const result = await searchAudit(s, filter, { limit, offset });
    await ctx.auditRead([{ action: 'read', objectType: 'audit', details: recorded }]);
    return { json: result };
  }
  if ((await countAudit(s, filter)) > CSV_MAX) {
    throw new AppError('validation', 'Te veel records voor één export', [
      {
        path: 'from',
        message: `Meer dan ${CSV_MAX.toLocaleString('nl-NL')} records: kies een kortere periode`,
      },
    ]);
  }
  const lines: unknown[][] = [];
  for await (const r of allAudit(s, filter)) {
    lines.push([
      amsterdamDateTime(new Date(r.at)),
      r.userName ?? (r.userId ? r.userId : 'Systeem'),
      r.partnerName ?? '',
      AUDIT_ACTION_LABELS[r.action],
      AUDIT_OBJECT_TYPE_LABELS[r.objectType],
      r.objectLabel ?? '',
      r.objectId ?? '',
      r.objectIds ? r.objectIds.length : '',
      r.purpose,
      r.id,
      r.processingActivityId ?? '',
      r.traceId ?? '',
    ]);
  }
  await ctx.auditRead([{ action: 'export', objectType: 'audit', details: { ...recorded, format: 'csv' } }]);
  const period = [filter.from, filter.to].filter(Boolean).join('-');
  return {
    csv: {
      filename: `auditlog-${period || amsterdamDate()}.csv`,
      body: spreadsheetCsv(CSV_HEADER, lines),
    },
  };
}

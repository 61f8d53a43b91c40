import { SIGNAL_SOURCE_LABELS, SIGNAL_STATUS_LABELS, type SignalFilterQuery } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { type CsvDownload, spreadsheetCsv } from '../../lib/spreadsheet-csv.js';
import { amsterdamDate, amsterdamDateTime } from '../../lib/time.js';
import { signalCategories } from './configuration-repository.js';
import { allSignals } from './repository.js';
import { filterOf } from './signal-filter.js';

const HEADER = [
  'id',
  // A spreadsheet shows the text as it is: local time, and the header says which.
  'gemeld op (Europe/Amsterdam)',
  'categorie',
  'bron',
  'status',
  'omschrijving',
  'straat',
  'huisnummer',
  'postcode',
  'plaats',
  'eerste contact uiterlijk',
  'te laat',
];

/** `GET /signals/export`: exactly the filtered list as CSV; the export is audited with every signal in it. */
export async function exportSignals(ctx: RequestContext, query: SignalFilterQuery): Promise<CsvDownload> {
  const s = ctx.db.read;
  const cats = new Map((await signalCategories(s)).map((c) => [c.key, c.label]));
  const rows: unknown[][] = [];
  const ids: string[] = [];
  for await (const x of allSignals(s, viewerOf(ctx), filterOf(query), amsterdamDate())) {
    ids.push(x.id);
    rows.push([
      x.id,
      amsterdamDateTime(new Date(x.createdAt)),
      cats.get(x.category) ?? x.category,
      SIGNAL_SOURCE_LABELS[x.source],
      SIGNAL_STATUS_LABELS[x.status],
      x.description,
      x.location.street,
      x.location.houseNumber,
      x.location.postalCode,
      x.location.city,
      x.firstContactDue,
      x.overdue ? 'ja' : 'nee',
    ]);
  }
  await ctx.auditRead([
    {
      action: 'export',
      objectType: 'signal',
      objectIds: ids,
      details: { filter: { ...query }, format: 'csv' },
    },
  ]);
  return { filename: `signalen-${amsterdamDate()}.csv`, body: spreadsheetCsv(HEADER, rows) };
}

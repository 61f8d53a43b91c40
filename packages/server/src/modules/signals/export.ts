import { CREDITOR_TYPE_LABELS, SIGNAL_SOURCE_LABELS, SIGNAL_STATUS_LABELS } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { viewerOf } from '../cases/visibility.js';
import { allSignals, monitor, type SignalFilter, signalCategories } from './repository.js';

/** A CSV cell: quoted when needed, and never a formula when opened in a spreadsheet. */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (values: unknown[]) => `${values.map(cell).join(';')}\r\n`;
/** Semicolons and a BOM: what a Dutch spreadsheet opens without asking. */
const csv = (header: string[], rows: unknown[][]) => `\uFEFF${csvLine(header)}${rows.map(csvLine).join('')}`;

/** Exactly the filtered list as CSV; the export is audited with every signal in it. */
export async function exportSignals(ctx: RequestContext, f: SignalFilter, query: Record<string, unknown>) {
  const s = ctx.db.read;
  const cats = new Map((await signalCategories(s)).map((c) => [c.key, c.label]));
  const rows: unknown[][] = [];
  const ids: string[] = [];
  for await (const x of allSignals(s, viewerOf(ctx), f, amsterdamDate())) {
    ids.push(x.id);
    rows.push([
      x.id,
      x.createdAt,
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
  return {
    filename: `signalen-${amsterdamDate()}.csv`,
    body: csv(
      [
        'id',
        'gemeld op',
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
      ],
      rows,
    ),
  };
}

/** The Wgs funnel for a period (default: the last twelve months), as rows and, if asked, as CSV. */
export async function monitorOf(
  ctx: RequestContext,
  period: { from?: string | undefined; to?: string | undefined },
) {
  const to = period.to ?? amsterdamDate();
  const from = period.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4, 7)}-01`;
  if (from > to)
    throw new AppError('validation', 'Ongeldige periode', [{ path: 'from', message: 'Ligt na "to"' }]);
  const items = await monitor(ctx.db.read, viewerOf(ctx), from, to);
  const toCsv = () => ({
    filename: `monitor-vroegsignalering-${from}-${to}.csv`,
    body: csv(
      ['maand', 'schuldeiser', 'signalen', 'huishoudens', 'contact', 'hulp geaccepteerd', 'doorverwezen'],
      items.map((i) => [
        i.month,
        CREDITOR_TYPE_LABELS[i.creditorType],
        i.signals,
        i.households,
        i.contacted,
        i.helpAccepted,
        i.referred,
      ]),
    ),
  });
  return { items, toCsv };
}

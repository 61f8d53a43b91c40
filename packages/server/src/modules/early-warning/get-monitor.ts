import { CREDITOR_TYPE_LABELS, type Monitor, type MonitorQuery } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { type CsvDownload, spreadsheetCsv } from '../../lib/spreadsheet-csv.js';
import { amsterdamDate } from '../../lib/time.js';
import { monitor } from './monitor-repository.js';

/** The monitor as JSON, or (`format=csv`) as a file to download. */
export type MonitorAnswer = { json: Monitor } | { csv: CsvDownload };

/**
 * `GET /signals/monitor`: the Wgs funnel (signals, households, contact, help accepted, referred) per
 * creditor type and month for a period (default: the last twelve months), as rows or as CSV.
 */
export async function getMonitor(ctx: RequestContext, query: MonitorQuery): Promise<MonitorAnswer> {
  const to = query.to ?? amsterdamDate();
  const from = query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4, 7)}-01`;
  if (from > to)
    throw new AppError('validation', 'Ongeldige periode', [{ path: 'from', message: 'Ligt na "to"' }]);
  const items = await monitor(ctx.db.read, viewerOf(ctx), from, to);
  if (query.format !== 'csv') return { json: { items } };
  return {
    csv: {
      filename: `monitor-vroegsignalering-${from}-${to}.csv`,
      body: spreadsheetCsv(
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
    },
  };
}

import { type ImportAnswer, INCIDENT_COLUMNS, incidentColumnName } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { AppError, invalidField } from '../../http/errors.js';
import { areaLocator } from '../areas/locate.js';
import { audit } from '../audit/record.js';
import { readCsv } from '../imports/csv.js';
import { headerColumns } from '../imports/header.js';
import { runImport, slices } from '../imports/run-import.js';
import { IncidentRowValidator } from './incident-rows.js';
import { incidentCategories, insertIncidents } from './repository.js';

/**
 * `POST /incidents/import`: a partner's export as text/csv (the columns of INCIDENT_COLUMNS, `;` or `,`,
 * with or without BOM). Read as it streams, checked row by row with Dutch messages, stored in batches
 * with progress (see imports/run-import.ts); the same source + number again is a duplicate, not a second
 * incident, so a file can be read again after an interruption. Each incident gets its buurt from its
 * point. An incident is about a place: the file has no column for a person.
 */
export async function importIncidents(ctx: RequestContext, body: unknown): Promise<ImportAnswer> {
  if (!Buffer.isBuffer(body)) throw new AppError('unsupported-media-type', 'Stuur het bestand als text/csv.');
  const records = readCsv(slices(body));
  const head = await records.next();
  if (head.done) throw invalidField('(body)', 'Het bestand is leeg: de kopregel ontbreekt.');
  const columns = headerColumns(head.value, INCIDENT_COLUMNS, incidentColumnName);
  const kinds = new Map<string, string>();
  for (const k of await incidentCategories(ctx.db.read)) {
    kinds.set(k.key.toLowerCase(), k.key);
    kinds.set(k.label.toLowerCase(), k.key);
  }
  const locator = await areaLocator(ctx.db.read.q, ctx.tenantId);
  const validator = new IncidentRowValidator(columns, kinds, locator, new Date());

  return runImport(ctx, records, {
    kind: 'incidents',
    validate: (rec) => validator.validate(rec),
    store: async (s, rows, { importId, batchNo }) => {
      const ids = await insertIncidents(s, rows, ctx.userId, importId);
      await audit(s, ctx, {
        action: 'import',
        objectType: 'incident',
        objectIds: ids,
        details: { importId, batch: batchNo, rows: rows.length, duplicates: rows.length - ids.length },
      });
      return ids.length;
    },
  });
}

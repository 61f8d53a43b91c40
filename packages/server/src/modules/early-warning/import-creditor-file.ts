import { CREDITOR_TYPES, creditorCategory, type ImportAnswer } from '@wijkregie/shared';
import { enqueueWebhookEvents } from '../../background/webhook-repository.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, invalidField } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { audit } from '../audit/record.js';
import { readCsv } from '../imports/csv.js';
import { runImport, slices } from '../imports/run-import.js';
import { headerColumns, RowValidator } from './creditor-rows.js';
import { assertMayImport } from './import-access.js';
import {
  analyzeSignals,
  categoryDeadlines,
  insertCreditorSignals,
  matchedPersonIds,
} from './import-repository.js';
import { matchSignals } from './match-signals.js';

export { IMPORT_BATCH_SIZE } from '../imports/run-import.js';

/**
 * `POST /signals/import` with the body as the route received it: the whole file (the text/csv parser
 * of routes.ts reads it as a Buffer; any other content type is refused with 415).
 */
export async function importCreditorFile(ctx: RequestContext, body: unknown): Promise<ImportAnswer> {
  if (!Buffer.isBuffer(body)) throw new AppError('unsupported-media-type', 'Stuur het bestand als text/csv.');
  return importCreditorRecords(ctx, slices(body));
}

/**
 * Reads the creditor CSV as it streams in, validates each row, inserts the valid ones in batches (one
 * transaction each: insert, matching, alerts, audit, webhook events, progress; see imports/run-import.ts) and reports
 * what was imported, what was a duplicate (same creditor name + reference) and which lines were
 * rejected and why. Nothing in the answer tells the importer about matches with cases.
 */
export async function importCreditorRecords(
  ctx: RequestContext,
  input: AsyncIterable<Buffer | string>,
): Promise<ImportAnswer & { importId: string }> {
  await assertMayImport(ctx);
  const records = readCsv(input);
  const head = await records.next();
  if (head.done) throw invalidField('(body)', 'Het bestand is leeg: de kopregel ontbreekt.');
  const columns = headerColumns(head.value);
  const deadlines = await categoryDeadlines(ctx.db.read, CREDITOR_TYPES.map(creditorCategory));
  const validator = new RowValidator(columns, deadlines, amsterdamDate());

  return runImport(ctx, records, {
    kind: 'creditor',
    validate: (rec) => validator.validate(rec),
    store: async (s, rows, { importId, batchNo }) => {
      const ids = await insertCreditorSignals(s, rows, { userId: ctx.userId, partnerId: ctx.partnerId });
      await matchSignals(s, ids, { userId: ctx.userId, publicUrl: ctx.publicUrl });
      const personIds = await matchedPersonIds(s, ids);
      await audit(s, ctx, {
        action: 'import',
        objectType: 'signal',
        objectIds: ids,
        personIds,
        details: { importId, batch: batchNo, rows: rows.length, duplicates: rows.length - ids.length },
      });
      // Other systems learn of each new signal as of one from the inbox (signal-intake.ts): ids, status and
      // time in one statement for the batch; an imported signal has no point, so no area.
      const receivedAt = new Date().toISOString();
      await enqueueWebhookEvents(
        s,
        'nl.wijkregie.signal.received',
        ids.map((signalId) => ({ signalId, status: 'new', areaId: null, receivedAt })),
      );
      return ids.length;
    },
    // After batches 1, 4, 16, 64, 256: fresh statistics while the table grows (see analyzeSignals).
    afterBatch: async (batchNo) => {
      if (Math.log2(batchNo) % 2 === 0) await analyzeSignals(ctx.db.read.q);
    },
  });
}

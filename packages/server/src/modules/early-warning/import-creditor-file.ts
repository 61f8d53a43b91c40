import { CREDITOR_TYPES, creditorCategory, type ImportAnswer, type ImportResult } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { AppError, conflict, invalidField } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { audit } from '../audit/record.js';
import { headerColumns, RowValidator } from './creditor-rows.js';
import { readCsv } from './csv.js';
import { assertMayImport } from './import-access.js';
import {
  analyzeSignals,
  type CreditorSignalRow,
  categoryDeadlines,
  type ImportCounts,
  insertCreditorSignals,
  insertImportRun,
  matchedPersonIds,
  touchImportRun,
  updateImportRun,
} from './import-repository.js';
import { matchSignals } from './match-signals.js';

/** Rows per INSERT and per transaction. */
export const IMPORT_BATCH_SIZE = 1000;
/** Rejected rows listed in the answer; the rest are counted in one closing line. */
export const MAX_REJECTED_LISTED = 1000;
const IMPORT_HEARTBEAT_MS = 10_000;

const interrupted = () =>
  conflict(
    'De import is onderbroken. De regels tot de onderbreking zijn opgeslagen; lees hetzelfde bestand opnieuw in om verder te gaan (al ingelezen regels worden als dubbel overgeslagen).',
  );

/** A buffer as a stream of 1 MiB slices (views, no copies). */
async function* slices(buf: Buffer, size = 1024 * 1024): AsyncGenerator<Buffer> {
  for (let at = 0; at < buf.length; at += size) yield buf.subarray(at, at + size);
}

/**
 * `POST /signals/import` with the body as the route received it: the whole file (the text/csv parser
 * of routes.ts reads it as a Buffer; any other content type is refused with 415).
 */
export async function importCreditorFile(ctx: RequestContext, body: unknown): Promise<ImportAnswer> {
  if (!Buffer.isBuffer(body)) throw new AppError('unsupported-media-type', 'Stuur het bestand als text/csv.');
  return importCreditorRecords(ctx, slices(body));
}

/**
 * Reads the creditor CSV as it streams in, validates each row, inserts the
 * valid ones in batches (one transaction each: insert, matching, alerts, audit, progress) and
 * reports what was imported, what was a duplicate (same creditor name + reference) and which lines
 * were rejected and why. Nothing in the answer tells the importer about matches with cases.
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

  const keys = CREDITOR_TYPES.map(creditorCategory);
  const deadlines = await categoryDeadlines(ctx.db.read, keys);
  const importId = await insertImportRun(ctx.db.read, ctx.userId);

  const validator = new RowValidator(columns, deadlines, amsterdamDate());
  const counts: ImportCounts = { lines: 0, imported: 0, duplicates: 0, rejected: 0 };
  const rejected: ImportResult['rejected'] = [];
  let batch: CreditorSignalRow[] = [];
  let sinceProgress = 0;
  let batchNo = 0;

  const flush = async () => {
    const rows = batch;
    batch = [];
    sinceProgress = 0;
    if (rows.length === 0) {
      if (!(await updateImportRun(ctx.db.read.q, ctx.tenantId, importId, counts))) throw interrupted();
      return;
    }
    batchNo++;
    const after = await ctx.db.transaction(async (s) => {
      const ids = await insertCreditorSignals(s, rows, { userId: ctx.userId, partnerId: ctx.partnerId });
      await matchSignals(s, ids, { userId: ctx.userId, publicUrl: ctx.publicUrl });
      const personIds = await matchedPersonIds(s, ids);
      const next: ImportCounts = {
        ...counts,
        imported: counts.imported + ids.length,
        duplicates: counts.duplicates + rows.length - ids.length,
      };
      await audit(s, ctx, {
        action: 'import',
        objectType: 'signal',
        objectIds: ids,
        personIds,
        details: { importId, batch: batchNo, rows: rows.length, duplicates: rows.length - ids.length },
      });
      if (!(await updateImportRun(s.q, ctx.tenantId, importId, next))) throw interrupted();
      return next;
    });
    // The counts include a batch only once it is committed.
    counts.imported = after.imported;
    counts.duplicates = after.duplicates;
    // Let other requests in between batches: validation is synchronous work on a file already in memory,
    // and on the embedded database the queries share this thread too.
    await new Promise((resolve) => setImmediate(resolve));
    // After batches 1, 4, 16, 64, 256: fresh statistics while the table grows (see analyzeSignals).
    if (Math.log2(batchNo) % 2 === 0) await analyzeSignals(ctx.db.read.q);
  };

  // The lease: a heartbeat while rows are validated and batches committed. Should this run have been
  // declared interrupted meanwhile (the lease ran out), the next update finds out and the reading stops.
  const heartbeat = setInterval(() => {
    void touchImportRun(ctx.db.read.q, ctx.tenantId, importId).catch(() => {});
  }, IMPORT_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    for await (const rec of records) {
      counts.lines++;
      sinceProgress++;
      const result = validator.validate(rec);
      if (typeof result === 'string') {
        counts.rejected++;
        if (rejected.length < MAX_REJECTED_LISTED) rejected.push({ line: rec.line, message: result });
      } else {
        batch.push(result);
      }
      if (batch.length >= IMPORT_BATCH_SIZE || sinceProgress >= IMPORT_BATCH_SIZE * 4) await flush();
    }
    await flush();
    if (!(await updateImportRun(ctx.db.read.q, ctx.tenantId, importId, counts, 'done'))) throw interrupted();
  } catch (err) {
    await updateImportRun(ctx.db.read.q, ctx.tenantId, importId, counts, 'failed').catch(() => {});
    throw err;
  } finally {
    clearInterval(heartbeat);
  }
  if (counts.rejected > rejected.length) {
    rejected.push({
      line: 0,
      message: `En nog ${counts.rejected - rejected.length} andere regels afgewezen (alleen de eerste ${MAX_REJECTED_LISTED} staan hier).`,
    });
  }
  return { importId, imported: counts.imported, duplicates: counts.duplicates, rejected };
}

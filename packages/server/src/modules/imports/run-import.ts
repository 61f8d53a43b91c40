import type { ImportResult } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { conflict } from '../../http/errors.js';
import type { CsvRecord } from './csv.js';
import {
  type ImportCounts,
  type ImportKind,
  insertImportRun,
  touchImportRun,
  updateImportRun,
} from './run-repository.js';

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
export async function* slices(buf: Buffer, size = 1024 * 1024): AsyncGenerator<Buffer> {
  for (let at = 0; at < buf.length; at += size) yield buf.subarray(at, at + size);
}

/** What an import does with its rows; the runner does the rest. */
export interface ImportSpec<Row> {
  kind: ImportKind;
  /** A record of the file: the row to store, or why it is rejected (Dutch, naming the column). */
  validate(record: CsvRecord): Row | string;
  /**
   * Stores a batch in the transaction `s`, with its audit record and whatever else belongs to it, and
   * answers how many rows were new (the others were duplicates of rows stored before).
   */
  store(s: TenantScope, rows: Row[], batch: { importId: string; batchNo: number }): Promise<number>;
  /** After a committed batch, outside its transaction (fresh statistics, say). */
  afterBatch?(batchNo: number): Promise<void>;
}

/**
 * Reads the records of a CSV file as they stream in (the header already read by the caller), checks
 * each, and stores the valid ones in batches — one transaction each: the rows, what `store` adds, and
 * the run's progress. The run has a lease: a heartbeat while reading, and a run that was declared
 * interrupted meanwhile (its lease ran out) stops at the next batch with 409. Answers what was
 * imported, what was a duplicate and which lines were rejected and why.
 */
export async function runImport<Row>(
  ctx: RequestContext,
  records: AsyncIterable<CsvRecord>,
  spec: ImportSpec<Row>,
): Promise<ImportResult & { importId: string }> {
  const importId = await insertImportRun(ctx.db.read, ctx.userId, spec.kind);
  const counts: ImportCounts = { lines: 0, imported: 0, duplicates: 0, rejected: 0 };
  const rejected: ImportResult['rejected'] = [];
  let batch: Row[] = [];
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
    const no = batchNo;
    const after = await ctx.db.transaction(async (s) => {
      const stored = await spec.store(s, rows, { importId, batchNo: no });
      const next: ImportCounts = {
        ...counts,
        imported: counts.imported + stored,
        duplicates: counts.duplicates + rows.length - stored,
      };
      if (!(await updateImportRun(s.q, ctx.tenantId, importId, next))) throw interrupted();
      return next;
    });
    // The counts include a batch only once it is committed.
    counts.imported = after.imported;
    counts.duplicates = after.duplicates;
    // Let other requests in between batches: validation is synchronous work on a file already in memory,
    // and on the embedded database the queries share this thread too.
    await new Promise((resolve) => setImmediate(resolve));
    await spec.afterBatch?.(no);
  };

  const heartbeat = setInterval(() => {
    void touchImportRun(ctx.db.read.q, ctx.tenantId, importId).catch(() => {});
  }, IMPORT_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    for await (const rec of records) {
      counts.lines++;
      sinceProgress++;
      const result = spec.validate(rec);
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

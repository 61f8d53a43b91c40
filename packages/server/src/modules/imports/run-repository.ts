import { IMPORT_STATUSES, type ImportProgress } from '@wijkregie/shared';
import { z } from 'zod';
import type { Queryable } from '../../db/db.js';
import { APPLICATION_NAME_PREFIX, INSTANCE_ID } from '../../db/instance.js';
import { col, hasRow, idRow, insertedId, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/** The SQL of import runs (creditor files, incident exports): progress, lease and interruption. */

/** What an import reads: a creditor early-warning file, or a partner's incident export. */
export type ImportKind = 'creditor' | 'incidents';

export async function insertImportRun(s: TenantScope, userId: string, kind: ImportKind): Promise<string> {
  return insertedId(
    s.q,
    'INSERT INTO import_runs (tenant_id, user_id, instance_id, kind) VALUES ($1, $2, $3, $4) RETURNING id',
    [s.tenantId, userId, INSTANCE_ID, kind],
  );
}

/** How long a run may go without a heartbeat before it counts as dead (its process hangs). */
export const IMPORT_LEASE_MS = 2 * 60_000;

/**
 * Ends the runs nobody reads any more as `interrupted`, with the counts they committed: runs of an
 * instance that has no connection to the database any more (it crashed or was killed; PGlite has one
 * process, so every run but this instance's is dead), and runs whose heartbeat is older than the lease.
 * For start-up and the job schedule; over all tenants. Answers how many runs it ended.
 */
export async function markDeadImportsInterrupted(q: Queryable, leaseMs = IMPORT_LEASE_MS): Promise<number> {
  const ended = await rows(
    q,
    idRow,
    `UPDATE import_runs i SET status = 'interrupted', finished_at = now()
      WHERE i.status = 'running'
        AND (i.heartbeat_at < now() - make_interval(secs => $2::double precision / 1000)
             OR (i.instance_id <> $1 AND NOT EXISTS (
                   SELECT 1 FROM pg_stat_activity a WHERE a.application_name = $3 || i.instance_id)))
      RETURNING i.id`,
    [INSTANCE_ID, leaseMs, APPLICATION_NAME_PREFIX],
  );
  return ended.length;
}

export interface ImportCounts {
  lines: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

/**
 * Records progress (and the heartbeat) of a running run, or ends it with `status`. Answers false when
 * the run is no longer running — it was declared interrupted — so the reader must stop.
 */
export async function updateImportRun(
  q: Queryable,
  tenantId: string,
  id: string,
  counts: ImportCounts,
  status?: 'done' | 'failed',
): Promise<boolean> {
  return hasRow(
    q,
    `UPDATE import_runs SET lines = $3, imported = $4, duplicates = $5, rejected = $6, heartbeat_at = now(),
            status = coalesce($7, status), finished_at = CASE WHEN $7::text IS NULL THEN NULL ELSE now() END
      WHERE tenant_id = $1 AND id = $2 AND status = 'running'
      RETURNING id`,
    [tenantId, id, counts.lines, counts.imported, counts.duplicates, counts.rejected, status ?? null],
  );
}

/** Keeps a running run's lease; false when it was declared interrupted meanwhile. */
export async function touchImportRun(q: Queryable, tenantId: string, id: string): Promise<boolean> {
  return hasRow(
    q,
    `UPDATE import_runs SET heartbeat_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'running'
      RETURNING id`,
    [tenantId, id],
  );
}

const importRunRow = z.object({
  id: col.uuid,
  user_id: col.uuid,
  status: z.enum(IMPORT_STATUSES),
  lines: col.int,
  imported: col.int,
  duplicates: col.int,
  rejected: col.int,
  started_at: col.timestamp,
  finished_at: col.timestamp.nullable(),
});
export type ImportRunRow = z.infer<typeof importRunRow>;
const IMPORT_RUN_COLUMNS =
  'id, user_id, status, lines, imported, duplicates, rejected, started_at, finished_at';

export async function findImportRun(
  s: TenantScope,
  id: string,
  kind: ImportKind,
): Promise<ImportRunRow | undefined> {
  return row(
    s.q,
    importRunRow,
    `SELECT ${IMPORT_RUN_COLUMNS} FROM import_runs WHERE tenant_id = $1 AND id = $2 AND kind = $3`,
    [s.tenantId, id, kind],
  );
}

/** The user's most recent import (a running one first), for the progress shown while uploading. */
export async function latestImportRun(
  s: TenantScope,
  userId: string,
  kind: ImportKind,
): Promise<ImportRunRow | undefined> {
  return row(
    s.q,
    importRunRow,
    `SELECT ${IMPORT_RUN_COLUMNS} FROM import_runs WHERE tenant_id = $1 AND user_id = $2 AND kind = $3
      ORDER BY (status = 'running') DESC, started_at DESC LIMIT 1`,
    [s.tenantId, userId, kind],
  );
}

/** A run as `GET …/imports/current` answers it. */
export const progressOf = (run: ImportRunRow): ImportProgress => ({
  id: run.id,
  status: run.status,
  lines: run.lines,
  imported: run.imported,
  duplicates: run.duplicates,
  rejected: run.rejected,
  startedAt: run.started_at.toISOString(),
  finishedAt: run.finished_at ? run.finished_at.toISOString() : null,
});

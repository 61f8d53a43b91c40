import type { RetentionRun } from '@wijkregie/shared';
import type { TenantDb, TenantScope } from '../../db/scope.js';
import type { AuditEvent } from '../../http/context.js';
import {
  anonymiseCases,
  anonymiseHouseholds,
  anonymisePersons,
  anonymiseSignals,
  claimDueCases,
  claimDueHouseholds,
  claimDuePersons,
  claimDueSignals,
  type DueRow,
} from './repository.js';

/** Rows anonymised per transaction: a crash loses at most one batch, and the next run resumes. */
export const RETENTION_BATCH = 500;

/** Records the audit events of one batch inside its transaction (for the admin, or for the system). */
export type RecordAudit = (s: TenantScope, events: AuditEvent[]) => Promise<void>;

/** What one pass anonymised, also what the answer of the API leaves out. */
export interface RetentionPassResult extends RetentionRun {
  anonymisedSignals: number;
  anonymisedHouseholds: number;
}

/**
 * One kind of record, batch by batch, each batch one transaction: claim what is due (locked), anonymise
 * it and record one audit event per record, all committed together. Stops when a batch comes back short.
 */
async function inBatches(
  tdb: TenantDb,
  claim: (s: TenantScope, limit: number) => Promise<DueRow[]>,
  anonymise: (s: TenantScope, ids: readonly string[]) => Promise<void>,
  objectType: AuditEvent['objectType'],
  record: RecordAudit,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await tdb.transaction(async (s) => {
      const due = await claim(s, RETENTION_BATCH);
      if (due.length === 0) return 0;
      await anonymise(
        s,
        due.map((d) => d.id),
      );
      await record(
        s,
        due.map((d) => ({
          action: 'anonymise',
          objectType,
          objectId: d.id,
          ...(objectType === 'person' ? { personIds: [d.id] } : {}),
          ...(d.processing_activity_id ? { processingActivityId: d.processing_activity_id } : {}),
        })),
      );
      return due.length;
    });
    total += n;
    if (n < RETENTION_BATCH) return total;
  }
}

/**
 * The retention job for one municipality: first the cases and the signals past retention, then the
 * persons and households that have nothing left inside it. Idempotent (what is anonymised carries
 * `anonymised_at` and is never claimed again) and resumable (each batch commits on its own).
 */
export async function retentionPass(tdb: TenantDb, record: RecordAudit): Promise<RetentionPassResult> {
  const anonymisedCases = await inBatches(tdb, claimDueCases, anonymiseCases, 'case', record);
  const anonymisedSignals = await inBatches(tdb, claimDueSignals, anonymiseSignals, 'signal', record);
  const anonymisedPersons = await inBatches(tdb, claimDuePersons, anonymisePersons, 'person', record);
  const anonymisedHouseholds = await inBatches(
    tdb,
    claimDueHouseholds,
    anonymiseHouseholds,
    'household',
    record,
  );
  return { anonymisedCases, anonymisedPersons, anonymisedSignals, anonymisedHouseholds };
}

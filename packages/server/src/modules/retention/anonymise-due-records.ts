import type { Db } from '../../db/db.js';
import { SystemDb } from '../../db/scope.js';
import { appendAudit } from '../audit/repository.js';
import { allTenantIds } from './repository.js';
import { type RetentionPassResult, retentionPass } from './retention-pass.js';

/** The purpose in the audit records of the scheduled job. */
export const RETENTION_PURPOSE = 'Bewaartermijn verstreken (AVG art. 5 lid 1 sub e)';

/**
 * The scheduler's job: the retention pass for every municipality, recorded in each one's audit chain
 * as the system's own work (no user). Answers the totals.
 */
export async function anonymiseDueRecords(db: Db): Promise<RetentionPassResult> {
  const system = new SystemDb(db);
  const total: RetentionPassResult = {
    anonymisedCases: 0,
    anonymisedPersons: 0,
    anonymisedSignals: 0,
    anonymisedHouseholds: 0,
  };
  for (const tenantId of await allTenantIds(db)) {
    const done = await retentionPass(system.forTenant(tenantId), (s, events) =>
      appendAudit(
        s.q,
        events.map((e) => ({
          ...e,
          tenantId: s.tenantId,
          userId: null,
          partnerId: null,
          purpose: RETENTION_PURPOSE,
        })),
      ),
    );
    for (const k of Object.keys(total) as (keyof RetentionPassResult)[]) total[k] += done[k];
  }
  return total;
}

/**
 * The job as the scheduler runs it: at start and then at most once per `everyMs` (default an hour),
 * however often the scheduler ticks — the pass reads every closed case and person.
 */
export function retentionJob(db: Db, everyMs = 3_600_000): () => Promise<unknown> {
  let last = 0;
  return async () => {
    if (Date.now() - last < everyMs) return undefined;
    last = Date.now();
    return anonymiseDueRecords(db);
  };
}

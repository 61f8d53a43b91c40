import type { RetentionStatus } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { retentionByActivity, retentionTotals } from './repository.js';

/** `GET /admin/retention` (admin): per activity what is due now and when the next falls due. */
export async function getRetentionStatus(ctx: RequestContext): Promise<RetentionStatus> {
  const s = ctx.db.read;
  const [activities, totals] = await Promise.all([retentionByActivity(s), retentionTotals(s)]);
  return {
    activities: activities.map((a) => ({
      id: a.id,
      name: a.name,
      retentionDays: a.retention_days,
      closedCases: a.closed_cases,
      dueCases: a.due_cases,
      nextCaseDueAt: a.next_case_due_at?.toISOString() ?? null,
      dueSignals: a.due_signals,
      nextSignalDueAt: a.next_signal_due_at?.toISOString() ?? null,
    })),
    duePersons: totals.due_persons,
    anonymisedCases: totals.cases,
    anonymisedPersons: totals.persons,
    anonymisedSignals: totals.signals,
  };
}

import type { Outcomes, OutcomesQuery } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { AppError, invalidField } from '../../http/errors.js';
import { addDays, amsterdamDate, amsterdamMidnight } from '../../lib/time.js';
import { areaExists, closedCaseOutcomes, domainOutcomes } from './repository.js';

/** The same calendar date a year earlier (29 February becomes 1 March). */
function yearBefore(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * `GET /outcomes` (regisseur): per life domain how many persons improved, stayed or worsened between
 * their first and last score in the period (default: the twelve months up to today, Europe/Amsterdam),
 * and the cases closed in the period by outcome; optionally for one wijk or buurt. Counts only, no
 * person: the read is audited as a list of assessments (no ids) with its period and area.
 */
export async function getOutcomes(ctx: RequestContext, query: OutcomesQuery): Promise<Outcomes> {
  const to = query.to ?? amsterdamDate();
  const from = query.from ?? yearBefore(to);
  if (from > to)
    throw new AppError('validation', 'Ongeldige periode', [{ path: 'from', message: 'Ligt na "to"' }]);
  const s = ctx.db.read;
  const areaId = query.areaId;
  if (areaId && !(await areaExists(s, areaId))) throw invalidField('areaId', 'Onbekend gebied');
  // The embedded database has one connection: the statements queue there anyway; PostgreSQL runs them side by side.
  const [domains, closedCases] = await Promise.all([
    domainOutcomes(s, { from, to, areaId }),
    closedCaseOutcomes(s, amsterdamMidnight(from), amsterdamMidnight(addDays(to, 1)), areaId),
  ]);
  await ctx.auditRead([
    {
      action: 'list',
      objectType: 'assessment',
      details: {
        view: 'outcomes',
        from,
        to,
        areaId: areaId ?? null,
        persons: Math.max(0, ...domains.map((d) => d.persons)),
      },
    },
  ]);
  return { domains, closedCases };
}

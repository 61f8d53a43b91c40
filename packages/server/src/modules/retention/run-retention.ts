import type { RetentionRun } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { audit } from '../audit/record.js';
import { retentionPass } from './retention-pass.js';

/**
 * `POST /admin/retention/run` (admin): the scheduled job, now, for the admin's own municipality. Every
 * anonymised case and person is audited with the admin as the one who ran it.
 */
export async function runRetention(ctx: RequestContext): Promise<RetentionRun> {
  const done = await retentionPass(ctx.db, (s, events) => audit(s, ctx, ...events));
  return { anonymisedCases: done.anonymisedCases, anonymisedPersons: done.anonymisedPersons };
}

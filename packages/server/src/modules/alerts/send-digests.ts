import { enqueueEmails } from '../../background/outbox-repository.js';
import type { Db } from '../../db/db.js';
import { amsterdamDate } from '../../lib/time.js';
import { claimDigestRun, takeDigestItems, usersDueForDigest } from './digest-repository.js';
import { digestEmail } from './email-content.js';

/**
 * Daily digests for users who chose them: one email per user per day with the case references and
 * kinds of change of their alerts since the last digest — only cases they can still see. Safe on
 * several instances: the day's run per user is claimed first. Answers how many went into the outbox.
 */
export async function sendDigests(db: Db, publicUrl: string, day = amsterdamDate()): Promise<number> {
  const users = await usersDueForDigest(db, day);
  let sent = 0;
  for (const u of users) {
    sent += await db.transaction(async (tx) => {
      if (!(await claimDigestRun(tx, u.tenant_id, u.user_id, day))) return 0; // another instance did it
      const items = await takeDigestItems(tx, u.tenant_id, u.user_id);
      const first = items[0];
      if (!first) return 0;
      const content = digestEmail(
        publicUrl,
        day,
        items.map((i) => ({ kind: i.kind, caseReference: i.reference, count: i.n })),
      );
      await enqueueEmails(tx, u.tenant_id, { kind: 'digest', caseId: null, content }, [
        { userId: u.user_id, idempotencyKey: `digest:${u.user_id}:${day}`, toAddress: first.email },
      ]);
      return 1;
    });
  }
  return sent;
}

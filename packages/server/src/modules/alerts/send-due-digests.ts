import type { Db } from '../../db/db.js';
import { sendDigests } from './send-digests.js';

const amsterdamHour = (at: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(at),
  );

/**
 * The scheduler's digest job: from `fromHour` (Amsterdam time) on, the day's digests go out; before
 * it nothing happens, so a digest never arrives in the middle of the night.
 */
export function sendDueDigests(db: Db, publicUrl: string, fromHour = 7, now = new Date()): Promise<number> {
  return amsterdamHour(now) >= fromHour ? sendDigests(db, publicUrl) : Promise.resolve(0);
}

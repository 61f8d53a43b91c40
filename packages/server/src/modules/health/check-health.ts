import type { Health } from '@wijkregie/shared';
import type { Db } from '../../db/db.js';
import { AppError } from '../../http/errors.js';
import { pingDatabase } from './repository.js';

/** Healthy when the database answers and the migrations have run; else 503. */
export async function checkHealth(db: Db): Promise<Health> {
  try {
    await pingDatabase(db);
  } catch {
    throw new AppError('unavailable', 'De database antwoordt niet.');
  }
  return { status: 'ok' };
}

import type { Health } from '@wijkregie/shared';
import type { Db } from '../../db/db.js';
import { execute } from '../../db/rows.js';
import { AppError } from '../../http/errors.js';

/** Healthy when the database answers and the migrations have run; else 503. */
export async function checkHealth(db: Db): Promise<Health> {
  try {
    await execute(db, 'SELECT 1 FROM schema_migrations LIMIT 1');
  } catch {
    throw new AppError('unavailable', 'De database antwoordt niet.');
  }
  return { status: 'ok' };
}

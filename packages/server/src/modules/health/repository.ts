import type { Db } from '../../db/db.js';
import { execute } from '../../db/rows.js';

/** Throws unless the database answers and the migrations have run (their table exists). */
export function pingDatabase(db: Db): Promise<void> {
  return execute(db, 'SELECT 1 FROM schema_migrations LIMIT 1');
}

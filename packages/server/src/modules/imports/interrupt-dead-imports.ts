import type { Queryable } from '../../db/db.js';
import { markDeadImportsInterrupted } from './run-repository.js';

/**
 * The sweep of start-up and the scheduler: an import (creditor file, incidents) whose process died (or hangs past its
 * lease) ends as `interrupted` with the counts it committed; importing the same file again completes
 * it. Over all tenants. Answers how many runs it ended.
 */
export function interruptDeadImports(db: Queryable): Promise<number> {
  return markDeadImportsInterrupted(db);
}

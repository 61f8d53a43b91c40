import type { Alert } from '@wijkregie/shared';
import type { Viewer } from '../../access/viewer.js';
import type { Db } from '../../db/db.js';
import { TenantScope } from '../../db/scope.js';
import { findAlerts } from './repository.js';

/**
 * For the live hub (app.ts): of the announced alerts, those `viewer` may see now — through the same
 * visibility SQL as the alert list, so a user who can no longer see the case gets nothing — oldest
 * first, the order in which they are sent.
 */
export async function loadNewAlerts(
  db: Db,
  tenantId: string,
  viewer: Viewer,
  ids: string[],
): Promise<Alert[]> {
  const { items } = await findAlerts(
    new TenantScope(db, tenantId),
    viewer,
    { ids },
    { limit: ids.length, offset: 0 },
  );
  return items.reverse();
}

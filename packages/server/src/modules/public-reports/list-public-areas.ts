import type { AreaList } from '@wijkregie/shared';
import { listAreas } from '../areas/repository.js';
import type { PublicDeps } from '../throttle/throttle.js';
import { resolvePublicTenant } from './public-access.js';

/** `GET /api/public/v1/areas`: the wijken and buurten (public boundaries) for the map on the report form. */
export async function listPublicAreas(deps: PublicDeps, gemeente?: string): Promise<AreaList> {
  const tenantId = await resolvePublicTenant(deps.system, gemeente);
  const items = await listAreas(deps.system.forTenant(tenantId).read);
  return { items, total: items.length };
}

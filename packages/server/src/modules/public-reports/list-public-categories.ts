import type { PublicCategoryList } from '@wijkregie/shared';
import { signalCategories } from '../signals/configuration-repository.js';
import type { PublicDeps } from '../throttle/throttle.js';
import { resolvePublicTenant } from './public-access.js';

/** `GET /api/public/v1/categories`: the subjects residents may report about (keys and names only). */
export async function listPublicCategories(deps: PublicDeps, gemeente?: string): Promise<PublicCategoryList> {
  const tenantId = await resolvePublicTenant(deps.system, gemeente);
  const items = (await signalCategories(deps.system.forTenant(tenantId).read, true)).map(
    ({ key, label }) => ({
      key,
      label,
    }),
  );
  return { items, total: items.length };
}

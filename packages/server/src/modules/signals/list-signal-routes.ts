import type { SignalRouteList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listRoutes } from './configuration-repository.js';

/** `GET /signal-routes`: the routing rules, category × area → partner. */
export async function listSignalRoutes(ctx: RequestContext): Promise<SignalRouteList> {
  const items = await listRoutes(ctx.db.read);
  return { items, total: items.length };
}

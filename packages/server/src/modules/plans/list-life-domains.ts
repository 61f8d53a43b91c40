import type { LifeDomainList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listLifeDomains as domains } from './repository.js';

/** `GET /life-domains`: the municipality's life domains in their order, each with its category. */
export async function listLifeDomains(ctx: RequestContext): Promise<LifeDomainList> {
  return { items: await domains(ctx.db.read) };
}

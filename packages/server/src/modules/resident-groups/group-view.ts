import type { ResidentGroup, ResidentGroupSummary } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { findGroup, type GroupRow, listMembers, type MemberRow } from './repository.js';

/** How the use cases of resident groups read a group for the caller and hand it out. */

const NOT_FOUND = 'Deze bewonersgroep bestaat niet.';

/** Whether the caller manages the group: a regisseur or the group's coordinator. */
export const managesGroup = (ctx: RequestContext, g: Pick<GroupRow, 'coordinator_user_id'>) =>
  ctx.roles.includes('regisseur') || g.coordinator_user_id === ctx.userId;

/** The group of the caller's municipality, or 404. */
export async function groupOr404(s: TenantScope, id: string): Promise<GroupRow> {
  const g = await findGroup(s, id);
  if (!g) throw notFound(NOT_FOUND);
  return g;
}

/** The group if the caller manages it; 403 when they may see it but not change it. */
export async function managedGroup(s: TenantScope, ctx: RequestContext, id: string): Promise<GroupRow> {
  const g = await groupOr404(s, id);
  if (!managesGroup(ctx, g)) {
    throw forbidden('Alleen de regisseur en de coördinator van de groep kunnen dit doen.');
  }
  return g;
}

export function summaryOf(ctx: RequestContext, g: GroupRow): ResidentGroupSummary {
  return {
    id: g.id,
    name: g.name,
    kind: g.kind,
    areas: g.areas,
    contactEmail: g.contact_email,
    coordinator: { id: g.coordinator_user_id, name: g.coordinator_name },
    memberCount: g.member_count,
    manages: managesGroup(ctx, g),
    createdAt: g.created_at.toISOString(),
  };
}

/** A member as the caller may see them: contact data only for those who manage the group. */
export function memberOf(m: MemberRow, withContact: boolean) {
  return {
    id: m.id,
    name: m.name,
    role: m.role,
    ...(withContact ? { email: m.email, ...(m.phone ? { phone: m.phone } : {}) } : {}),
    createdAt: m.created_at.toISOString(),
  };
}

/** The group with its members, as the caller may see them. */
export async function groupView(s: TenantScope, ctx: RequestContext, g: GroupRow): Promise<ResidentGroup> {
  const summary = summaryOf(ctx, g);
  const members = await listMembers(s, g.id);
  return { ...summary, members: members.map((m) => memberOf(m, summary.manages)) };
}

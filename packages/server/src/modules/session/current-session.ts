import type { SessionResponse, User } from '@wijkregie/shared';
import type { RequestContext, SessionUser } from '../../http/context.js';

/** The user as the API shows them (no tenant id). */
export const publicUser = ({ id, email, name, partnerId, roles }: SessionUser): User => ({
  id,
  email,
  name,
  partnerId,
  roles,
});

/** The logged-in user of the request. */
export function currentSession(ctx: RequestContext): SessionResponse {
  return { user: publicUser(ctx.user), ...(ctx.enrolOnly && { mustEnrolTotp: true as const }) };
}

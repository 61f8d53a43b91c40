import type { AuditObjectType } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';

/** Path segments of personal data, and the object type their records carry. */
const PERSONAL_DATA: Readonly<Record<string, AuditObjectType>> = {
  cases: 'case',
  persons: 'person',
  households: 'household',
  groups: 'group',
  locations: 'location',
  signals: 'signal',
  entries: 'entry',
  attachments: 'attachment',
  actions: 'action',
  meetings: 'meeting',
  goals: 'goal',
  visits: 'visit',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which personal data a route pattern is about: the deepest `/<kind>/:param` (e.g. the case of
 * `/cases/:id/entries`), else the deepest kind without an id (a list or an export). `objectIds` holds
 * every id of the path when there are several, so a search by the case finds refusals on its parts.
 */
export function deniedTarget(
  route: string,
  params: Readonly<Record<string, unknown>>,
): { objectType: AuditObjectType; objectId: string | null; objectIds: string[] | null } | undefined {
  const parts = route.split('/');
  let withId: { objectType: AuditObjectType; objectId: string | null } | undefined;
  let without: AuditObjectType | undefined;
  const ids: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const next = parts[i + 1];
    const value = next?.startsWith(':') ? params[next.slice(1)] : undefined;
    const id = typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
    if (id) ids.push(id);
    const objectType = PERSONAL_DATA[parts[i] ?? ''];
    if (!objectType) continue;
    if (next?.startsWith(':')) withId = { objectType, objectId: id };
    else without = objectType;
  }
  const target = withId ?? (without ? { objectType: without, objectId: null } : undefined);
  return target && { ...target, objectIds: ids.length > 1 ? [...new Set(ids)] : null };
}

/**
 * A refused access to personal data (403, or 404: absent or not to be known) by a logged-in caller
 * leaves an audit record `denied`, written through the same group-commit writer as reads, before the
 * answer goes out. Anonymous requests end in 401 before the session is known and leave nothing, and
 * only routes that exist count, so nobody can make the log grow without an account.
 */
export function registerDeniedAudit(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const ctx = req.ctx;
    const status = reply.statusCode;
    const route = req.routeOptions.url;
    if (!ctx || (status !== 403 && status !== 404) || !route?.startsWith('/api/v1/')) return payload;
    const target = deniedTarget(route, (req.params ?? {}) as Record<string, unknown>);
    if (!target) return payload;
    try {
      await ctx.auditRead([{ action: 'denied', ...target, details: { method: req.method, route, status } }]);
    } catch (err) {
      // The refusal stands; a write of the record that fails is the server's problem, logged.
      req.log.error({ err: err instanceof Error ? err.message : String(err) }, 'denied access not audited');
    }
    return payload;
  });
}

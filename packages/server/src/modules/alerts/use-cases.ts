import type { Preferences, Situation } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { visibleCase } from '../cases/use-cases.js';
import { viewerOf } from '../cases/visibility.js';
import {
  countUnread,
  getPreferences,
  isFollowing,
  listAlerts,
  markAllRead,
  markRead,
  setFollowing,
  setPreferences,
} from './repository.js';
import { caseChangesSince, recordLook } from './situation-repository.js';

export async function alertsOf(
  ctx: RequestContext,
  unread: boolean,
  page: { limit: number; offset: number },
) {
  const s = ctx.db.read;
  const v = viewerOf(ctx);
  const [list, n] = await Promise.all([listAlerts(s, v, { unread }, page), countUnread(s, v)]);
  return { ...list, unread: n };
}

export async function readAlert(ctx: RequestContext, id: string): Promise<void> {
  const ok = await ctx.db.transaction((s) => markRead(s, viewerOf(ctx), id));
  if (!ok) throw notFound('Deze notificatie bestaat niet.');
}

export function readAllAlerts(ctx: RequestContext): Promise<void> {
  return ctx.db.transaction((s) => markAllRead(s, ctx.userId));
}

export function preferencesOf(ctx: RequestContext): Promise<Preferences> {
  return getPreferences(ctx.db.read, ctx.userId);
}

export function updatePreferences(ctx: RequestContext, p: Preferences): Promise<Preferences> {
  return ctx.db.transaction(async (s) => {
    await setPreferences(s, ctx.userId, p.email);
    return getPreferences(s, ctx.userId);
  });
}

export function followCase(ctx: RequestContext, caseId: string): Promise<void> {
  return ctx.db.transaction(async (s) => {
    await visibleCase(s, ctx, caseId);
    await setFollowing(s, caseId, ctx.userId, true);
  });
}

export function unfollowCase(ctx: RequestContext, caseId: string): Promise<void> {
  return ctx.db.transaction(async (s) => {
    await visibleCase(s, ctx, caseId);
    await setFollowing(s, caseId, ctx.userId, false);
  });
}

/**
 * The "current situation" of a case for the caller: what changed since their previous look
 * (entries only in categories their partner may read, never their own), and the open and overdue
 * actions now. Remembers this look for the next time.
 */
export async function situationOf(ctx: RequestContext, caseId: string): Promise<Situation> {
  const { personIds, situation } = await ctx.db.transaction(async (s) => {
    const c = await visibleCase(s, ctx, caseId);
    const changes = await caseChangesSince(s, caseId, ctx.userId, ctx.partnerId, amsterdamDate());
    await recordLook(s, caseId, ctx.userId);
    const following = await isFollowing(s.q, s.tenantId, caseId, ctx.userId);
    return { personIds: c.personIds, situation: { caseId, ...changes, following } };
  });
  // After the transaction: the embedded database has one connection, and the audit writer needs it.
  await ctx.auditRead([{ action: 'read', objectType: 'case', objectId: caseId, personIds }]);
  return situation;
}

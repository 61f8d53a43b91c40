import { hasPermission, OVERVIEW_ITEMS, type Overview } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { AuditEvent, RequestContext } from '../../http/context.js';
import { amsterdamDate, weekOf } from '../../lib/time.js';
import { listAlerts } from '../alerts/list-alerts.js';
import {
  awaitingSignals,
  changedCases,
  dueActions,
  monitorFigures,
  outboxFigures,
  personsOfCases,
  recentDenials,
  upcomingMeetings,
} from './repository.js';

/** How far ahead the start page looks for meetings. */
const MEETING_DAYS = 14;

/**
 * `GET /overview`: the start page — what needs the caller today. Each section is there only for the
 * roles that may use what it links to (actions, signals, meetings, cases and alerts for those who work
 * on cases; the monitor's figures for the regisseur; refused attempts for the privacy officer; the
 * email outbox for the administrator); a regisseur sees the municipality's work, anybody else their own
 * and their organisation's. Counts and the first items of a section come from one statement each.
 * What was shown is audited like the lists it stands for.
 */
export async function getOverview(ctx: RequestContext): Promise<Overview> {
  const s = ctx.db.read;
  const v = viewerOf(ctx);
  const today = amsterdamDate();
  const week = weekOf(today);
  const caseWork = hasPermission(ctx, 'cases.read');
  const until = new Date(Date.now() + MEETING_DAYS * 86_400_000);
  const monthStart = `${today.slice(0, 7)}-01`;
  // The embedded database has one connection: the statements queue there anyway; PostgreSQL runs them side by side.
  const [actions, signals, meetings, cases, alerts, monitor, audit, outbox] = await Promise.all([
    caseWork && hasPermission(ctx, 'actions.read') ? dueActions(s, v, today, week.to) : null,
    caseWork && hasPermission(ctx, 'signals.read') ? awaitingSignals(s, v, today) : null,
    caseWork && hasPermission(ctx, 'meetings.read') ? upcomingMeetings(s, v, until) : null,
    caseWork ? changedCases(s, v) : null,
    caseWork ? listAlerts(ctx, { unread: 'true', limit: OVERVIEW_ITEMS, offset: 0 }) : null,
    v.regisseur ? monitorFigures(s, monthStart, today) : null,
    ctx.roles.includes('auditor') ? recentDenials(s) : null,
    hasPermission(ctx, 'outbox.read') ? outboxFigures(s) : null,
  ]);
  const caseIds = [
    ...new Set([
      ...(cases?.items.map((c) => c.id) ?? []),
      ...(meetings?.items.flatMap((m) => m.agenda.map((a) => a.caseId)) ?? []),
      ...(actions?.items.map((a) => a.caseId) ?? []),
    ]),
  ];
  const personIds = await personsOfCases(s, caseIds);
  const events: AuditEvent[] = [];
  const details = { view: 'overview' };
  if (caseIds.length)
    events.push({ action: 'list', objectType: 'case', objectIds: caseIds, personIds, details });
  if (actions?.items.length)
    events.push({ action: 'list', objectType: 'action', objectIds: actions.items.map((a) => a.id), details });
  if (signals?.items.length)
    events.push({ action: 'list', objectType: 'signal', objectIds: signals.items.map((x) => x.id), details });
  if (meetings?.items.length)
    events.push({
      action: 'list',
      objectType: 'meeting',
      objectIds: meetings.items.map((m) => m.id),
      details,
    });
  if (audit?.items.length)
    events.push({ action: 'list', objectType: 'audit', objectIds: audit.items.map((a) => a.id), details });
  if (events.length) await ctx.auditRead(events);
  return {
    scope: v.regisseur ? 'municipality' : 'own',
    today,
    actions,
    signals,
    meetings,
    cases,
    alerts: alerts ? { unread: alerts.unread, items: alerts.items } : null,
    monitor: monitor ? { month: today.slice(0, 7), ...monitor } : null,
    audit,
    outbox,
  };
}

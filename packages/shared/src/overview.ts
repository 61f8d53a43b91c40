import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from './audit.js';
import { alertSchema, MEETING_KINDS } from './coordination.js';
import { SIGNAL_STATUSES } from './signals.js';

/*
 * The start page (`GET /api/v1/overview`): what needs the caller today, per role. Each section holds
 * its counts and the first few items; a section the caller's roles have no use for is `null`. For
 * a regisseur the sections cover the whole municipality (`scope: 'municipality'`), for everybody
 * else their own work and their organisation's.
 */

/** How many items each section carries at most; the counts say how many there are. */
export const OVERVIEW_ITEMS = 5;

export const overviewActionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  caseId: z.uuid(),
  caseReference: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  assigneeName: z.string().nullable(),
});
export type OverviewAction = z.infer<typeof overviewActionSchema>;

/** Open actions: overdue, and due from today to Sunday (Europe/Amsterdam). */
export const overviewActionsSchema = z.object({
  overdue: z.number(),
  dueThisWeek: z.number(),
  /** Overdue first, then by due date. */
  items: z.array(overviewActionSchema),
});

export const overviewSignalSchema = z.object({
  id: z.uuid(),
  categoryLabel: z.string(),
  status: z.enum(SIGNAL_STATUSES),
  receivedAt: z.string(),
  firstContactDue: z.string().nullable(),
  overdue: z.boolean(),
  areaName: z.string().nullable(),
  /** The partner it is routed to (null: not routed yet). */
  routedPartnerName: z.string().nullable(),
});
export type OverviewSignal = z.infer<typeof overviewSignalSchema>;

/** Signals routed to the caller's organisation (regisseur: all) awaiting first contact, and of those the overdue. */
export const overviewSignalsSchema = z.object({
  awaiting: z.number(),
  overdue: z.number(),
  /** Overdue first, then by deadline. */
  items: z.array(overviewSignalSchema),
});

export const overviewAgendaItemSchema = z.object({
  caseId: z.uuid(),
  caseReference: z.string(),
  caseTitle: z.string(),
});

export const overviewMeetingSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  startsAt: z.string(),
  place: z.string().nullable(),
  chairName: z.string(),
  /** The cases on the agenda that the caller sees, in agenda order. */
  agenda: z.array(overviewAgendaItemSchema),
  /** Items on the agenda about cases the caller does not see: only how many. */
  otherItems: z.number(),
});
export type OverviewMeeting = z.infer<typeof overviewMeetingSchema>;

/** Meetings in the coming fourteen days that the caller chairs or is invited to (regisseur: all). */
export const overviewMeetingsSchema = z.object({
  upcoming: z.number(),
  items: z.array(overviewMeetingSchema),
});

export const overviewCaseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  status: z.string(),
  /** The latest change by somebody else that the caller may know of. */
  changedAt: z.string(),
  /** Entries by others, in categories the caller's organisation may read, since the caller's last look. */
  newEntries: z.number(),
  /** When the caller last opened the case; null: never. */
  previousLookAt: z.string().nullable(),
});
export type OverviewCase = z.infer<typeof overviewCaseSchema>;

/**
 * Open cases the caller sees (regisseur: all) that somebody else changed since the caller last
 * looked at them — or, never looked at, in the last seven days.
 */
export const overviewCasesSchema = z.object({
  changed: z.number(),
  items: z.array(overviewCaseSchema),
});

export const overviewAlertsSchema = z.object({
  unread: z.number(),
  items: z.array(alertSchema),
});

/** The monitor's headline figures (creditor early warning) of this month. */
export const overviewMonitorSchema = z.object({
  /** `YYYY-MM`. */
  month: z.string(),
  signals: z.number(),
  households: z.number(),
  contacted: z.number(),
  referred: z.number(),
});
export type OverviewMonitor = z.infer<typeof overviewMonitorSchema>;

export const overviewDeniedSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  userName: z.string().nullable(),
  partnerName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  objectType: z.enum(AUDIT_OBJECT_TYPES),
});

/** For whoever reads the audit log: refused attempts at personal data in the last seven days. */
export const overviewAuditSchema = z.object({
  deniedLastWeek: z.number(),
  items: z.array(overviewDeniedSchema),
});

/** For the functional administrator: emails that could not go out, and those waiting. */
export const overviewOutboxSchema = z.object({
  failed: z.number(),
  pending: z.number(),
});

export const overviewSchema = z.object({
  /** Whose work the sections cover: the caller's own (and their organisation's), or the municipality's. */
  scope: z.enum(['own', 'municipality']),
  /** Today in Europe/Amsterdam (`YYYY-MM-DD`): what "overdue" and "this week" are reckoned from. */
  today: z.string(),
  actions: overviewActionsSchema.nullable(),
  signals: overviewSignalsSchema.nullable(),
  meetings: overviewMeetingsSchema.nullable(),
  cases: overviewCasesSchema.nullable(),
  alerts: overviewAlertsSchema.nullable(),
  monitor: overviewMonitorSchema.nullable(),
  audit: overviewAuditSchema.nullable(),
  outbox: overviewOutboxSchema.nullable(),
});
export type Overview = z.infer<typeof overviewSchema>;

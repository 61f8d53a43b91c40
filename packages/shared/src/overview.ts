import { z } from 'zod';
import { auditItemSchema } from './audit.js';
import { actionSchema, alertSchema, MEETING_KINDS } from './coordination.js';
import { monitorRowSchema } from './early-warning.js';
import { SIGNAL_STATUSES } from './signals.js';

/*
 * The start page (`GET /api/v1/overview`): what needs the caller today, per role. Each section holds
 * its counts and the first few items; a section the caller's roles have no use for is `null`. For
 * a regisseur the sections cover the whole municipality (`scope: 'municipality'`), for everybody
 * else their own work and their organisation's.
 */

/** How many items each section carries at most; the counts say how many there are. */
export const OVERVIEW_ITEMS = 5;

/** A section: its counts (numbers, by name) and its first few items. */
const section = <const C extends readonly string[], T extends z.ZodType>(counts: C, item: T) =>
  z.object({
    ...(Object.fromEntries(counts.map((count) => [count, z.number()])) as Record<C[number], z.ZodNumber>),
    items: z.array(item),
  });

export const overviewActionSchema = actionSchema.pick({
  id: true,
  title: true,
  caseId: true,
  caseReference: true,
  dueDate: true,
  overdue: true,
  assigneeName: true,
});
export type OverviewAction = z.infer<typeof overviewActionSchema>;

/**
 * Open actions: overdue, and due from today to Sunday (Europe/Amsterdam); overdue first, then by due
 * date.
 */
export const overviewActionsSchema = section(['overdue', 'dueThisWeek'], overviewActionSchema);

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

/**
 * Signals routed to the caller's organisation (regisseur: all) awaiting first contact, and of those the
 * overdue; overdue first, then by deadline.
 */
export const overviewSignalsSchema = section(['awaiting', 'overdue'], overviewSignalSchema);

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
export const overviewMeetingsSchema = section(['upcoming'], overviewMeetingSchema);

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
export const overviewCasesSchema = section(['changed'], overviewCaseSchema);

export const overviewAlertsSchema = section(['unread'], alertSchema);

/** The monitor's headline figures (creditor early warning) of this month (`month`: `YYYY-MM`). */
export const overviewMonitorSchema = monitorRowSchema.pick({
  month: true,
  signals: true,
  households: true,
  contacted: true,
  referred: true,
});
export type OverviewMonitor = z.infer<typeof overviewMonitorSchema>;

/** A refused attempt, as the audit log holds it. */
export const overviewDeniedSchema = auditItemSchema.pick({
  id: true,
  at: true,
  userName: true,
  partnerName: true,
  action: true,
  objectType: true,
});

/** For whoever reads the audit log: refused attempts at personal data in the last seven days. */
export const overviewAuditSchema = section(['deniedLastWeek'], overviewDeniedSchema);

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

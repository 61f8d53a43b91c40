import { z } from 'zod';
import { collection, pagingQuery, patchBody, queryFlag } from './contract.js';
import { labelled } from './labelled.js';
import { goalSchema } from './plans.js';
import { ACTION_SORT_FIELDS, ALERT_SORT_FIELDS, MEETING_SORT_FIELDS, sortQuery } from './sorting.js';
import { isoDateSchema } from './subjects.js';

// Actions ------------------------------------------------------------------------------------------

export const { values: ACTION_STATUSES, labels: ACTION_STATUS_LABELS } = labelled([
  ['open', 'Open'],
  ['done', 'Gedaan'],
  ['cancelled', 'Vervallen'],
]);
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const createActionSchema = z.strictObject({
  title: z.string().trim().min(1, 'Omschrijving is verplicht').max(500, 'Te lang (max. 500 tekens)'),
  ownerPartnerId: z.uuid({ error: 'Geen geldige partner' }),
  assigneeUserId: z.uuid({ error: 'Geen geldige gebruiker' }).nullable().optional(),
  dueDate: isoDateSchema,
  meetingId: z.uuid({ error: 'Geen geldig overleg' }).nullable().optional(),
  /** A goal of the same case's plan the action works toward. */
  goalId: z.uuid({ error: 'Geen geldig doel' }).nullable().optional(),
});
export type CreateAction = z.infer<typeof createActionSchema>;

export const updateActionSchema = patchBody({
  status: z.enum(ACTION_STATUSES, { error: 'Kies open, done of cancelled' }).optional(),
  result: z.string().trim().max(5000, 'Te lang (max. 5.000 tekens)').nullable().optional(),
  dueDate: isoDateSchema.optional(),
  assigneeUserId: z.uuid({ error: 'Geen geldige gebruiker' }).nullable().optional(),
});
export type UpdateAction = z.infer<typeof updateActionSchema>;

export const actionSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  title: z.string(),
  ownerPartnerId: z.uuid(),
  assigneeUserId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  result: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  /** The goal of the plan it works toward; null when none, or when the caller may not see the goal's domain. */
  goalId: z.uuid().nullable(),
  /** Open and past its due date (Europe/Amsterdam). */
  overdue: z.boolean(),
  /** Whether the caller may change it: the owner partner's users, the case director, regisseurs. */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Action = z.infer<typeof actionSchema>;

export const actionHistorySchema = z.object({
  at: z.string(),
  userId: z.uuid(),
  userName: z.string(),
  change: z.record(z.string(), z.unknown()),
});
export type ActionHistory = z.infer<typeof actionHistorySchema>;
export const actionDetailSchema = actionSchema.extend({ history: z.array(actionHistorySchema) });
export type ActionDetail = z.infer<typeof actionDetailSchema>;

/** `GET /actions`: mine, my organisation, overdue, due this week; by status, case or meeting. */
export const actionListQuerySchema = z.strictObject({
  mine: queryFlag,
  partner: queryFlag,
  overdue: queryFlag,
  dueThisWeek: queryFlag,
  status: z.enum(ACTION_STATUSES, { error: 'Kies open, done of cancelled' }).optional(),
  caseId: z.uuid({ error: 'Geen geldige casus' }).optional(),
  meetingId: z.uuid({ error: 'Geen geldig overleg' }).optional(),
  ...pagingQuery,
  ...sortQuery(ACTION_SORT_FIELDS),
});
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;
export const actionListSchema = collection(actionSchema);
export type ActionList = z.infer<typeof actionListSchema>;

/** Who may change an action (docs/integration.md): users of the owner partner, the case director, regisseurs. */
export function canChangeAction(
  actor: { userId: string; partnerId: string; roles: readonly string[] },
  action: { ownerPartnerId: string },
  caseDirectorUserId: string | null,
): boolean {
  return (
    actor.roles.includes('regisseur') ||
    actor.partnerId === action.ownerPartnerId ||
    (caseDirectorUserId !== null && caseDirectorUserId === actor.userId)
  );
}

// Meetings -----------------------------------------------------------------------------------------

export const { values: MEETING_KINDS, labels: MEETING_KIND_LABELS } = labelled([
  ['case', 'Casusoverleg'],
  ['coordination', 'Afstemmingsoverleg'],
  ['area', 'Gebiedsoverleg'],
]);
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const recurrenceSchema = z.strictObject({
  intervalWeeks: z.number().int().min(1, 'Minstens elke week').max(12, 'Hoogstens elke 12 weken'),
  count: z.number().int().min(2, 'Minstens 2 keer').max(52, 'Hoogstens 52 keer'),
});

/**
 * Who sees a meeting: a regisseur, its chair, whoever planned it, and users of invited partners.
 * (Which agenda items they see is decided per case, with `seesCase`.) The list SQL mirrors it.
 */
export function seesMeeting(
  actor: { userId: string; partnerId: string; roles: readonly string[] },
  m: { chairUserId: string; createdByUserId: string; partnerIds: readonly string[] },
): boolean {
  return (
    actor.roles.includes('regisseur') ||
    m.chairUserId === actor.userId ||
    m.createdByUserId === actor.userId ||
    m.partnerIds.includes(actor.partnerId)
  );
}

export const createMeetingSchema = z.strictObject({
  title: z.string().trim().min(1, 'Titel is verplicht').max(200, 'Titel is te lang (max. 200 tekens)'),
  kind: z.enum(MEETING_KINDS, { error: 'Kies case, coordination of area' }),
  startsAt: z.iso.datetime({ offset: true, error: 'Geen geldig tijdstip (ISO 8601)' }),
  place: z.string().trim().max(200, 'Te lang (max. 200 tekens)').nullable().optional(),
  chairUserId: z.uuid({ error: 'Geen geldige gebruiker' }),
  partnerIds: z.array(z.uuid({ error: 'Geen geldige partner' })).max(50, 'Te veel partners'),
  caseIds: z.array(z.uuid({ error: 'Geen geldige casus' })).max(100, 'Te veel casussen'),
  recurrence: recurrenceSchema.nullable().optional(),
});
export type CreateMeeting = z.infer<typeof createMeetingSchema>;

export const updateMeetingSchema = patchBody({
  title: z.string().trim().min(1, 'Titel is verplicht').max(200).optional(),
  startsAt: z.iso.datetime({ offset: true, error: 'Geen geldig tijdstip (ISO 8601)' }).optional(),
  place: z.string().trim().max(200).nullable().optional(),
  partnerIds: z
    .array(z.uuid({ error: 'Geen geldige partner' }))
    .max(50)
    .optional(),
  caseIds: z
    .array(z.uuid({ error: 'Geen geldige casus' }))
    .max(100)
    .optional(),
  /** Cancelling is the only change of status; a cancelled meeting stays, shown as cancelled. */
  status: z.literal('cancelled', { error: 'Alleen annuleren (cancelled) is mogelijk' }).optional(),
  /** Who was there: recorded per person, others keep what was recorded before. */
  attendance: z
    .array(
      z.strictObject({
        userId: z.uuid({ error: 'Geen geldige gebruiker' }),
        present: z.boolean({ error: 'Kies aanwezig (true) of afwezig (false)' }),
      }),
    )
    .max(200, 'Te veel deelnemers')
    .refine((a) => new Set(a.map((x) => x.userId)).size === a.length, 'Een deelnemer staat er dubbel in')
    .optional(),
});
export type UpdateMeeting = z.infer<typeof updateMeetingSchema>;

export const MINUTE_KINDS = ['minutes', 'decision'] as const;
export const createMinutesSchema = z.strictObject({
  caseId: z.uuid({ error: 'Geen geldige casus' }),
  category: z.string().min(1, 'Kies een categorie').max(40),
  text: z.string().trim().min(1, 'Tekst is verplicht').max(20_000, 'Tekst is te lang (max. 20.000 tekens)'),
  /** A decision is minutes that the meeting agreed on; both are entries of the case. */
  kind: z.enum(MINUTE_KINDS, { error: 'Kies minutes of decision' }).default('minutes'),
});
export type CreateMinutes = z.infer<typeof createMinutesSchema>;

export const { values: MEETING_STATUSES, labels: MEETING_STATUS_LABELS } = labelled([
  ['planned', 'Gepland'],
  ['cancelled', 'Geannuleerd'],
]);
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** One person on a meeting's attendance list; name and partner as they are now (a deactivated user keeps theirs). */
export const attendanceSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  partnerId: z.uuid(),
  present: z.boolean(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

/** An open goal of a case on the agenda (only of life domains the caller's partner may read). */
export const agendaGoalSchema = goalSchema.pick({
  id: true,
  domain: true,
  text: true,
  targetScore: true,
  dueDate: true,
});
export type AgendaGoal = z.infer<typeof agendaGoalSchema>;

/**
 * An overdue action of a case on the agenda (open, due before today in Europe/Amsterdam); its goal
 * when the caller may read the goal's domain.
 */
export const agendaActionSchema = actionSchema.pick({
  id: true,
  title: true,
  ownerPartnerId: true,
  assigneeName: true,
  dueDate: true,
  goalId: true,
});
export type AgendaAction = z.infer<typeof agendaActionSchema>;

export const agendaItemSchema = z.object({
  caseId: z.uuid(),
  caseReference: z.string().optional(),
  caseTitle: z.string().optional(),
  /** The case's open goals, of domains the caller may read (issue 12). */
  openGoals: z.array(agendaGoalSchema).optional(),
  /** The case's overdue actions. */
  overdueActions: z.array(agendaActionSchema).optional(),
});

export const meetingSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  startsAt: z.string(),
  place: z.string().nullable(),
  chairUserId: z.uuid(),
  chairName: z.string(),
  partnerIds: z.array(z.uuid()),
  /** Only the agenda items of cases the caller may see. */
  agenda: z.array(agendaItemSchema),
  seriesId: z.uuid().nullable(),
  createdAt: z.string(),
  /** `cancelled` meetings stay listed (with their minutes and actions) but can no longer change. */
  status: z.enum(MEETING_STATUSES),
  cancelledAt: z.string().nullable(),
  /** The attendance list as recorded; empty until somebody records it. */
  attendance: z.array(attendanceSchema),
});
export type Meeting = z.infer<typeof meetingSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** `GET /meetings`: coming or past ones, those with a case on the agenda, and the page. */
export const meetingListQuerySchema = z.strictObject({
  upcoming: z.enum(['true', 'false']).optional(),
  past: z.enum(['true', 'false']).optional(),
  caseId: z.uuid({ error: 'Geen geldige casus' }).optional(),
  ...pagingQuery,
  ...sortQuery(MEETING_SORT_FIELDS),
});
export type MeetingListQuery = z.infer<typeof meetingListQuerySchema>;
export const meetingListSchema = collection(meetingSchema);
export type MeetingList = z.infer<typeof meetingListSchema>;

/** `GET /meetings/:id/pdf`: a regisseur may print the view of an invited partner. */
export const meetingPdfQuerySchema = z.strictObject({
  partnerId: z.uuid({ error: 'Geen geldige partner' }).optional(),
});
export type MeetingPdfQuery = z.infer<typeof meetingPdfQuerySchema>;
/** The PDF itself: bytes, which Fastify sends unserialised; only the OpenAPI document reads this. */
export const meetingPdfSchema = z
  .unknown()
  .meta({ description: 'Agenda en verslag als PDF (application/pdf)' });

// Alerts -------------------------------------------------------------------------------------------

export const { values: ALERT_KINDS, labels: ALERT_KIND_LABELS } = labelled([
  ['entry_added', 'Nieuwe informatie'],
  ['status_changed', 'Status gewijzigd'],
  ['action_created', 'Nieuwe actie'],
  ['action_done', 'Actie afgerond'],
  ['action_overdue', 'Actie over de termijn'],
  ['signal_matched', 'Nieuw signaal over een betrokkene'],
  ['partner_added', 'Partner toegevoegd'],
  ['signal_overdue', 'Eerste contact met signaal te laat'],
  ['plan_changed', 'Plan van aanpak gewijzigd'],
  ['assessment_added', 'Nieuwe zelfredzaamheidsscore'],
  ['evaluation_added', 'Plan geëvalueerd'],
  ['approach_changed', 'Wijkaanpak gewijzigd'],
  ['indicator_measured', 'Nieuwe meting in de wijkaanpak'],
]);
export type AlertKind = (typeof ALERT_KINDS)[number];
/** The kinds about an area approach (issue 13): they reach its coordinator and carry `approachId`. */
export const APPROACH_ALERT_KINDS = [
  'approach_changed',
  'indicator_measured',
] as const satisfies readonly AlertKind[];
export type ApproachAlertKind = (typeof APPROACH_ALERT_KINDS)[number];

export const alertSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ALERT_KINDS),
  /** The case the alert is about; null for `signal_overdue` (about a signal) and the approach kinds. */
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  signalId: z.uuid().nullable(),
  /** The area approach an `approach_changed` or `indicator_measured` alert is about; else null. */
  approachId: z.uuid().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /**
   * How many changes the alert stands for: entries on one case within a few minutes are gathered
   * into one alert ("3 nieuwe notities"). 1 for every other kind.
   */
  count: z.number().int().min(1),
  /** When the last of those changes came in (`createdAt` for a single one). */
  updatedAt: z.string(),
});
export type Alert = z.infer<typeof alertSchema>;

/** What an alert says in a list or an email: its kind, or for a bundle of entries "3 nieuwe notities". */
export function alertLabel(alert: { kind: AlertKind; count: number }): string {
  if (alert.kind === 'entry_added' && alert.count > 1) return `${alert.count} nieuwe notities`;
  return ALERT_KIND_LABELS[alert.kind];
}

/** `GET /alerts`: only unread ones, and the page. */
export const alertListQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  ...pagingQuery,
  ...sortQuery(ALERT_SORT_FIELDS),
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;
/** A page of the caller's alerts, and how many of all of them are unread. */
export const alertListSchema = collection(alertSchema).extend({ unread: z.number() });
export type AlertList = z.infer<typeof alertListSchema>;

export const { values: EMAIL_PREFERENCES, labels: EMAIL_PREFERENCE_LABELS } = labelled([
  ['immediate', 'Direct een e-mail bij elke wijziging (notities kort na elkaar samen in één e-mail)'],
  ['daily', 'Eén overzicht per dag'],
  ['off', 'Geen e-mail (alleen in de app)'],
]);
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];
export const preferencesSchema = z.strictObject({
  email: z.enum(EMAIL_PREFERENCES, { error: 'Kies immediate, daily of off' }),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** What changed in a case since the caller's previous look. */
export const situationSchema = z.object({
  caseId: z.uuid(),
  previousLookAt: z.string().nullable(),
  newEntries: z.number(),
  statusChanges: z.array(z.object({ from: z.string().nullable(), to: z.string(), at: z.string() })),
  actionsCreated: z.number(),
  actionsDone: z.number(),
  openActions: z.number(),
  overdueActions: z.number(),
  following: z.boolean(),
});
export type Situation = z.infer<typeof situationSchema>;

// Email outbox -------------------------------------------------------------------------------------

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** `GET /outbox` (admin): by status, and the page. */
export const outboxListQuerySchema = z.strictObject({
  status: z.enum(OUTBOX_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OutboxListQuery = z.infer<typeof outboxListQuerySchema>;

/** An email of the outbox: address and thin texts only, by design (see the alert email rules). */
export const outboxItemSchema = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  status: z.string(),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;
export const outboxListSchema = collection(outboxItemSchema);
export type OutboxList = z.infer<typeof outboxListSchema>;

import { z } from 'zod';
import { attachmentSchema, jsonField, uploadsSchema } from './attachments.js';
import { caseSchema, createCaseSchema } from './cases.js';
import { collection, pagingQuery, patchBody, queryFlag } from './contract.js';
import { CREDITOR_TYPES } from './early-warning.js';
import { labelled } from './labelled.js';
import { SIGNAL_SORT_FIELDS, sortQuery } from './sorting.js';
import { isoDateSchema } from './subjects.js';

export const { values: SIGNAL_SOURCES, labels: SIGNAL_SOURCE_LABELS } = labelled([
  ['professional', 'Professional'],
  ['resident', 'Bewoner'],
  ['creditor', 'Vroegsignalering (schuldeiser)'],
  ['outreach', 'Outreach'],
]);
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

/** How urgent a resident group says its report is (the police read it at a glance). */
export const { values: REPORT_URGENCIES, labels: REPORT_URGENCY_LABELS } = labelled([
  ['laag', 'Laag'],
  ['normaal', 'Normaal'],
  ['hoog', 'Hoog'],
  ['spoed', 'Spoed'],
]);
export type ReportUrgency = (typeof REPORT_URGENCIES)[number];

export const { values: SIGNAL_STATUSES, labels: SIGNAL_STATUS_LABELS } = labelled([
  ['new', 'Nieuw'],
  ['triage', 'In behandeling'],
  ['visit_planned', 'Huisbezoek gepland'],
  ['contacted', 'Contact gelegd'],
  ['referred', 'Doorverwezen'],
  ['closed', 'Afgehandeld'],
  ['dismissed', 'Niet opgepakt'],
]);
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/**
 * The status flow: forward through the follow-up, back where work is redone; closed and dismissed
 * are final except that a regisseur may reopen (to triage).
 */
const FLOW: Record<SignalStatus, SignalStatus[]> = {
  new: ['triage', 'visit_planned', 'contacted', 'referred', 'closed', 'dismissed'],
  triage: ['visit_planned', 'contacted', 'referred', 'closed', 'dismissed'],
  visit_planned: ['triage', 'contacted', 'referred', 'closed', 'dismissed'],
  contacted: ['visit_planned', 'referred', 'closed'],
  referred: ['contacted', 'closed'],
  closed: ['triage'],
  dismissed: ['triage'],
};
export function signalTransition(from: SignalStatus, to: SignalStatus): 'step' | 'reopen' | 'invalid' {
  if (!FLOW[from].includes(to)) return 'invalid';
  return from === 'closed' || from === 'dismissed' ? 'reopen' : 'step';
}

/**
 * Who sees a signal: regisseurs, the partner that reported it and the partner it is routed to. The
 * list SQL (`signalVisibleSql` in the server) mirrors it.
 */
export function seesSignal(
  actor: { partnerId: string; roles: readonly string[] },
  s: { reporterPartnerId: string | null; routedPartnerId: string | null },
): boolean {
  return (
    actor.roles.includes('regisseur') ||
    s.reporterPartnerId === actor.partnerId ||
    s.routedPartnerId === actor.partnerId
  );
}

/** Triage (status, case, merge, visits) is for regisseurs and the partner the signal is routed to. */
export function triagesSignal(
  actor: { partnerId: string; roles: readonly string[] },
  s: { routedPartnerId: string | null },
): boolean {
  return (
    actor.roles.includes('regisseur') || (s.routedPartnerId !== null && s.routedPartnerId === actor.partnerId)
  );
}

/** First-contact deadline of a category: calendar days, or working days (no weekends, no Dutch holidays). */
export interface Deadline {
  days: number;
  working: boolean;
}

export interface SignalCategoryDefault {
  key: string;
  label: string;
  /** Residents may choose it on the public report page. */
  publicReport: boolean;
  deadline: Deadline;
}

const WORKING_DAYS = true;
const CALENDAR_DAYS = false;

/**
 * The default signal categories of a municipality (tenant-configurable): key, label, whether residents
 * may choose it, and the first-contact deadline in days of which kind.
 */
export const DEFAULT_SIGNAL_CATEGORIES: SignalCategoryDefault[] = (
  [
    ['overlast_jeugd', 'Overlast jeugd', true, 10, WORKING_DAYS],
    ['woonoverlast', 'Woonoverlast', true, 10, WORKING_DAYS],
    ['verward_gedrag', 'Verward gedrag', true, 1, WORKING_DAYS],
    ['verwaarlozing', 'Verwaarlozing', true, 10, WORKING_DAYS],
    ['zorgen_persoon', 'Zorgen over een persoon', true, 5, WORKING_DAYS],
    ['achterstand_energie', 'Betalingsachterstand energie', false, 28, CALENDAR_DAYS],
    ['achterstand_water', 'Betalingsachterstand water', false, 28, CALENDAR_DAYS],
    ['achterstand_huur', 'Betalingsachterstand huur', false, 28, CALENDAR_DAYS],
    ['achterstand_zorgverzekering', 'Betalingsachterstand zorgverzekering', false, 28, CALENDAR_DAYS],
    ['ondermijning_hennep', 'Ondermijning: hennep', true, 10, WORKING_DAYS],
    ['ondermijning_leegstand', 'Ondermijning: leegstand', true, 10, WORKING_DAYS],
    // Not on the residents' form: a suspicion of money laundering names a business or a person and goes
    // to the police and the municipality through professionals (residents use Meld Misdaad Anoniem).
    ['ondermijning_witwassen', 'Ondermijning: witwassen', false, 10, WORKING_DAYS],
    ['overig', 'Overig', true, 10, WORKING_DAYS],
  ] as const
).map(([key, label, publicReport, days, working]) => ({
  key,
  label,
  publicReport,
  deadline: { days, working },
}));
const postalCode = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[1-9]\d{3}[A-Z]{2}$/, 'Geen geldige postcode (1234 AB)'));

export const signalLocationSchema = z.strictObject({
  street: z.string().trim().max(200, 'Te lang').optional(),
  houseNumber: z.string().trim().max(20, 'Te lang').optional(),
  postalCode: postalCode.optional(),
  city: z.string().trim().max(100, 'Te lang').optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});
export type SignalLocation = z.infer<typeof signalLocationSchema>;

export const createSignalSchema = z.strictObject({
  category: z.string().min(1, 'Kies een categorie').max(60),
  description: z
    .string()
    .trim()
    .min(1, 'Omschrijving is verplicht')
    .max(5000, 'Omschrijving is te lang (max. 5.000 tekens)'),
  source: z.enum(SIGNAL_SOURCES, { error: 'Kies professional, resident, creditor of outreach' }),
  occurredAt: z.iso.datetime({ offset: true, error: 'Geen geldig tijdstip (ISO 8601)' }).optional(),
  location: signalLocationSchema.optional(),
  personIds: z
    .array(z.uuid({ error: 'Geen geldige persoon' }))
    .max(20, 'Te veel personen')
    .optional(),
});
export type CreateSignal = z.infer<typeof createSignalSchema>;
/**
 * The same as multipart/form-data, with photos or documents as `file` parts; `location` and
 * `personIds` are JSON text. The signal and its files are stored together, or nothing is.
 */
export const createSignalFormSchema = createSignalSchema.extend({
  location: jsonField(signalLocationSchema).optional(),
  personIds: jsonField(createSignalSchema.shape.personIds.unwrap()).optional(),
  file: uploadsSchema,
});
export type CreateSignalForm = z.infer<typeof createSignalFormSchema>;

export const updateSignalSchema = patchBody({
  status: z.enum(SIGNAL_STATUSES, { error: 'Onbekende status' }).optional(),
  caseId: z.uuid({ error: 'Geen geldige casus' }).nullable().optional(),
  /** Why it was dismissed or how it ended; required when dismissing. */
  outcome: z.string().trim().max(2000, 'Te lang (max. 2.000 tekens)').optional(),
  /** A short update the resident who reported it may read (no names, no partners). */
  publicUpdate: z.string().trim().max(500, 'Te lang (max. 500 tekens)').optional(),
});
export type UpdateSignal = z.infer<typeof updateSignalSchema>;

export const signalSchema = z.object({
  id: z.uuid(),
  category: z.string(),
  description: z.string(),
  source: z.enum(SIGNAL_SOURCES),
  status: z.enum(SIGNAL_STATUSES),
  location: z.object({
    street: z.string().optional(),
    houseNumber: z.string().optional(),
    postalCode: z.string().optional(),
    city: z.string().optional(),
    lat: z.number().optional(),
    lng: z.number().optional(),
  }),
  personIds: z.array(z.uuid()),
  caseId: z.uuid().nullable(),
  /** The activity of the register of processing the signal is processed under (default by source). */
  processingActivityId: z.uuid(),
  occurredAt: z.string().nullable(),
  areaId: z.uuid().nullable(),
  reporterPartnerId: z.uuid().nullable(),
  routedPartnerId: z.uuid().nullable(),
  /** Why it was routed there, in words. */
  routingReason: z.string().nullable(),
  firstContactDue: z.string().nullable(),
  overdue: z.boolean(),
  bundleId: z.uuid().nullable(),
  mergedIntoId: z.uuid().nullable(),
  outcome: z.string().nullable(),
  creditor: z
    .object({
      type: z.enum(CREDITOR_TYPES),
      name: z.string(),
      reference: z.string(),
      arrearsAmount: z.number().nullable(),
      arrearsSince: z.string().nullable(),
      endOfSupply: z.boolean(),
    })
    .nullable(),
  /** The resident group that reported it (its report, with source `resident`), and the group's name. */
  residentGroupId: z.uuid().nullable(),
  residentGroupName: z.string().nullable(),
  /** How urgent the reporting group said it is: `laag | normaal | hoog | spoed` (group reports only). */
  urgency: z.enum(REPORT_URGENCIES).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Signal = z.infer<typeof signalSchema>;

// Categories and routing --------------------------------------------------------------------------

/** `POST /signal-categories`: a category with its first-contact deadline. */
export const signalCategorySchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'Sleutel: kleine letters, cijfers en _, 2 tot 60 tekens'),
  label: z.string().trim().min(1, 'Naam is verplicht').max(100, 'Naam is te lang (max. 100 tekens)'),
  publicReport: z.boolean().default(false),
  deadlineDays: z.number().int().min(0, 'Niet negatief').max(365, 'Hoogstens 365 dagen'),
  deadlineWorking: z.boolean().default(true),
});
export type CreateSignalCategory = z.infer<typeof signalCategorySchema>;
/** The body as a client sends it (`publicReport` and `deadlineWorking` have defaults). */
export type CreateSignalCategoryInput = z.input<typeof signalCategorySchema>;
/** Only the fields given change (no defaults here: a missing field is not a change). */
export const updateSignalCategorySchema = patchBody({
  label: signalCategorySchema.shape.label.optional(),
  publicReport: z.boolean().optional(),
  deadlineDays: signalCategorySchema.shape.deadlineDays.optional(),
  deadlineWorking: z.boolean().optional(),
});
export type UpdateSignalCategory = z.infer<typeof updateSignalCategorySchema>;
/** `/signal-categories/:key`. */
export const signalCategoryParamsSchema = z.strictObject({ key: z.string().max(60) });
export type SignalCategoryParams = z.infer<typeof signalCategoryParamsSchema>;

/** A category as the API answers it. */
export const signalCategoryViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  publicReport: z.boolean(),
  deadlineDays: z.number(),
  deadlineWorking: z.boolean(),
});
export type SignalCategoryView = z.infer<typeof signalCategoryViewSchema>;
export const signalCategoryListSchema = collection(signalCategoryViewSchema);
export type SignalCategoryList = z.infer<typeof signalCategoryListSchema>;

/** A routing rule: signals of `category` in the area (or anywhere: null) go to the partner. */
export const signalRouteSchema = z.object({
  id: z.uuid(),
  category: z.string(),
  areaId: z.uuid().nullable(),
  partnerId: z.uuid(),
});
export type SignalRoute = z.infer<typeof signalRouteSchema>;
export const signalRouteListSchema = collection(signalRouteSchema);
export type SignalRouteList = z.infer<typeof signalRouteListSchema>;
export const createSignalRouteSchema = z.strictObject({
  category: z.string().min(1).max(60),
  areaId: z.uuid({ error: 'Geen geldig gebied' }).nullable().optional(),
  partnerId: z.uuid({ error: 'Geen geldige partner' }),
});
export type CreateSignalRoute = z.infer<typeof createSignalRouteSchema>;

// The inbox -----------------------------------------------------------------------------------------

/** Which signals `GET /signals` lists; the same filter goes to the CSV export. Flags are `true`/`false`. */
const signalFilterFields = {
  status: z.enum(SIGNAL_STATUSES, { error: 'Onbekende status' }).optional(),
  category: z.string().max(60).optional(),
  source: z.enum(SIGNAL_SOURCES, { error: 'Onbekende bron' }).optional(),
  creditorType: z.enum(CREDITOR_TYPES, { error: 'Onbekend soort schuldeiser' }).optional(),
  areaId: z.uuid({ error: 'Geen geldig gebied' }).optional(),
  /** The reports of one resident group. */
  residentGroupId: z.uuid({ error: 'Geen geldige bewonersgroep' }).optional(),
  routedToMe: queryFlag,
  overdue: queryFlag,
  open: queryFlag,
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  q: z.string().trim().max(200).optional(),
};
/** `GET /signals/export`: the filter. */
export const signalFilterQuerySchema = z.strictObject(signalFilterFields);
export type SignalFilterQuery = z.infer<typeof signalFilterQuerySchema>;
/** `GET /signals`: the filter and the page. */
export const signalListQuerySchema = z.strictObject({
  ...signalFilterFields,
  ...pagingQuery,
  ...sortQuery(SIGNAL_SORT_FIELDS),
});
export type SignalListQuery = z.infer<typeof signalListQuerySchema>;
export const signalListSchema = collection(signalSchema);
export type SignalList = z.infer<typeof signalListSchema>;

/** The CSV text of `GET /signals/export` (semicolons, UTF-8 with BOM). */
export const signalExportSchema = z.string();

export const { values: VISIT_OUTCOMES, labels: VISIT_OUTCOME_LABELS } = labelled([
  ['not_home', 'Niet thuis'],
  ['contact', 'Contact gehad'],
  ['help_accepted', 'Hulp geaccepteerd'],
  ['referred', 'Doorverwezen'],
  ['declined', 'Hulp afgewezen'],
]);
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** A home visit about a signal: planned, then its outcome recorded once. */
export const visitSchema = z.object({
  id: z.uuid(),
  signalId: z.uuid(),
  plannedDate: z.string(),
  visitorUserId: z.uuid().nullable(),
  visitorName: z.string().nullable(),
  partnerId: z.uuid(),
  outcome: z.enum(VISIT_OUTCOMES).nullable(),
  referredPartnerId: z.uuid().nullable(),
  nextStep: z.string().nullable(),
  nextDate: z.string().nullable(),
  notes: z.string().nullable(),
  recordedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;

/** A record of a signal's history; ids of cases and signals the reader may not open read `hidden`. */
export const signalHistoryItemSchema = z.object({
  at: z.string(),
  userName: z.string().nullable(),
  change: z.record(z.string(), z.unknown()),
  publicText: z.string().nullable(),
});
export type SignalHistoryItem = z.infer<typeof signalHistoryItemSchema>;

/** A person, household or open case the signal was matched to. */
export const signalMatchSchema = z.object({ kind: z.string(), targetId: z.uuid(), method: z.string() });
export type SignalMatch = z.infer<typeof signalMatchSchema>;

/** `GET /signals/:id`: the signal with its history, visits and (only "that", never "what") involvement. */
export const signalDetailSchema = signalSchema.extend({
  /**
   * The name of the user who reported it: the professional, or for a creditor file whoever read it in;
   * null for a resident's report (the resident is never named here).
   */
  reporterName: z.string().nullable(),
  history: z.array(signalHistoryItemSchema),
  visits: z.array(visitSchema),
  /** "Only that, never what": other partners who are involved, and who coordinates. */
  involvement: z.object({ partners: z.array(z.string()), coordinator: z.string() }).nullable(),
  /** Persons and cases this signal matched; only for the regisseur. */
  matches: z.array(signalMatchSchema).nullable(),
  canTriage: z.boolean(),
  /** Photos and documents of the signal (a resident's photo too); whoever sees the signal sees them. */
  attachments: z.array(attachmentSchema),
});
export type SignalDetail = z.infer<typeof signalDetailSchema>;

/** `POST /signals/:id/case`: a case started from the signal, with the signal's persons. */
export const startCaseFromSignalSchema = z.strictObject({
  title: z.string().trim().min(1, 'Titel is verplicht').max(200),
  type: createCaseSchema.shape.type,
  partnerIds: createCaseSchema.shape.partnerIds,
  directorUserId: createCaseSchema.shape.directorUserId,
});
export type StartCaseFromSignal = z.infer<typeof startCaseFromSignalSchema>;
/** The body as a client sends it (`partnerIds` defaults to none). */
export type StartCaseFromSignalInput = z.input<typeof startCaseFromSignalSchema>;
export const caseFromSignalSchema = z.object({ signal: signalSchema, case: caseSchema });
export type CaseFromSignal = z.infer<typeof caseFromSignalSchema>;

/** `POST /signals/:id/merge`. */
export const mergeSignalSchema = z.strictObject({ intoId: z.uuid({ error: 'Geen geldig signaal' }) });
export type MergeSignal = z.infer<typeof mergeSignalSchema>;

/** `POST /signals/:id/visits`. */
export const planVisitSchema = z.strictObject({
  plannedDate: isoDateSchema,
  visitorUserId: z.uuid({ error: 'Geen geldige gebruiker' }).nullable().optional(),
});
export type PlanVisit = z.infer<typeof planVisitSchema>;

/** `POST /visits/:id/outcome`. */
export const recordVisitOutcomeSchema = z.strictObject({
  outcome: z.enum(VISIT_OUTCOMES, { error: 'Kies een uitkomst' }),
  referredPartnerId: z.uuid({ error: 'Geen geldige partner' }).nullable().optional(),
  nextStep: z.string().trim().max(500).nullable().optional(),
  nextDate: isoDateSchema.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});
export type RecordVisitOutcome = z.infer<typeof recordVisitOutcomeSchema>;

/** `GET /outreach/worklist`: the day (default today). */
export const worklistQuerySchema = z.strictObject({ date: isoDateSchema.optional() });
export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

/** One visit of the day's route, with the reason in plain words. */
export const worklistItemSchema = z.object({
  order: z.number(),
  visitId: z.uuid(),
  /** Null when the visitor may not open the signal. */
  signalId: z.uuid().nullable(),
  reason: z.string(),
  address: z.string(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  metresFromPrevious: z.number().nullable(),
  earlierAttempts: z.number(),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;
export const worklistSchema = z.object({
  date: z.string(),
  items: z.array(worklistItemSchema),
  total: z.number(),
});
export type Worklist = z.infer<typeof worklistSchema>;

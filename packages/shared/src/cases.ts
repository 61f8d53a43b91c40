import { z } from 'zod';
import { attachmentSchema, uploadsSchema } from './attachments.js';
import { collection, pagingQuery, patchBody } from './contract.js';
import { labelled } from './labelled.js';
import { CASE_OUTCOMES } from './plans.js';
import { CASE_SORT_FIELDS, sortQuery } from './sorting.js';
import { type SubjectKind, subjectRefSchema } from './subjects.js';

export const { values: CASE_TYPES, labels: CASE_TYPE_LABELS } = labelled([
  ['person', 'Persoonsgerichte aanpak'],
  ['household', 'Gezinsgerichte aanpak'],
  ['group', 'Groepsaanpak'],
  ['area', 'Gebiedsgerichte aanpak'],
  ['undermining', 'Ondermijning'],
]);
export type CaseType = (typeof CASE_TYPES)[number];

export const { values: CASE_STATUSES, labels: CASE_STATUS_LABELS } = labelled([
  ['registered', 'Aangemeld'],
  ['triage', 'Triage'],
  ['analysis', 'Analyse'],
  ['plan', 'Plan van aanpak'],
  ['execution', 'Uitvoering'],
  ['evaluation', 'Evaluatie'],
  ['closed', 'Afgesloten'],
]);
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * How a case ended: the outcome (`CASE_OUTCOMES` of plans.ts) and, if the director wrote one, a word on
 * it. Asked when a case closes; optional in the API (a case closed before issue 12 has none).
 */
export const caseResultSchema = z.object({ outcome: z.enum(CASE_OUTCOMES), text: z.string().nullable() });
export type CaseResult = z.infer<typeof caseResultSchema>;

const OPEN_ORDER = CASE_STATUSES.slice(0, -1) as Exclude<CaseStatus, 'closed'>[];

/**
 * The lifecycle: one step forward or back between the open states; close from any open state;
 * a closed case can only be reopened (to any open state), and only by a regisseur.
 */
export function transitionKind(from: CaseStatus, to: CaseStatus): 'step' | 'close' | 'reopen' | 'invalid' {
  if (from === to) return 'invalid';
  if (to === 'closed') return 'close';
  if (from === 'closed') return 'reopen';
  const a = OPEN_ORDER.indexOf(from);
  const b = OPEN_ORDER.indexOf(to);
  return Math.abs(a - b) === 1 ? 'step' : 'invalid';
}

/** The statuses a case may move to next (without the role rule for reopening). */
export function nextStatuses(from: CaseStatus): CaseStatus[] {
  return CASE_STATUSES.filter((to) => transitionKind(from, to) !== 'invalid');
}

/** Which subject kinds a case type is usually about; the first subject must be one of them. */
export const CASE_TYPE_SUBJECTS: Record<CaseType, SubjectKind[]> = {
  person: ['person'],
  household: ['household'],
  group: ['group'],
  area: ['location'],
  undermining: ['location', 'person', 'group'],
};

export const createCaseSchema = z.strictObject({
  type: z.enum(CASE_TYPES, { error: 'Onbekend soort casus' }),
  title: z.string().trim().min(1, 'Titel is verplicht').max(200, 'Titel is te lang (max. 200 tekens)'),
  subjects: z.array(subjectRefSchema).max(50, 'Te veel betrokkenen').default([]),
  partnerIds: z
    .array(z.uuid({ error: 'Geen geldige partner' }))
    .max(50)
    .default([]),
  directorUserId: z.uuid({ error: 'Geen geldige gebruiker' }).nullable().optional(),
  areaId: z.uuid({ error: 'Geen geldig gebied' }).nullable().optional(),
});
export type CreateCase = z.infer<typeof createCaseSchema>;
/** What a client sends (`subjects` and `partnerIds` may be left out). */
export type CreateCaseInput = z.input<typeof createCaseSchema>;

export const updateCaseSchema = patchBody({
  status: z.enum(CASE_STATUSES, { error: 'Onbekende status' }).optional(),
  /** Only with `status: "closed"`: how the case ended. */
  result: z
    .strictObject({
      outcome: z.enum(CASE_OUTCOMES, { error: 'Onbekende uitkomst' }),
      text: z.string().trim().max(5000, 'Te lang (max. 5.000 tekens)').nullable().optional(),
    })
    .optional(),
  title: createCaseSchema.shape.title.optional(),
  partnerIds: createCaseSchema.shape.partnerIds.unwrap().optional(),
  directorUserId: createCaseSchema.shape.directorUserId,
});
export type UpdateCase = z.infer<typeof updateCaseSchema>;

export const caseSubjectSchema = z.object({
  kind: z.string(),
  /** Null when the caller may not open this subject (their partner may not read `basis`). */
  id: z.uuid().nullable(),
  /** A display name; only present when the caller's partner may read the `basis` category. */
  label: z.string().optional(),
});
export type CaseSubject = z.infer<typeof caseSubjectSchema>;

export const caseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  type: z.enum(CASE_TYPES),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  result: caseResultSchema.nullable(),
  subjects: z.array(caseSubjectSchema),
  partnerIds: z.array(z.uuid()),
  directorUserId: z.uuid().nullable(),
  /** Staff names are no protected content; shown so every participant knows whom to call. */
  directorName: z.string().nullable(),
  areaId: z.uuid().nullable(),
  /** The activity of the register of processing the case is processed under (default by case type). */
  processingActivityId: z.uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Case = z.infer<typeof caseSchema>;

/** `GET /cases`: the filters (`mine=true`: the cases I direct) and the page. */
export const caseListQuerySchema = z.strictObject({
  type: z.enum(CASE_TYPES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  areaId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
  ...pagingQuery,
  ...sortQuery(CASE_SORT_FIELDS),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export const caseListSchema = collection(caseSchema);
export type CaseList = z.infer<typeof caseListSchema>;

export const relatedCaseSchema = caseSchema
  .pick({ id: true, reference: true, type: true, title: true, status: true })
  .extend({
    /** The member through whom; null when the caller may not open that person. */
    viaPersonId: z.uuid().nullable(),
  });
export type RelatedCase = z.infer<typeof relatedCaseSchema>;
export const caseDetailSchema = caseSchema.extend({
  /** Person cases of the members of a household or group case that the caller may see. */
  relatedCases: z.array(relatedCaseSchema),
  /** Statuses the caller may move the case to now. */
  allowedStatuses: z.array(z.enum(CASE_STATUSES)),
  /** The signals the case was started from or that were attached to it, as far as the caller may open them. */
  signalIds: z.array(z.uuid()),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const { values: ENTRY_KINDS, labels: ENTRY_KIND_LABELS } = labelled([
  ['note', 'Notitie'],
  ['minutes', 'Verslag'],
  ['decision', 'Besluit'],
]);
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const createEntrySchema = z.strictObject({
  category: z.string().min(1, 'Kies een categorie').max(40),
  text: z.string().trim().min(1, 'Tekst is verplicht').max(20_000, 'Tekst is te lang (max. 20.000 tekens)'),
  correctsEntryId: z.uuid({ error: 'Geen geldige id' }).optional(),
});
export type CreateEntry = z.infer<typeof createEntrySchema>;
/**
 * The same as multipart/form-data, with files: the fields `category`, `text` (and `correctsEntryId`)
 * and one or more `file` parts. The entry and its files are stored together, or nothing is.
 */
export const createEntryFormSchema = createEntrySchema.extend({ file: uploadsSchema });
export type CreateEntryForm = z.infer<typeof createEntryFormSchema>;

export const entrySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  category: z.string(),
  text: z.string(),
  authorUserId: z.uuid(),
  authorName: z.string(),
  partnerId: z.uuid(),
  correctsEntryId: z.uuid().nullable(),
  /** A journal note, or minutes / a decision recorded in a meeting (`meetingId`). */
  kind: z.enum(ENTRY_KINDS),
  meetingId: z.uuid().nullable(),
  createdAt: z.string(),
  /** Files sent with the entry; read under the entry's category, like its text. */
  attachments: z.array(attachmentSchema),
});
export type Entry = z.infer<typeof entrySchema>;

/** `GET /cases/:id/entries`: one category or all readable ones, and the page. */
export const entryListQuerySchema = z.strictObject({
  category: z.string().max(40).optional(),
  ...pagingQuery,
});
export type EntryListQuery = z.infer<typeof entryListQuerySchema>;
export const entryListSchema = collection(entrySchema);
export type EntryList = z.infer<typeof entryListSchema>;

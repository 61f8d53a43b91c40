import { z } from 'zod';
import { AUDIT_ACTIONS } from './audit.js';
import { CASE_STATUSES, CASE_TYPES } from './cases.js';
import { GOAL_STATUSES } from './plans.js';
import { SIGNAL_SOURCES, SIGNAL_STATUSES } from './signals.js';
import { personSchema } from './subjects.js';

/*
 * The access report of one person (AVG art. 15, "inzage"; issue 15, point 3): everything the
 * municipality holds on the person and every read and change of it — when, which organisation, for
 * which processing activity. The regisseur or the privacy officer makes it; it is itself audited.
 * It holds ALL the person's data, whatever the matrix would show the caller: it is the data subject's
 * right to see it, and the caller hands it to them.
 */

/** The processing activity of the register a case or signal is processed under. */
export const reportProcessingSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  lawReference: z.string().nullable(),
  retentionDays: z.number(),
});

/** A journal entry of a case: its information category and text, and the organisation that wrote it. */
export const reportEntrySchema = z.object({
  category: z.string(),
  categoryLabel: z.string(),
  text: z.string(),
  createdAt: z.string(),
  partner: z.object({ id: z.uuid(), name: z.string() }),
});

export const reportGoalSchema = z.object({
  domain: z.string(),
  domainLabel: z.string(),
  text: z.string(),
  status: z.enum(GOAL_STATUSES),
  targetScore: z.number().nullable(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
});

/** One assessment (zelfredzaamheidsscore) of the person: the day and the score per life domain. */
export const reportAssessmentSchema = z.object({
  assessedOn: z.string(),
  partnerName: z.string().nullable(),
  scores: z.array(
    z.object({ domain: z.string(), domainLabel: z.string(), score: z.number(), note: z.string().nullable() }),
  ),
});

export const reportCaseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  type: z.enum(CASE_TYPES),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** Why the person is in the case: directly, or as a member of a household or group of the case. */
  via: z.enum(['person', 'household', 'group']),
  processingActivity: reportProcessingSchema,
  /** The organisations taking part in the case. */
  partners: z.array(z.object({ id: z.uuid(), name: z.string() })),
  entries: z.array(reportEntrySchema),
  goals: z.array(reportGoalSchema),
  assessments: z.array(reportAssessmentSchema),
});

export const reportSignalSchema = z.object({
  id: z.uuid(),
  category: z.string(),
  categoryLabel: z.string(),
  source: z.enum(SIGNAL_SOURCES),
  status: z.enum(SIGNAL_STATUSES),
  description: z.string(),
  createdAt: z.string(),
  processingActivity: reportProcessingSchema,
});

/** A household or group the person belongs to, or another relation of the person. */
export const reportRelationSchema = z.object({
  relation: z.string(),
  kind: z.enum(['person', 'household', 'group', 'location']),
  name: z.string(),
  direction: z.enum(['from', 'to']),
});

/** One read or change of the person's data, from the audit log. */
export const reportAccessSchema = z.object({
  at: z.string(),
  userId: z.uuid().nullable(),
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  processingActivityId: z.uuid().nullable(),
  processingActivityName: z.string().nullable(),
  objectType: z.string(),
  /** The case's reference when the record is about one of the person's cases. */
  caseReference: z.string().nullable(),
  purpose: z.string(),
});

export const accessReportSchema = z.object({
  person: personSchema.extend({
    /** The organisation that registered the person. */
    registeredBy: z.string().nullable(),
  }),
  relations: z.array(reportRelationSchema),
  cases: z.array(reportCaseSchema),
  signals: z.array(reportSignalSchema),
  /** Every read and change of the person's data, newest first. */
  accesses: z.array(reportAccessSchema),
  /** When the report was made. */
  madeAt: z.string(),
});
export type AccessReport = z.infer<typeof accessReportSchema>;
export type ReportAccess = z.infer<typeof reportAccessSchema>;

export const accessReportQuerySchema = z.strictObject({
  format: z.enum(['json', 'pdf'], { error: 'Kies json of pdf' }).optional(),
});
export type AccessReportQuery = z.infer<typeof accessReportQuerySchema>;

/** The report as JSON, or (`format=pdf`) the letter to the person as a PDF download. */
export const accessReportAnswerSchema = z.union([
  accessReportSchema,
  z.string().meta({ description: 'Met format=pdf: de brief aan de persoon (application/pdf)' }),
]);

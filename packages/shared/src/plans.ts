import { z } from 'zod';
import { itemList, patchBody } from './contract.js';
import { labelled } from './labelled.js';
import { isoDateSchema } from './subjects.js';

/**
 * The integrated plan of approach (issue 12): life domains, assessments (scores per domain over time),
 * goals per subject and domain with the actions toward them, evaluations, and the results across
 * cases. Every domain belongs to an information category of the matrix, so the matrix decides who
 * reads and writes its scores and goals — the same rule as for journal entries.
 */

// Life domains -------------------------------------------------------------------------------------

export const { values: LIFE_DOMAIN_GROUPS, labels: LIFE_DOMAIN_GROUP_LABELS } = labelled([
  ['zrm', 'Zelfredzaamheid (ZRM)'],
  ['veiligheid', 'Veiligheid'],
]);
export type LifeDomainGroup = (typeof LIFE_DOMAIN_GROUPS)[number];

/**
 * The defaults of a new municipality: the 13 domains of the Zelfredzaamheid-Matrix (ZRM 2017, domain
 * names only) and four safety domains, each under the default category that fits it best. A
 * municipality changes them (`PATCH /life-domains/{key}`), the category included.
 */
export const DEFAULT_LIFE_DOMAINS: readonly {
  key: string;
  label: string;
  group: LifeDomainGroup;
  category: string;
}[] = [
  { key: 'financien', label: 'Financiën', group: 'zrm', category: 'financien' },
  { key: 'werk_opleiding', label: 'Werk & opleiding', group: 'zrm', category: 'zorg' },
  { key: 'tijdsbesteding', label: 'Tijdsbesteding', group: 'zrm', category: 'zorg' },
  { key: 'huisvesting', label: 'Huisvesting', group: 'zrm', category: 'wonen' },
  { key: 'huiselijke_relaties', label: 'Huiselijke relaties', group: 'zrm', category: 'zorg' },
  { key: 'geestelijke_gezondheid', label: 'Geestelijke gezondheid', group: 'zrm', category: 'zorg' },
  { key: 'lichamelijke_gezondheid', label: 'Lichamelijke gezondheid', group: 'zrm', category: 'zorg' },
  { key: 'middelengebruik', label: 'Middelengebruik', group: 'zrm', category: 'zorg' },
  { key: 'basale_adl', label: 'Basale ADL', group: 'zrm', category: 'zorg' },
  { key: 'instrumentele_adl', label: 'Instrumentele ADL', group: 'zrm', category: 'zorg' },
  { key: 'sociaal_netwerk', label: 'Sociaal netwerk', group: 'zrm', category: 'zorg' },
  {
    key: 'maatschappelijke_participatie',
    label: 'Maatschappelijke participatie',
    group: 'zrm',
    category: 'zorg',
  },
  { key: 'justitie', label: 'Justitie', group: 'zrm', category: 'justitie' },
  { key: 'overlast', label: 'Overlast', group: 'veiligheid', category: 'veiligheid' },
  { key: 'criminaliteit', label: 'Criminaliteit', group: 'veiligheid', category: 'politie' },
  {
    key: 'huiselijk_geweld',
    label: 'Huiselijk geweld en kindveiligheid',
    group: 'veiligheid',
    category: 'veiligheid',
  },
  { key: 'ondermijning', label: 'Ondermijning', group: 'veiligheid', category: 'ondermijning' },
];

export const lifeDomainSchema = z.object({
  key: z.string(),
  label: z.string(),
  group: z.enum(LIFE_DOMAIN_GROUPS),
  /** The matrix category that governs who sees and writes the domain's scores and goals. */
  category: z.string(),
});
export type LifeDomain = z.infer<typeof lifeDomainSchema>;
/** `GET /life-domains`: all of them, in their order (no paging). */
export const lifeDomainListSchema = itemList(lifeDomainSchema);
export type LifeDomainList = z.infer<typeof lifeDomainListSchema>;

const domainLabel = z.string().trim().min(1, 'Naam is verplicht').max(100, 'Te lang (max. 100 tekens)');
const domainCategory = z.string().trim().min(1, 'Kies een categorie').max(50);

export const createLifeDomainSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,49}$/, 'Kleine letters, cijfers en _ (2–50 tekens), beginnend met een letter'),
  label: domainLabel,
  group: z.enum(LIFE_DOMAIN_GROUPS, { error: 'Kies zrm of veiligheid' }),
  category: domainCategory,
});
export type CreateLifeDomain = z.infer<typeof createLifeDomainSchema>;

export const updateLifeDomainSchema = patchBody({
  label: domainLabel.optional(),
  group: z.enum(LIFE_DOMAIN_GROUPS, { error: 'Kies zrm of veiligheid' }).optional(),
  category: domainCategory.optional(),
});
export type UpdateLifeDomain = z.infer<typeof updateLifeDomainSchema>;

export const lifeDomainParams = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'Geen geldig leefgebied'),
});

// Scores and assessments ---------------------------------------------------------------------------

/** A score as answered: 1 to 5. */
const scoreSchema = z.number().int().min(1).max(5);

/** ZRM levels: 1 acute problematiek … 5 volledig zelfredzaam. A domain left out is "niet besproken". */
export const { values: SCORES, labels: SCORE_LABELS } = labelled([
  [1, 'Acute problematiek'],
  [2, 'Niet zelfredzaam'],
  [3, 'Beperkt zelfredzaam'],
  [4, 'Voldoende zelfredzaam'],
  [5, 'Volledig zelfredzaam'],
]);
export type Score = (typeof SCORES)[number];
export const NOT_DISCUSSED_LABEL = 'Niet besproken';

const scoreValue = z
  .number({ error: 'Een score is een getal van 1 tot en met 5' })
  .int('Een score is een geheel getal van 1 tot en met 5')
  .min(1, 'Een score is een getal van 1 tot en met 5')
  .max(5, 'Een score is een getal van 1 tot en met 5');

export const createAssessmentSchema = z.strictObject({
  caseId: z.uuid({ error: 'Geen geldige casus' }),
  date: isoDateSchema,
  scores: z
    .array(
      z.strictObject({
        domain: z.string().trim().min(1, 'Kies een leefgebied').max(50),
        score: scoreValue,
        note: z.string().trim().max(2000, 'Te lang (max. 2.000 tekens)').nullable().optional(),
      }),
    )
    .min(1, 'Geef minstens één score')
    .max(50)
    .refine((scores) => new Set(scores.map((s) => s.domain)).size === scores.length, {
      message: 'Elk leefgebied één keer',
    }),
});
export type CreateAssessment = z.infer<typeof createAssessmentSchema>;

export const domainScoreSchema = z.object({
  domain: z.string(),
  score: scoreSchema,
  note: z.string().nullable(),
});
export type DomainScore = z.infer<typeof domainScoreSchema>;

export const assessmentSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  caseId: z.uuid(),
  date: z.string(),
  /** Only the scores of domains whose category the caller's partner may read. */
  scores: z.array(domainScoreSchema),
  authorUserId: z.uuid().nullable(),
  /** Staff names are no protected content. */
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;
/** `GET /persons/{id}/assessments`: oldest first, every one of them (a person has tens, not thousands). */
export const assessmentListSchema = itemList(assessmentSchema);
export type AssessmentList = z.infer<typeof assessmentListSchema>;

// Goals ----------------------------------------------------------------------------------------------

export const { values: GOAL_STATUSES, labels: GOAL_STATUS_LABELS } = labelled([
  ['open', 'Loopt'],
  ['achieved', 'Bereikt'],
  ['partly_achieved', 'Deels bereikt'],
  ['not_achieved', 'Niet bereikt'],
  ['dropped', 'Vervallen'],
]);
export type GoalStatus = (typeof GOAL_STATUSES)[number];

const goalText = z.string().trim().min(1, 'Beschrijf wat er moet veranderen').max(2000, 'Te lang');

export const createGoalSchema = z.strictObject({
  domain: z.string().trim().min(1, 'Kies een leefgebied').max(50),
  /** A subject of the case (the person, the household, …). */
  subjectId: z.uuid({ error: 'Kies voor wie het doel is' }),
  text: goalText,
  targetScore: scoreValue.nullable().optional(),
  dueDate: isoDateSchema.nullable().optional(),
});
export type CreateGoal = z.infer<typeof createGoalSchema>;

export const updateGoalSchema = patchBody({
  text: goalText.optional(),
  targetScore: scoreValue.nullable().optional(),
  dueDate: isoDateSchema.nullable().optional(),
  status: z.enum(GOAL_STATUSES, { error: 'Onbekende status' }).optional(),
});
export type UpdateGoal = z.infer<typeof updateGoalSchema>;

export const goalSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  domain: z.string(),
  /** The subject the goal is for; null when the caller may not open that subject (the goal stays). */
  subjectId: z.uuid().nullable(),
  text: z.string(),
  targetScore: scoreSchema.nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  /** The actions tied to the goal (the caller sees the case, so all of them). */
  actionIds: z.array(z.uuid()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Goal = z.infer<typeof goalSchema>;

// Evaluations ----------------------------------------------------------------------------------------

const goalStatusChange = z.strictObject({
  goalId: z.uuid({ error: 'Geen geldig doel' }),
  status: z.enum(GOAL_STATUSES, { error: 'Onbekende status' }),
});

export const createEvaluationSchema = z.strictObject({
  date: isoDateSchema,
  text: z.string().trim().min(1, 'Wat is de stand van zaken?').max(20_000, 'Te lang (max. 20.000 tekens)'),
  goalStatuses: z.array(goalStatusChange).max(200).optional(),
});
export type CreateEvaluation = z.infer<typeof createEvaluationSchema>;

export const evaluationSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  date: z.string(),
  text: z.string(),
  /** The goal statuses set at this evaluation, of goals the caller may see. */
  goalStatuses: z.array(z.object({ goalId: z.uuid(), status: z.enum(GOAL_STATUSES) })),
  authorUserId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

// The plan -------------------------------------------------------------------------------------------

export const latestScoreSchema = z.object({
  /** The person scored; null when the caller may not open that person. */
  subjectId: z.uuid().nullable(),
  domain: z.string(),
  score: scoreSchema,
  date: z.string(),
});
export type LatestScore = z.infer<typeof latestScoreSchema>;

/** A linked case; `subjectId` (the member it is about) is null when the caller may not open that person. */
export const linkedCaseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  subjectId: z.uuid().nullable(),
});
export type LinkedCase = z.infer<typeof linkedCaseSchema>;

/**
 * `GET /cases/{id}/plan`. `goals` and `latestScores` hold only domains the caller's partner may read.
 * `linkedCases`: for a household case, the members' own cases the caller sees (the person approach
 * inside the household plan), with their goals in `linkedGoals`; `householdCases`: for a member's
 * case, the household cases it belongs to. `evaluations` oldest first.
 */
export const planSchema = z.object({
  caseId: z.uuid(),
  goals: z.array(goalSchema),
  latestScores: z.array(latestScoreSchema),
  linkedCases: z.array(linkedCaseSchema),
  linkedGoals: z.array(goalSchema),
  householdCases: z.array(linkedCaseSchema),
  evaluations: z.array(evaluationSchema),
});
export type Plan = z.infer<typeof planSchema>;

/** The plan as PDF: bytes, which Fastify sends unserialised; only the OpenAPI document reads this. */
export const planPdfSchema = z
  .unknown()
  .meta({ description: 'Het plan van aanpak als PDF (application/pdf)' });
export const planPdfQuerySchema = z.strictObject({
  /** A regisseur prints the plan as a partner would see it. */
  partnerId: z.uuid({ error: 'Geen geldige partner' }).optional(),
});
export type PlanPdfQuery = z.infer<typeof planPdfQuerySchema>;

// Results across cases -------------------------------------------------------------------------------

export const { values: CASE_OUTCOMES, labels: CASE_OUTCOME_LABELS } = labelled([
  ['goals_achieved', 'Doelen bereikt'],
  ['partly_achieved', 'Doelen deels bereikt'],
  ['not_achieved', 'Doelen niet bereikt'],
  ['transferred', 'Overgedragen'],
  ['stopped', 'Gestopt'],
]);
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const outcomesQuerySchema = z.strictObject({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /**
   * A wijk (with its buurten) or buurt: the persons whose latest assessment in the period was made in
   * a case of that area (a person has no address point of their own; the case has its area), and the
   * cases of that area closed in the period.
   */
  areaId: z.uuid({ error: 'Geen geldig gebied' }).optional(),
});
export type OutcomesQuery = z.infer<typeof outcomesQuerySchema>;

export const domainOutcomeSchema = z.object({
  domain: z.string(),
  /** Persons with at least two scores on the domain in the period. */
  persons: z.number().int(),
  improved: z.number().int(),
  same: z.number().int(),
  worsened: z.number().int(),
  averageFirst: z.number().nullable(),
  averageLast: z.number().nullable(),
});
export type DomainOutcome = z.infer<typeof domainOutcomeSchema>;

export const outcomesSchema = z.object({
  domains: z.array(domainOutcomeSchema),
  closedCases: z.array(z.object({ outcome: z.enum(CASE_OUTCOMES), count: z.number().int() })),
});
export type Outcomes = z.infer<typeof outcomesSchema>;

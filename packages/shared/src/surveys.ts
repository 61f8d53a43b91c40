import { z } from 'zod';
import { itemList } from './contract.js';
import { labelled } from './labelled.js';
import { postalCodeSchema } from './subjects.js';

/*
 * The neighbourhood survey (bewonersenquête, issue 14): a regisseur opens it for wijken or buurten,
 * residents answer the standard questions on a public page without an account, and the results per
 * buurt feed the area approach. The questions measure what the national Veiligheidsmonitor and the
 * collective-efficacy research (Sampson: social cohesion and informal social control) measure, in the
 * municipality's own words.
 */

/** Fewer responses than this in a buurt (or in total) and its indicators are not shown (`null`). */
export const SURVEY_MIN_RESPONSES = 10;
/** The rule of thumb: about a fifth of the residents willing to act gives a buurt its collective efficacy. */
export const WILLING_TO_ACT_RULE_PCT = 20;

export const { values: SURVEY_STATUSES, labels: SURVEY_STATUS_LABELS } = labelled([
  ['planned', 'Gepland'],
  ['open', 'Open'],
  ['closed', 'Gesloten, resultaten gepubliceerd'],
]);
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** The indicators a survey yields per buurt; an approach indicator with source `survey` names one. */
export const { values: SURVEY_INDICATORS, labels: SURVEY_INDICATOR_LABELS } = labelled([
  ['unsafeSometimesPct', 'Voelt zich wel eens onveilig in de buurt (%)'],
  ['safetyMark', 'Rapportcijfer veiligheid (1–10)'],
  ['liveabilityMark', 'Rapportcijfer leefbaarheid (1–10)'],
  ['cohesionScore', 'Sociale samenhang (0–10)'],
  ['efficacyScore', 'Sociale controle: buren grijpen in (0–10)'],
  ['willingToActPct', 'Wil zich inzetten voor de buurt (%)'],
]);
export type SurveyIndicator = (typeof SURVEY_INDICATORS)[number];

export const { values: SURVEY_QUESTION_KINDS } = labelled([
  ['choice', 'Keuze'],
  ['scale', 'Schaal'],
]);

export const surveyQuestionSchema = z.object({
  key: z.string(),
  /** The group of questions it belongs to (one fieldset on the page), with the group's lead-in text. */
  group: z.string(),
  text: z.string(),
  kind: z.enum(SURVEY_QUESTION_KINDS),
  options: z.array(z.object({ value: z.union([z.string(), z.number()]), label: z.string() })).optional(),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  /** Every standard question must be answered, except where this says otherwise. */
  required: z.boolean(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

/** The groups of the standard questions and the lead-in text of each. */
export const SURVEY_GROUPS = {
  safety: 'Veiligheid in uw buurt',
  marks: 'Rapportcijfers voor uw buurt',
  cohesion: 'De mensen in uw buurt. In hoeverre bent u het eens met deze uitspraken?',
  efficacy:
    'Stel dat het volgende in uw buurt gebeurt. Hoe waarschijnlijk is het dat buurtbewoners er iets van zeggen of ingrijpen?',
  act: 'Meedoen',
} as const;

const agree = [
  { value: 1, label: 'Helemaal oneens' },
  { value: 2, label: 'Oneens' },
  { value: 3, label: 'Niet eens, niet oneens' },
  { value: 4, label: 'Eens' },
  { value: 5, label: 'Helemaal eens' },
];
const likely = [
  { value: 1, label: 'Zeer onwaarschijnlijk' },
  { value: 2, label: 'Onwaarschijnlijk' },
  { value: 3, label: 'Misschien' },
  { value: 4, label: 'Waarschijnlijk' },
  { value: 5, label: 'Zeer waarschijnlijk' },
];
const mark = (key: string, text: string): SurveyQuestion => ({
  key,
  group: SURVEY_GROUPS.marks,
  text,
  kind: 'scale',
  min: 1,
  max: 10,
  required: true,
});
const statement = (key: string, group: string, text: string, options: typeof agree): SurveyQuestion => ({
  key,
  group,
  text,
  kind: 'scale',
  options,
  min: 1,
  max: 5,
  required: true,
});
/** A statement on how the neighbours get on, answered from disagree to agree. */
const cohesion = (key: string, text: string) => statement(key, SURVEY_GROUPS.cohesion, text, agree);
/** A situation in the buurt, answered with how likely the neighbours are to step in. */
const efficacy = (key: string, text: string) => statement(key, SURVEY_GROUPS.efficacy, text, likely);

/** Cohesion statements said negatively: their score is reversed (6 − answer) before averaging. */
export const REVERSED_COHESION_KEYS: readonly string[] = ['cohesion2', 'cohesion4'];
export const COHESION_KEYS = ['cohesion1', 'cohesion2', 'cohesion3', 'cohesion4', 'cohesion5'] as const;
export const EFFICACY_KEYS = ['efficacy1', 'efficacy2', 'efficacy3', 'efficacy4', 'efficacy5'] as const;

/** The standard questions of every survey, in the order the page asks them. */
export const SURVEY_QUESTIONS: readonly SurveyQuestion[] = [
  {
    key: 'unsafeFeeling',
    group: SURVEY_GROUPS.safety,
    text: 'Hoe vaak voelt u zich onveilig in uw eigen buurt?',
    kind: 'choice',
    options: [
      { value: 'never', label: 'Nooit' },
      { value: 'sometimes', label: 'Soms' },
      { value: 'often', label: 'Vaak' },
    ],
    required: true,
  },
  mark('safetyMark', 'Welk rapportcijfer (1 tot en met 10) geeft u de veiligheid in uw buurt?'),
  mark('liveabilityMark', 'Welk rapportcijfer (1 tot en met 10) geeft u uw buurt als plek om te wonen?'),
  cohesion('cohesion1', 'Mensen in mijn buurt helpen elkaar als het nodig is.'),
  cohesion('cohesion2', 'De mensen in mijn buurt kennen elkaar nauwelijks.'),
  cohesion('cohesion3', 'Ik kan de mensen in mijn buurt vertrouwen.'),
  cohesion('cohesion4', 'In mijn buurt leeft iedereen langs elkaar heen.'),
  cohesion('cohesion5', 'Ik voel me thuis bij de mensen in mijn buurt.'),
  efficacy('efficacy1', 'Kinderen spijbelen van school en hangen overdag op straat rond.'),
  efficacy('efficacy2', 'Jongeren bekladden een muur of bushokje.'),
  efficacy('efficacy3', 'Een kind is brutaal tegen een volwassene.'),
  efficacy('efficacy4', 'Er wordt voor een huis in de straat gevochten.'),
  efficacy('efficacy5', 'Iemand loopt ’s nachts te rommelen aan auto’s of fietsen.'),
  {
    key: 'willingToAct',
    group: SURVEY_GROUPS.act,
    text: 'Bent u bereid om samen met anderen iets te doen voor uw buurt?',
    kind: 'choice',
    options: [
      { value: 'yes', label: 'Ja' },
      { value: 'maybe', label: 'Misschien' },
      { value: 'no', label: 'Nee' },
    ],
    required: true,
  },
];

// The regisseur's side --------------------------------------------------------------------------------

const when = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what}: geen geldig tijdstip (ISO 8601)` });

/** `POST /surveys`: a survey for one or more wijken or buurten, open from `opensAt` until `closesAt`. */
export const createSurveySchema = z
  .strictObject({
    title: z.string().trim().min(1, 'Titel is verplicht').max(200, 'Titel is te lang (max. 200 tekens)'),
    areaIds: z
      .array(z.uuid({ error: 'Geen geldig gebied' }))
      .min(1, 'Kies minstens één wijk of buurt')
      .max(100, 'Hoogstens 100 gebieden'),
    opensAt: when('Opent'),
    closesAt: when('Sluit'),
  })
  .superRefine((s, ctx) => {
    if (Date.parse(s.closesAt) <= Date.parse(s.opensAt)) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'De enquête sluit na de opening' });
    }
  });
export type CreateSurvey = z.infer<typeof createSurveySchema>;

export const surveySchema = z.object({
  id: z.uuid(),
  /** The code of the public link (`/enquete/{publicCode}`), unguessable. */
  publicCode: z.string(),
  title: z.string(),
  areaIds: z.array(z.uuid()),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(SURVEY_STATUSES),
  /** When the results were published (the first run of the job after closing), or null. */
  publishedAt: z.string().nullable(),
  /** How many responses came in. */
  responses: z.number().int(),
  questions: z.array(surveyQuestionSchema),
  createdAt: z.string(),
});
export type Survey = z.infer<typeof surveySchema>;
export const surveySummarySchema = surveySchema.omit({ questions: true });
export type SurveySummary = z.infer<typeof surveySummarySchema>;
export const surveyListSchema = itemList(surveySummarySchema);

// The residents' side ---------------------------------------------------------------------------------

export const surveyCodeParamsSchema = z.strictObject({
  publicCode: z.string().regex(/^[A-Za-z0-9-]{4,40}$/, 'Geen geldige code'),
});

/**
 * `GET /api/public/v1/surveys/{publicCode}`: the survey as a resident sees it. The questions and the
 * buurten to choose from only while it is open; before and after, `status` and the times say why not.
 */
export const publicSurveySchema = z.object({
  publicCode: z.string(),
  title: z.string(),
  status: z.enum(SURVEY_STATUSES),
  opensAt: z.string(),
  closesAt: z.string(),
  questions: z.array(surveyQuestionSchema),
  buurten: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

/** Whether `value` is a valid answer to `q`. */
export function validAnswer(q: SurveyQuestion, value: string | number): boolean {
  if (q.kind === 'choice') return (q.options ?? []).some((o) => o.value === value);
  return Number.isInteger(value) && (value as number) >= (q.min ?? 1) && (value as number) <= (q.max ?? 10);
}

/**
 * `POST /api/public/v1/surveys/{publicCode}/responses`: the answers by question key (choice: the option's
 * value; scale: a whole number in range), optionally the buurt or the postal code, and — only from who is
 * willing (`yes` or `maybe`) — an email to be contacted on, stored apart from the answers.
 */
export const surveyResponseSchema = z
  .strictObject({
    postalCode: postalCodeSchema.optional(),
    buurtId: z.uuid({ error: 'Kies een buurt uit de lijst' }).optional(),
    answers: z.record(z.string().max(40), z.union([z.string().max(40), z.number()])),
    contactEmail: z
      .string()
      .trim()
      .max(254, 'Te lang')
      .pipe(z.email({ error: 'Geen geldig e-mailadres' }))
      .optional(),
    /** Honeypot: people never see or fill it; a bot that fills it gets a receipt and nothing is stored. */
    website: z.string().max(500).optional(),
  })
  .superRefine((r, ctx) => {
    const known = new Map(SURVEY_QUESTIONS.map((q) => [q.key, q]));
    for (const [key, value] of Object.entries(r.answers)) {
      const q = known.get(key);
      if (!q) ctx.addIssue({ code: 'custom', path: ['answers', key], message: 'Onbekende vraag' });
      else if (!validAnswer(q, value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['answers', key],
          message:
            q.kind === 'choice'
              ? 'Kies een van de antwoorden'
              : `Kies een getal van ${q.min ?? 1} tot en met ${q.max ?? 10}`,
        });
      }
    }
    for (const q of SURVEY_QUESTIONS) {
      if (q.required && r.answers[q.key] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['answers', q.key], message: 'Beantwoord deze vraag' });
      }
    }
    if (r.contactEmail !== undefined && r.answers.willingToAct === 'no') {
      ctx.addIssue({
        code: 'custom',
        path: ['contactEmail'],
        message: 'Een e-mailadres geeft u alleen als u wilt meedoen',
      });
    }
  });
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;
export type SurveyResponseInput = z.input<typeof surveyResponseSchema>;

export const surveyResponseReceiptSchema = z.object({ received: z.literal(true), message: z.string() });
export type SurveyResponseReceipt = z.infer<typeof surveyResponseReceiptSchema>;

// Results -----------------------------------------------------------------------------------------------

const indicatorValues = {
  /** Share (%) who feel unsafe in their buurt sometimes or often. */
  unsafeSometimesPct: z.number().nullable(),
  /** Mean mark (1–10) for safety. */
  safetyMark: z.number().nullable(),
  /** Mean mark (1–10) for the buurt as a place to live. */
  liveabilityMark: z.number().nullable(),
  /** Social cohesion 0–10: the five statements (negative ones reversed) averaged, scaled 1–5 → 0–10. */
  cohesionScore: z.number().nullable(),
  /** Collective efficacy 0–10: the five "would neighbours step in" items averaged, scaled 1–5 → 0–10. */
  efficacyScore: z.number().nullable(),
  /** Share (%) who answered `yes` to being willing to act (`maybe` not counted: the 20 % rule is about yes). */
  willingToActPct: z.number().nullable(),
};
export const surveyIndicatorsSchema = z.object({ n: z.number().int(), ...indicatorValues });
export type SurveyIndicators = z.infer<typeof surveyIndicatorsSchema>;

export const surveyResultsSchema = z.object({
  surveyId: z.uuid(),
  title: z.string(),
  status: z.enum(SURVEY_STATUSES),
  closesAt: z.string(),
  minResponses: z.number().int(),
  willingToActRulePct: z.number(),
  /** Every response, including those without a buurt (no buurt chosen, postal code unknown). */
  total: surveyIndicatorsSchema,
  buurten: z.array(
    surveyIndicatorsSchema.extend({
      id: z.uuid(),
      name: z.string(),
      /** The same buurt in the last published survey before this one that covered it, or null. */
      previous: surveyIndicatorsSchema
        .extend({ surveyId: z.uuid(), title: z.string(), closesAt: z.string() })
        .nullable(),
    }),
  ),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

/** `GET /surveys/{id}/contacts` (regisseur): the emails of who wants to help, sorted, linked to no answer. */
export const surveyContactListSchema = itemList(z.object({ email: z.string() }));

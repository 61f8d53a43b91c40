import { z } from 'zod';
import { type CaseFacts, can } from './access.js';
import { checkPointPair, latitudeSchema, longitudeSchema } from './areas.js';
import { CASE_STATUSES } from './cases.js';
import { itemList, requiredText } from './contract.js';
import { MEETING_STATUSES } from './coordination.js';
import { labelled } from './labelled.js';
import type { PartnerAccess } from './matrix.js';
import { type Actor, hasPermission } from './permissions.js';
import { SIGNAL_STATUSES } from './signals.js';
import { isoDateSchema } from './subjects.js';
import { SURVEY_INDICATORS } from './surveys.js';

/*
 * The area approach (wijkaanpak, issue 13): for a wijk or buurt a joint goal, the partners and what each
 * commits to, and indicators that show whether the neighbourhood moves toward the goal; and the field
 * notes of the problem analysis.
 */

export const createApproachSchema = z
  .strictObject({
    areaId: z.uuid({ error: 'Kies een wijk of buurt' }),
    title: requiredText(200, 'Titel'),
    jointGoal: requiredText(2000, 'Het gezamenlijke doel'),
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullable().optional(),
    partnerIds: z
      .array(z.uuid({ error: 'Geen geldige partner' }))
      .min(1, 'Kies minstens één partner')
      .max(50),
    commitments: z
      .array(
        z.strictObject({
          partnerId: z.uuid({ error: 'Geen geldige partner' }),
          text: requiredText(1000, 'De inzet'),
        }),
      )
      .max(50)
      .default([]),
    /** Who coordinates the approach (and hears of its changes): an active regisseur; default the creator. */
    coordinatorUserId: z.uuid({ error: 'Kies een regisseur' }).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.endDate && a.endDate < a.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Het einde ligt voor het begin' });
    }
    a.commitments.forEach((c, i) => {
      if (!a.partnerIds.includes(c.partnerId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['commitments', i, 'partnerId'],
          message: 'Deze partner doet niet mee aan de aanpak',
        });
      }
    });
  });
export type CreateApproach = z.infer<typeof createApproachSchema>;
export type CreateApproachInput = z.input<typeof createApproachSchema>;

export const { values: INDICATOR_DIRECTIONS, labels: INDICATOR_DIRECTION_LABELS } = labelled([
  ['up', 'Omhoog'],
  ['down', 'Omlaag'],
]);
export const { values: INDICATOR_SOURCES, labels: INDICATOR_SOURCE_LABELS } = labelled([
  ['manual', 'Met de hand gemeten'],
  ['incidents', 'Geteld uit de incidenten, per maand'],
  ['survey', 'Uit de bewonersenquête'],
]);

export const createIndicatorSchema = z
  .strictObject({
    name: requiredText(200, 'Naam'),
    unit: requiredText(50, 'Eenheid'),
    baseline: z.number({ error: 'Geef de beginwaarde' }),
    target: z.number({ error: 'Geef de streefwaarde' }),
    direction: z.enum(INDICATOR_DIRECTIONS, { error: 'Kies omhoog of omlaag' }),
    source: z.enum(INDICATOR_SOURCES, { error: 'Kies hoe de indicator wordt gemeten' }),
    incidentCategory: z.string().trim().min(1).max(60).optional(),
    surveyIndicator: z.enum(SURVEY_INDICATORS, { error: 'Kies een indicator uit de enquête' }).optional(),
  })
  .superRefine((i, ctx) => {
    if (i.direction === 'up' ? i.target <= i.baseline : i.target >= i.baseline) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message:
          i.direction === 'up'
            ? 'De streefwaarde ligt boven de beginwaarde'
            : 'De streefwaarde ligt onder de beginwaarde',
      });
    }
    if (i.source === 'incidents' && !i.incidentCategory) {
      ctx.addIssue({
        code: 'custom',
        path: ['incidentCategory'],
        message: 'Kies de soort incident die telt',
      });
    }
    if (i.source === 'survey' && !i.surveyIndicator) {
      ctx.addIssue({
        code: 'custom',
        path: ['surveyIndicator'],
        message: 'Kies de indicator uit de enquête',
      });
    }
  });
export type CreateIndicator = z.infer<typeof createIndicatorSchema>;

export const createMeasurementSchema = z.strictObject({
  date: isoDateSchema,
  value: z.number({ error: 'Geef een getal' }),
});
export type CreateMeasurement = z.infer<typeof createMeasurementSchema>;

export const indicatorSchema = z.object({
  id: z.uuid(),
  approachId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  baseline: z.number(),
  target: z.number(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  source: z.enum(INDICATOR_SOURCES),
  incidentCategory: z.string().nullable(),
  /** For source `survey`: which result; its series is one point per published survey of the area. */
  surveyIndicator: z.enum(SURVEY_INDICATORS).nullable(),
  /** Measured values by date; for incidents the count of each complete month (dated the 1st). */
  series: z.array(z.object({ date: z.string(), value: z.number() })),
  /** The last value of the series, or null. */
  latest: z.number().nullable(),
  /** How far the latest value is from baseline to target: 0–1 (0 at or behind the baseline), or null. */
  progress: z.number().nullable(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

// Links: cases, signals and meetings tied to the approach -------------------------------------------

export const { values: APPROACH_LINK_KINDS, labels: APPROACH_LINK_KIND_LABELS } = labelled([
  ['case', 'Casus'],
  ['signal', 'Signaal'],
  ['meeting', 'Overleg'],
]);
export type ApproachLinkKind = (typeof APPROACH_LINK_KINDS)[number];

const linkKind = z.enum(APPROACH_LINK_KINDS, { error: 'Kies case, signal of meeting' });

/** `POST /approaches/:id/links`: tie a case, signal or meeting of the municipality to the approach. */
export const createApproachLinkSchema = z.strictObject({
  kind: linkKind,
  id: z.uuid({ error: 'Geen geldige id' }),
});
export type CreateApproachLink = z.infer<typeof createApproachLinkSchema>;

/** `DELETE /approaches/:id/links/:kind/:targetId`. */
export const approachLinkParams = z.strictObject({
  id: z.uuid({ error: 'Geen geldige id' }),
  kind: linkKind,
  targetId: z.uuid({ error: 'Geen geldige id' }),
});

/**
 * What is tied to the approach, as far as the caller may open it (a case, signal or meeting the caller
 * may not see is left out). No names: a case by its reference, a signal by its status and arrival.
 */
export const approachLinksSchema = z.object({
  cases: z.array(z.object({ id: z.uuid(), reference: z.string(), status: z.enum(CASE_STATUSES) })),
  signals: z.array(z.object({ id: z.uuid(), status: z.enum(SIGNAL_STATUSES), receivedAt: z.string() })),
  meetings: z.array(
    z.object({ id: z.uuid(), title: z.string(), startsAt: z.string(), status: z.enum(MEETING_STATUSES) }),
  ),
});
export type ApproachLinks = z.infer<typeof approachLinksSchema>;

export const approachSchema = z.object({
  id: z.uuid(),
  areaId: z.uuid(),
  areaName: z.string(),
  title: z.string(),
  jointGoal: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  coordinatorUserId: z.uuid(),
  coordinatorName: z.string(),
  partners: z.array(z.object({ partnerId: z.uuid(), name: z.string(), commitment: z.string().nullable() })),
  indicators: z.array(indicatorSchema),
  links: approachLinksSchema,
  createdAt: z.string(),
});
export type Approach = z.infer<typeof approachSchema>;

/** `GET /approaches?areaId=`: the approaches (of an area and the wijk or buurten around it), newest first. */
export const approachListQuerySchema = z.strictObject({
  areaId: z.uuid({ error: 'Geen geldig gebied' }).optional(),
});
export const approachSummarySchema = approachSchema.pick({
  id: true,
  areaId: true,
  areaName: true,
  title: true,
  startDate: true,
  endDate: true,
});
export type ApproachListItem = z.infer<typeof approachSummarySchema>;
export const approachListSchema = itemList(approachSummarySchema);

// Field notes ---------------------------------------------------------------------------------------------

export const { values: OBSERVATION_KINDS, labels: OBSERVATION_KIND_LABELS } = labelled([
  ['street_talk', 'Straatgesprek'],
  ['home_visit', 'Huisbezoek'],
  ['walk', 'Wijkschouw'],
  ['meeting', 'Bijeenkomst in de buurt'],
]);

/**
 * `POST /observations`: a field note about a wijk or buurt, without names. Optionally a place on the map
 * (`lat` and `lng` together, WGS84; the buurt then follows from the point and lies in or under `areaId`),
 * and optionally attached to a case under an information category (`caseId` and `category` together):
 * then the note is information of that case and the authorisation matrix applies, as to a journal entry.
 */
export const createObservationSchema = z
  .strictObject({
    areaId: z.uuid({ error: 'Kies een wijk of buurt' }),
    date: isoDateSchema,
    kind: z.enum(OBSERVATION_KINDS, { error: 'Kies het soort waarneming' }),
    topics: z.array(requiredText(50, 'Onderwerp')).max(10, 'Hoogstens 10 onderwerpen').default([]),
    text: requiredText(4000, 'De waarneming'),
    followUp: requiredText(1000, 'Het vervolg').optional(),
    lat: latitudeSchema.optional(),
    lng: longitudeSchema.optional(),
    caseId: z.uuid({ error: 'Geen geldige casus' }).optional(),
    category: z.string().min(1, 'Kies een informatiecategorie').max(40).optional(),
  })
  .superRefine((o, ctx) => {
    checkPointPair(o, ctx);
    if ((o.caseId === undefined) !== (o.category === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [o.caseId === undefined ? 'caseId' : 'category'],
        message:
          o.caseId === undefined
            ? 'Een categorie hoort bij een casus: kies ook de casus'
            : 'Kies de informatiecategorie waaronder de notitie bij de casus hoort',
      });
    }
  });
export type CreateObservation = z.infer<typeof createObservationSchema>;

export const observationSchema = z.object({
  id: z.uuid(),
  areaId: z.uuid(),
  date: z.string(),
  kind: z.enum(OBSERVATION_KINDS),
  topics: z.array(z.string()),
  text: z.string(),
  followUp: z.string().nullable(),
  authorName: z.string().nullable(),
  partnerName: z.string().nullable(),
  createdAt: z.string(),
  /** The place on the map (WGS84), or null for a note about the area as a whole. */
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /**
   * The case the note is attached to, its reference and the information category it falls under; null
   * for a note about the neighbourhood only. An attached note reaches only who may read an entry of that
   * category in that case (`seesObservation`).
   */
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  category: z.string().nullable(),
});
export type Observation = z.infer<typeof observationSchema>;
export const observationListQuerySchema = z.strictObject({ areaId: z.uuid({ error: 'Geen geldig gebied' }) });
export const observationListSchema = itemList(observationSchema);

/**
 * Who reads a field note: a note about the neighbourhood only, every logged-in user; a note attached to a
 * case, whoever could read a journal entry of its category in that case — someone who reads cases, sees
 * the case, and whose partner may read the category (`can(…, 'entry.read', …)`). The server's SQL twin
 * is `observationVisibleSql` (packages/server/src/access/observations.ts).
 */
export function seesObservation(
  actor: Actor,
  note: { case: CaseFacts | null; category: string | null },
  access: PartnerAccess,
): boolean {
  if (note.case === null) return true;
  if (!hasPermission(actor, 'cases.read') || note.category === null) return false;
  return can(actor, 'entry.read', { case: note.case, access, category: note.category });
}

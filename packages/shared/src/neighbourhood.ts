import { z } from 'zod';
import {
  AREA_KINDS,
  areaGeometrySchema,
  areaSchema,
  checkPointPair,
  latitudeSchema,
  longitudeSchema,
} from './areas.js';
import { collection, itemList } from './contract.js';
import { labelled } from './labelled.js';
import { isoDateSchema } from './subjects.js';

/*
 * The neighbourhood picture (issue 13): the municipality's own wijken and buurten, and incidents —
 * place-based events from partners' registrations or entered by hand. An incident has a place, never a
 * person.
 */

// Areas the administrator loads ------------------------------------------------------------------------

/** A CBS-style code: `WK036300` for a wijk, `BU03630000` for a buurt, or the municipality's own. */
const areaCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'Een code van hoogstens 20 letters, cijfers, - of _');

/**
 * `POST /areas`: a wijk or buurt drawn and named by the administrator. The outline is a GeoJSON Polygon
 * or MultiPolygon in WGS84 or in RD New (converted). A buurt lies in a wijk (`parentId`); a wijk in none.
 * Without a code the server makes one.
 */
export const createAreaSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Geef een naam').max(100, 'Hoogstens 100 tekens'),
    kind: z.enum(AREA_KINDS, { error: 'Kies wijk of buurt' }),
    code: areaCode.optional(),
    parentId: z.uuid({ error: 'Geen geldige wijk' }).nullable().optional(),
    geometry: areaGeometrySchema,
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'buurt' && !a.parentId) {
      ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'Kies de wijk waarin de buurt ligt' });
    }
    if (a.kind === 'wijk' && a.parentId) {
      ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'Een wijk ligt niet in een andere wijk' });
    }
  });
export type CreateArea = z.infer<typeof createAreaSchema>;

/**
 * `POST /areas/import`: a GeoJSON FeatureCollection as the CBS Wijk- en Buurtkaart publishes it. Each
 * feature is read on its own (`wijkcode`/`wijknaam` or `buurtcode`/`buurtnaam`, and a buurt's
 * `wijkcode`); what is wrong with one feature is reported for that feature, so only the outer shape is
 * checked here.
 */
export const areaImportSchema = z.object({
  type: z.literal('FeatureCollection', { error: 'Stuur een GeoJSON FeatureCollection' }),
  features: z.array(z.unknown()).max(20_000, 'Hoogstens 20.000 gebieden in één bestand'),
});
export type AreaImport = z.infer<typeof areaImportSchema>;

export const areaImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** The features that were not loaded: their number in the file (from 1) and why, in Dutch. */
  rejected: z.array(z.object({ feature: z.number().int(), message: z.string() })),
});
export type AreaImportResult = z.infer<typeof areaImportResultSchema>;

// Incidents ---------------------------------------------------------------------------------------------

/** The kinds of incident every municipality starts with (it may add its own). */
export const DEFAULT_INCIDENT_CATEGORIES = [
  { key: 'overlast_jeugd', label: 'Overlast jeugd' },
  { key: 'woonoverlast', label: 'Woonoverlast' },
  { key: 'inbraak', label: 'Inbraak' },
  { key: 'geweld', label: 'Geweld' },
  { key: 'drugs', label: 'Drugs' },
  { key: 'vernieling', label: 'Vernieling' },
  { key: 'hennep', label: 'Hennepkwekerij' },
  { key: 'leegstand', label: 'Leegstand' },
  { key: 'witwassen', label: 'Witwas-signalen' },
  { key: 'verloedering', label: 'Verloedering' },
] as const;

export const incidentCategorySchema = z.object({ key: z.string(), label: z.string() });
export type IncidentCategory = z.infer<typeof incidentCategorySchema>;
export const incidentCategoryListSchema = itemList(incidentCategorySchema);

/**
 * `POST /incidents`: one incident by hand. `source` names where it was registered (the partner's system);
 * `source` + `externalId` is unique, so the same registration entered twice is refused (409). A place is
 * a point (`lat` and `lng` together) and/or an address; the buurt comes from the point.
 */
export const createIncidentSchema = z
  .strictObject({
    category: z.string().trim().min(1, 'Kies een soort incident').max(60),
    occurredAt: z.iso.datetime({ offset: true, error: 'Geen geldig tijdstip (ISO 8601)' }),
    lat: latitudeSchema.optional(),
    lng: longitudeSchema.optional(),
    address: z
      .string()
      .trim()
      .min(1, 'Laat leeg of geef een adres')
      .max(300, 'Hoogstens 300 tekens')
      .optional(),
    description: z.string().trim().max(2000, 'Hoogstens 2000 tekens').optional(),
    source: z.string().trim().min(1, 'Geef de bron').max(100, 'Hoogstens 100 tekens'),
    externalId: z.string().trim().min(1, 'Laat leeg of geef het nummer bij de bron').max(200).optional(),
  })
  .superRefine((i, ctx) => {
    checkPointPair(i, ctx);
    if (i.lat === undefined && i.address === undefined) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'Geef een plek: een adres of een punt' });
    }
  });
export type CreateIncident = z.infer<typeof createIncidentSchema>;

export const incidentSchema = z.object({
  id: z.uuid(),
  category: z.string(),
  occurredAt: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  address: z.string().nullable(),
  /** The buurt the point lies in (null without a point, or outside every buurt). */
  areaId: z.uuid().nullable(),
  description: z.string().nullable(),
  source: z.string(),
  externalId: z.string().nullable(),
  createdAt: z.string(),
});
export type Incident = z.infer<typeof incidentSchema>;
export const incidentListSchema = collection(incidentSchema);

// The incident import --------------------------------------------------------------------------------

/**
 * The columns of a partner's incident export (`POST /incidents/import`, text/csv), in this order in
 * the documentation; the header names them (any order, any case). With each its Dutch name, for the
 * row-level messages ("postcode (kolom postalCode)").
 */
export const { values: INCIDENT_COLUMNS, labels: INCIDENT_COLUMN_LABELS } = labelled([
  ['source', 'bron'],
  ['externalId', 'nummer bij de bron'],
  ['category', 'soort'],
  ['occurredAt', 'tijdstip'],
  ['street', 'straat'],
  ['houseNumber', 'huisnummer'],
  ['postalCode', 'postcode'],
  ['lat', 'breedtegraad'],
  ['lng', 'lengtegraad'],
  ['description', 'omschrijving'],
]);
export type IncidentColumn = (typeof INCIDENT_COLUMNS)[number];
export const incidentColumnName = (c: IncidentColumn) => `${INCIDENT_COLUMN_LABELS[c]} (kolom ${c})`;

// The picture of a wijk or buurt -----------------------------------------------------------------------

const period = { from: isoDateSchema.optional(), to: isoDateSchema.optional() };
const fromBeforeTo = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const TO_BEFORE_FROM = { path: ['to'], message: 'Tot ligt voor vanaf' };

/** `?from=&to=` of the report: the period (dates, both included); without them the twelve months up to today. */
export const areaReportQuerySchema = z.strictObject(period).refine(fromBeforeTo, TO_BEFORE_FROM);
export type AreaReportQuery = z.infer<typeof areaReportQuerySchema>;

/**
 * `?from=&to=&category=` of the picture: the period as the report's, and optionally one kind of incident
 * (a key of `GET /incident-categories`) that the incident counts — per month, per buurt, per kind and the
 * hotspots — are restricted to; the counts of signals and cases stay as they are.
 */
export const pictureQuerySchema = z
  .strictObject({
    ...period,
    category: z
      .string()
      .trim()
      .min(1, 'Laat leeg of kies een soort incident')
      .max(60, 'Geen bekende soort incident')
      .optional(),
  })
  .refine(fromBeforeTo, TO_BEFORE_FROM);
export type PictureQuery = z.infer<typeof pictureQuerySchema>;

/**
 * A count about people (signals, cases): `null` when it is under 5, so that a picture of a small area
 * never points at a household; shown as "<5". Incident counts are about places and exact.
 */
const personCount = z.number().int().nullable();

export const areaPictureSchema = z.object({
  area: areaSchema,
  /** The period the picture covers (dates, both included). */
  from: z.string(),
  to: z.string(),
  months: z.array(
    z.object({
      /** `YYYY-MM`. */
      month: z.string(),
      incidents: z.number().int(),
      signals: personCount,
      casesOpened: personCount,
      casesClosed: personCount,
    }),
  ),
  byCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
  /** The buurten of a wijk (a buurt: itself), with the signals of the period and the cases open now. */
  buurten: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      incidents: z.number().int(),
      signals: personCount,
      openCases: personCount,
    }),
  ),
  /** Where incidents cluster: cells of about 200 by 200 metres, the busiest first, their mean point. */
  hotspots: z.array(z.object({ lat: z.number(), lng: z.number(), count: z.number().int() })),
});
export type AreaPicture = z.infer<typeof areaPictureSchema>;

/** `GET /areas/:id/report.pdf`: the neighbourhood report as a PDF. */
export const areaReportPdfSchema = z
  .unknown()
  .meta({ description: 'Het wijkbeeld als PDF (application/pdf): alleen cijfers, nooit een naam' });

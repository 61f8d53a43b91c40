import { z } from 'zod';
import { CASE_TYPES } from './cases.js';
import { patchBody } from './contract.js';
import { SIGNAL_SOURCES } from './signals.js';

/*
 * The register of processing activities (issue 15, AVG art. 30): what the municipality processes
 * personal data for, on which legal ground, how long it keeps it and which information categories it
 * touches. Every case and signal is processed under one activity; every audit record names it
 * (Logboek Dataverwerkingen). The admin keeps the register; every staff member reads it.
 */

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} is verplicht` })
    .trim()
    .min(1, `${what} is verplicht`)
    .max(max, `${what} is te lang (max. ${max} tekens)`);

const optionalText = (max: number, what: string) =>
  z.string().trim().max(max, `${what} is te lang (max. ${max} tekens)`).nullable().optional();

/** The fields an admin writes; `categories` are keys of the municipality's information categories. */
const fields = {
  name: text(200, 'Naam'),
  purpose: text(2000, 'Doel'),
  /** The ground of AVG art. 6 (and 9/10 where special or criminal data are processed). */
  legalBasis: text(500, 'Grondslag'),
  retentionDays: z
    .number({ error: 'Geef de bewaartermijn in dagen' })
    .int('De bewaartermijn is een geheel aantal dagen')
    .positive('De bewaartermijn is minstens 1 dag')
    .max(36_500, 'De bewaartermijn is te lang (max. 100 jaar)'),
  categories: z
    .array(z.string().min(1, 'Kies een categorie').max(40), { error: 'Kies informatiecategorieën' })
    .max(50, 'Te veel categorieën'),
  /** The specific law, e.g. "Wet gemeentelijke schuldhulpverlening (Wgs) art. 3". */
  lawReference: optionalText(500, 'Wettelijke basis'),
  /** Who receives the data, in words. */
  recipients: optionalText(1000, 'Ontvangers'),
  /** New cases of these types get this activity (taken away from any other activity). */
  defaultForCaseTypes: z.array(z.enum(CASE_TYPES, { error: 'Onbekend soort casus' })).max(CASE_TYPES.length),
  /** New signals from these sources get this activity (taken away from any other activity). */
  defaultForSignalSources: z
    .array(z.enum(SIGNAL_SOURCES, { error: 'Onbekende bron' }))
    .max(SIGNAL_SOURCES.length),
};

/** `POST /processing-activities` (admin). */
export const createProcessingActivitySchema = z.strictObject({
  ...fields,
  lawReference: fields.lawReference,
  recipients: fields.recipients,
  defaultForCaseTypes: fields.defaultForCaseTypes.optional(),
  defaultForSignalSources: fields.defaultForSignalSources.optional(),
});
export type CreateProcessingActivity = z.infer<typeof createProcessingActivitySchema>;

/** `PATCH /processing-activities/:id` (admin): the fields given. */
export const updateProcessingActivitySchema = patchBody({
  name: fields.name.optional(),
  purpose: fields.purpose.optional(),
  legalBasis: fields.legalBasis.optional(),
  retentionDays: fields.retentionDays.optional(),
  categories: fields.categories.optional(),
  lawReference: fields.lawReference,
  recipients: fields.recipients,
  defaultForCaseTypes: fields.defaultForCaseTypes.optional(),
  defaultForSignalSources: fields.defaultForSignalSources.optional(),
});
export type UpdateProcessingActivity = z.infer<typeof updateProcessingActivitySchema>;

export const processingActivitySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  retentionDays: z.number(),
  categories: z.array(z.string()),
  lawReference: z.string().nullable(),
  recipients: z.string().nullable(),
  defaultForCaseTypes: z.array(z.enum(CASE_TYPES)),
  defaultForSignalSources: z.array(z.enum(SIGNAL_SOURCES)),
});
export type ProcessingActivity = z.infer<typeof processingActivitySchema>;

/** `GET /processing-activities`: the whole register, in its order. */
export const processingActivityListSchema = z.object({ items: z.array(processingActivitySchema) });
export type ProcessingActivityList = z.infer<typeof processingActivityListSchema>;

/**
 * `PUT /cases/:id/processing-activity` and `PUT /signals/:id/processing-activity` (regisseur): the
 * activity the record is processed under from now on, and why (the reason goes into the audit log).
 */
export const assignProcessingActivitySchema = z.strictObject({
  processingActivityId: z.uuid({ error: 'Kies een verwerking uit het register' }),
  reason: text(1000, 'De reden'),
});
export type AssignProcessingActivity = z.infer<typeof assignProcessingActivitySchema>;

/**
 * The register every new municipality starts with (the admin adapts it). The same rows are given to
 * the municipalities that existed before, by migration 029.
 */
export const DEFAULT_PROCESSING_ACTIVITIES: readonly (Omit<ProcessingActivity, 'id'> & {
  lawReference: string;
  recipients: string;
})[] = [
  {
    name: 'Persoonsgerichte aanpak',
    purpose:
      'Een samenhangende aanpak van zorg en veiligheid rond één persoon, om escalatie, overlast en criminaliteit te voorkomen.',
    legalBasis: 'AVG art. 6 lid 1 sub e (taak van algemeen belang)',
    lawReference: 'Gemeentewet art. 172 (openbare orde); Wmo 2015 art. 2.1.1 en 5.2.1',
    retentionDays: 1825,
    categories: ['basis', 'zorg', 'politie', 'justitie', 'financien', 'wonen', 'veiligheid'],
    recipients: 'Partners in de casus volgens de autorisatiematrix (wijkteam, politie, zorgpartners)',
    defaultForCaseTypes: ['person'],
    defaultForSignalSources: ['professional'],
  },
  {
    name: 'Gezinsaanpak',
    purpose:
      'Ondersteuning van een huishouden met problemen op meerdere leefgebieden volgens één plan met één regisseur.',
    legalBasis: 'AVG art. 6 lid 1 sub e (taak van algemeen belang)',
    lawReference: 'Wmo 2015 art. 2.3.2 en 5.2.1; Jeugdwet art. 2.3 en 7.4.0',
    retentionDays: 1825,
    categories: ['basis', 'zorg', 'jeugd', 'financien', 'wonen'],
    recipients: 'Partners in de casus volgens de autorisatiematrix (wijkteam, jeugdhulp, woningcorporatie)',
    defaultForCaseTypes: ['household'],
    defaultForSignalSources: [],
  },
  {
    name: 'Vroegsignalering schulden',
    purpose:
      'Betalingsachterstanden (huur, energie, drinkwater, zorgverzekering) vroeg signaleren en de inwoner schuldhulp aanbieden.',
    legalBasis:
      'AVG art. 6 lid 1 sub e (taak van algemeen belang); voor de melding door de schuldeiser sub c (wettelijke verplichting)',
    lawReference:
      'Wet gemeentelijke schuldhulpverlening (Wgs) art. 3 en 4a; Besluit gemeentelijke schuldhulpverlening',
    retentionDays: 365,
    categories: ['basis', 'financien', 'wonen'],
    recipients: 'Schuldhulpverlening van de gemeente; de schuldeiser krijgt niets terug',
    defaultForCaseTypes: [],
    defaultForSignalSources: ['creditor', 'outreach'],
  },
  {
    name: 'Wijkaanpak en bewonersmeldingen',
    purpose:
      'Meldingen van bewoners over leefbaarheid en veiligheid behandelen en de gebiedsgerichte aanpak in wijk en buurt sturen.',
    legalBasis: 'AVG art. 6 lid 1 sub e (taak van algemeen belang)',
    lawReference: 'Gemeentewet art. 172 (openbare orde)',
    retentionDays: 730,
    categories: ['basis', 'wonen', 'veiligheid'],
    recipients: 'Partners in de wijkaanpak (politie, woningcorporatie, wijkteam)',
    defaultForCaseTypes: ['area', 'group'],
    defaultForSignalSources: ['resident'],
  },
  {
    name: 'Jeugd',
    purpose:
      'Toeleiding naar en afstemming van jeugdhulp en de samenwerking met de jeugdbescherming rond een jeugdige.',
    legalBasis:
      'AVG art. 6 lid 1 sub e (taak van algemeen belang); art. 9 lid 2 sub h voor gezondheidsgegevens',
    lawReference: 'Jeugdwet art. 2.1, 2.3 en 7.4.0; bewaartermijn Jeugdwet art. 7.3.10 (20 jaar)',
    retentionDays: 7300,
    categories: ['basis', 'jeugd', 'zorg'],
    recipients: 'Jeugdhulpaanbieders en gecertificeerde instellingen in de casus',
    defaultForCaseTypes: [],
    defaultForSignalSources: [],
  },
  {
    name: 'Aanpak ondermijning',
    purpose: 'Signalen van ondermijnende criminaliteit bundelen en bestuurlijke maatregelen voorbereiden.',
    legalBasis: 'AVG art. 6 lid 1 sub e (taak van algemeen belang); strafrechtelijke gegevens: UAVG art. 33',
    lawReference: 'Gemeentewet art. 172 en 174a; Wet Bibob',
    retentionDays: 1825,
    categories: ['basis', 'politie', 'justitie', 'ondermijning', 'veiligheid'],
    recipients: 'Politie, Openbaar Ministerie en RIEC volgens convenant',
    defaultForCaseTypes: ['undermining'],
    defaultForSignalSources: [],
  },
];

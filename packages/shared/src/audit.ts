import { z } from 'zod';
import { collection, pagingQuery } from './contract.js';
import { labelled } from './labelled.js';
import { isoDateSchema } from './subjects.js';

/**
 * What happened to the object of an audit record, with the words the privacy officer reads it in (the
 * web and the CSV export).
 */
export const { values: AUDIT_ACTIONS, labels: AUDIT_ACTION_LABELS } = labelled([
  ['create', 'Aangemaakt'],
  ['read', 'Ingezien'],
  ['update', 'Gewijzigd'],
  ['delete', 'Verwijderd'],
  ['list', 'Lijst bekeken'],
  ['search', 'Gezocht'],
  ['export', 'Geëxporteerd'],
  ['import', 'Geïmporteerd'],
  ['merge', 'Samengevoegd'],
  ['seal', 'Oude keten verzegeld'],
  ['denied', 'Geweigerd'],
  ['login', 'Ingelogd'],
  ['anonymise', 'Geanonimiseerd (bewaartermijn)'],
]);
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit record is about, with its Dutch name. */
export const { values: AUDIT_OBJECT_TYPES, labels: AUDIT_OBJECT_TYPE_LABELS } = labelled([
  ['action', 'Actie'],
  ['approach', 'Wijkaanpak'],
  ['area', 'Wijk of buurt'],
  ['assessment', 'Zelfredzaamheidsscore'],
  ['attachment', 'Bijlage'],
  ['audit', 'Auditlog'],
  ['case', 'Casus'],
  ['category', 'Informatiecategorie'],
  ['entry', 'Notitie'],
  ['evaluation', 'Evaluatie'],
  ['goal', 'Doel'],
  ['group', 'Groep'],
  ['how_to_report', 'Tekst "Hoe meld ik?"'],
  ['household', 'Huishouden'],
  ['incident', 'Incident'],
  ['indicator', 'Indicator'],
  ['life_domain', 'Leefgebied'],
  ['location', 'Locatie'],
  ['matrix', 'Autorisatiematrix'],
  ['meeting', 'Overleg'],
  ['observation', 'Veldnotitie'],
  ['partner', 'Partner'],
  ['person', 'Persoon'],
  ['plan', 'Plan van aanpak'],
  ['processing_activity', 'Verwerking (register)'],
  ['relation', 'Relatie'],
  ['resident_group', 'Bewonersgroep'],
  ['resident_group_member', 'Lid van een bewonersgroep'],
  ['signal', 'Signaal'],
  ['signal_category', 'Signaalcategorie'],
  ['signal_route', 'Routeringsregel'],
  ['social_map_entry', 'Sociale kaart'],
  ['survey', 'Bewonersenquête'],
  ['survey_contact', 'Contactadres uit een enquête'],
  ['tenant', 'Gemeente'],
  ['user', 'Gebruiker'],
  ['visit', 'Huisbezoek'],
  ['webhook', 'Webhook'],
]);
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

/** One record of `GET /audit` (the stored record without its chain fields and details). */
export const auditItemSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  userId: z.uuid().nullable(),
  partnerId: z.uuid().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  objectType: z.enum(AUDIT_OBJECT_TYPES),
  objectId: z.uuid().nullable(),
  objectIds: z.array(z.uuid()).nullable(),
  personIds: z.array(z.uuid()),
  purpose: z.string(),
  /** Logboek Dataverwerkingen: the processing activity of the register (null where none applies). */
  processingActivityId: z.uuid().nullable(),
  /** Logboek Dataverwerkingen: the trace of the request (W3C traceparent's trace-id, else the request's own). */
  traceId: z.string().nullable(),
  /** The user's name now (null for the system). */
  userName: z.string().nullable(),
  /** The partner's name now. */
  partnerName: z.string().nullable(),
  /**
   * What the object is, for whoever may read the audit log: a case's reference, a person's name, a
   * meeting's title and date, …; null when the object no longer exists or has no name.
   */
  objectLabel: z.string().nullable(),
});
export type AuditItem = z.infer<typeof auditItemSchema>;

/**
 * `GET /audit`: records about an object (also a person involved) or by a user, newest first; `from`
 * and `to` are days in Europe/Amsterdam (both included); `format=csv` answers the whole selection as
 * a CSV download instead of a page.
 */
export const auditListQuerySchema = z.strictObject({
  objectId: z.uuid({ error: 'Geen geldige id' }).optional(),
  userId: z.uuid({ error: 'Geen geldige id' }).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  format: z.enum(['json', 'csv'], { error: 'Kies json of csv' }).optional(),
  ...pagingQuery,
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
export const auditListSchema = collection(auditItemSchema);
export type AuditList = z.infer<typeof auditListSchema>;
/** The list as JSON, or (`format=csv`) the CSV text. */
export const auditAnswerSchema = z.union([auditListSchema, z.string()]);

/** `GET /audit/verify`: whether the chain holds, how many records it has, and the first broken one. */
export const auditVerifySchema = z.object({
  valid: z.boolean(),
  count: z.number(),
  firstBroken: z.object({ id: z.string(), seq: z.number(), reason: z.string() }).optional(),
});
export type AuditVerify = z.infer<typeof auditVerifySchema>;

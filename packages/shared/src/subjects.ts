import { z } from 'zod';
import { collection, pagingQuery } from './contract.js';

/** BSN 11-test ("elfproef"): 9 digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11. */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{8,9}$/.test(bsn)) return false;
  const d = bsn.padStart(9, '0');
  if (d === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

/** Dutch postal code `1234 ab` → `1234AB`; undefined when it is not one (no leading 0; SA, SD, SS unused). */
export function normalisePostalCode(input: string): string | undefined {
  const m = /^\s*([1-9]\d{3})\s*([a-zA-Z]{2})\s*$/.exec(input);
  const [, digits, pair] = m ?? [];
  if (!digits || !pair) return undefined;
  const letters = pair.toUpperCase();
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return undefined;
  return `${digits}${letters}`;
}

export const postalCodeSchema = z.string().transform((v, ctx) => {
  const pc = normalisePostalCode(v);
  if (!pc) {
    ctx.addIssue({ code: 'custom', message: 'Geen geldige postcode (bijv. 1234 AB)' });
    return z.NEVER;
  }
  return pc;
});

const text = (max: number, label: string) =>
  z.string().trim().min(1, `${label} is verplicht`).max(max, `${label} is te lang (max. ${max} tekens)`);

export const isoDateSchema = z.iso.date({ error: 'Geen geldige datum (JJJJ-MM-DD)' });

export const addressSchema = z.strictObject({
  street: text(200, 'Straat'),
  houseNumber: z
    .string()
    .trim()
    .regex(
      /^[1-9]\d{0,4}\s?[a-zA-Z]?(\s?-?\s?[\w]{1,6})?$/,
      'Geen geldig huisnummer (bijv. 12, 12a of 12-3)',
    ),
  postalCode: postalCodeSchema,
  city: text(100, 'Plaats'),
});
export type Address = z.infer<typeof addressSchema>;

export const createPersonSchema = z.strictObject({
  firstName: text(100, 'Voornaam'),
  lastName: text(150, 'Achternaam'),
  birthDate: isoDateSchema
    .refine(
      (d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10),
      'Geboortedatum ligt niet tussen 1900 en vandaag',
    )
    .optional(),
  bsn: z
    .string()
    .trim()
    .refine(isValidBsn, 'BSN voldoet niet aan de elfproef')
    .transform((b) => b.padStart(9, '0'))
    .optional(),
  address: addressSchema.optional(),
});
export type CreatePerson = z.infer<typeof createPersonSchema>;
export type CreatePersonInput = z.input<typeof createPersonSchema>;

export const personSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  bsn: z.string().nullable(),
  address: z
    .object({ street: z.string(), houseNumber: z.string(), postalCode: z.string(), city: z.string() })
    .nullable(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const SUBJECT_KINDS = ['person', 'household', 'group', 'location'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
/** The kinds of subjects that are not persons (households, groups, locations). */
export type OtherSubjectKind = Exclude<SubjectKind, 'person'>;
export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  person: 'Persoon',
  household: 'Huishouden',
  group: 'Groep',
  location: 'Locatie',
};

/** The Dutch group approach's classification (shortlist method: hinderlijk, overlastgevend, crimineel). */
export const GROUP_CLASSIFICATIONS = ['hinderlijk', 'overlastgevend', 'crimineel'] as const;
export type GroupClassification = (typeof GROUP_CLASSIFICATIONS)[number];

export const RELATION_TYPES = ['member_of', 'parent_of', 'lives_at', 'meets_at'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
export const RELATION_LABELS: Record<RelationType, string> = {
  member_of: 'lid van',
  parent_of: 'ouder van',
  lives_at: 'woont op',
  meets_at: 'komt samen op',
};

const ids = (label: string) => z.array(z.uuid({ error: `Geen geldige ${label}` })).max(100);

export const createHouseholdSchema = z
  .strictObject({
    name: text(150, 'Naam'),
    memberIds: ids('persoon').min(1, 'Een huishouden heeft minstens één lid'),
    contactPersonId: z.uuid({ error: 'Geen geldige contactpersoon' }),
    address: addressSchema.optional(),
  })
  .refine((h) => h.memberIds.includes(h.contactPersonId), {
    path: ['contactPersonId'],
    message: 'De contactpersoon moet lid zijn van het huishouden',
  });
export type CreateHousehold = z.infer<typeof createHouseholdSchema>;

export const createGroupSchema = z.strictObject({
  name: text(150, 'Naam'),
  classification: z.enum(GROUP_CLASSIFICATIONS, { error: 'Kies hinderlijk, overlastgevend of crimineel' }),
  memberIds: ids('persoon').default([]),
  meetingPlaceIds: ids('locatie').default([]),
});
export type CreateGroup = z.infer<typeof createGroupSchema>;
/** What a client sends (`memberIds` and `meetingPlaceIds` may be left out). */
export type CreateGroupInput = z.input<typeof createGroupSchema>;

export const createLocationSchema = z
  .strictObject({
    name: text(150, 'Naam'),
    address: addressSchema.optional(),
    lat: z.number().min(50.7, 'Ligt niet in Nederland').max(53.6, 'Ligt niet in Nederland').optional(),
    lng: z.number().min(3.3, 'Ligt niet in Nederland').max(7.3, 'Ligt niet in Nederland').optional(),
  })
  .refine((l) => (l.lat === undefined) === (l.lng === undefined), {
    path: ['lng'],
    message: 'Geef zowel lat als lng, of geen van beide',
  })
  .refine((l) => l.address !== undefined || l.lat !== undefined, {
    path: ['address'],
    message: 'Geef een adres of een punt (lat/lng)',
  });
export type CreateLocation = z.infer<typeof createLocationSchema>;

export const subjectRefSchema = z.strictObject({
  kind: z.enum(SUBJECT_KINDS, { error: 'Onbekend soort betrokkene' }),
  id: z.uuid({ error: 'Geen geldige id' }),
});
export type SubjectRef = z.infer<typeof subjectRefSchema>;

export const createRelationSchema = z.strictObject({
  from: subjectRefSchema,
  type: z.enum(RELATION_TYPES, { error: 'Onbekend soort relatie' }),
  to: subjectRefSchema,
});
export type CreateRelation = z.infer<typeof createRelationSchema>;

/** Which kinds a relation type may connect. */
export const RELATION_RULES: Record<RelationType, { from: SubjectKind[]; to: SubjectKind[] }> = {
  member_of: { from: ['person'], to: ['household', 'group'] },
  parent_of: { from: ['person'], to: ['person'] },
  lives_at: { from: ['person', 'household'], to: ['location'] },
  meets_at: { from: ['group'], to: ['location'] },
};

/** A relation as answered: both ends' kind and id (`subjectRefSchema` is the stricter request shape). */
export const relationSchema = z.object({
  id: z.uuid(),
  from: z.object({ kind: z.enum(SUBJECT_KINDS), id: z.uuid() }),
  type: z.enum(RELATION_TYPES),
  to: z.object({ kind: z.enum(SUBJECT_KINDS), id: z.uuid() }),
});
export type Relation = z.infer<typeof relationSchema>;

/** A case as listed on a subject's page (the cases the caller sees that have this subject). */
export const caseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  type: z.string(),
  title: z.string(),
  status: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/** A household, group or location; `details` depends on the kind. */
export const subjectSchema = z.object({
  kind: z.enum(SUBJECT_KINDS),
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type Subject = z.infer<typeof subjectSchema>;

/** A subject's page: its relations whose other end the caller may open, and the cases they see. */
const subjectPage = { relations: z.array(relationSchema), cases: z.array(caseSummarySchema) };
export const subjectDetailSchema = subjectSchema.extend(subjectPage);
export type SubjectDetail = z.infer<typeof subjectDetailSchema>;
export const personDetailSchema = personSchema.extend(subjectPage);
export type PersonDetail = z.infer<typeof personDetailSchema>;

/** `GET /persons?q=`: name (typo-tolerant), birth date and/or postal code in one text. */
export const personSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(200).default(''),
  ...pagingQuery,
});
export type PersonSearchQuery = z.infer<typeof personSearchQuerySchema>;
export const personListSchema = collection(personSchema);
export type PersonList = z.infer<typeof personListSchema>;

/** `GET /households|groups|locations?q=`: part of the name. */
export const subjectListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  ...pagingQuery,
});
export type SubjectListQuery = z.infer<typeof subjectListQuerySchema>;
export const subjectListSchema = collection(subjectSchema);
export type SubjectList = z.infer<typeof subjectListSchema>;

import { z } from 'zod';
import { collection, pagingQuery, requiredText } from './contract.js';
import { labelled } from './labelled.js';
import { PERSON_SORT_FIELDS, SUBJECT_SORT_FIELDS, sortQuery } from './sorting.js';

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

export const isoDateSchema = z.iso.date({ error: 'Geen geldige datum (JJJJ-MM-DD)' });

export const addressSchema = z.strictObject({
  street: requiredText(200, 'Straat'),
  houseNumber: z
    .string()
    .trim()
    .regex(
      /^[1-9]\d{0,4}\s?[a-zA-Z]?(\s?-?\s?[\w]{1,6})?$/,
      'Geen geldig huisnummer (bijv. 12, 12a of 12-3)',
    ),
  postalCode: postalCodeSchema,
  city: requiredText(100, 'Plaats'),
});
export type Address = z.infer<typeof addressSchema>;

export const createPersonSchema = z.strictObject({
  firstName: requiredText(100, 'Voornaam'),
  lastName: requiredText(150, 'Achternaam'),
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

/** An address as answered (and as a subject's history keeps it). */
const storedAddressSchema = z.object({
  street: z.string(),
  houseNumber: z.string(),
  postalCode: z.string(),
  city: z.string(),
});

export const personSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  bsn: z.string().nullable(),
  address: storedAddressSchema.nullable(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const { values: SUBJECT_KINDS, labels: SUBJECT_KIND_LABELS } = labelled([
  ['person', 'Persoon'],
  ['household', 'Huishouden'],
  ['group', 'Groep'],
  ['location', 'Locatie'],
]);
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
/** The kinds of subjects that are not persons (households, groups, locations). */
export type OtherSubjectKind = Exclude<SubjectKind, 'person'>;

/** The Dutch group approach's classification (shortlist method: hinderlijk, overlastgevend, crimineel). */
export const GROUP_CLASSIFICATIONS = ['hinderlijk', 'overlastgevend', 'crimineel'] as const;
export type GroupClassification = (typeof GROUP_CLASSIFICATIONS)[number];

export const { values: RELATION_TYPES, labels: RELATION_LABELS } = labelled([
  ['member_of', 'lid van'],
  ['parent_of', 'ouder van'],
  ['lives_at', 'woont op'],
  ['meets_at', 'komt samen op'],
]);
export type RelationType = (typeof RELATION_TYPES)[number];

const ids = (label: string) => z.array(z.uuid({ error: `Geen geldige ${label}` })).max(100);

/**
 * A household may be registered with only a name (and address); members and a contact person can be
 * given at once or added later. A contact person must be one of the members.
 */
export const createHouseholdSchema = z
  .strictObject({
    name: requiredText(150, 'Naam'),
    memberIds: ids('persoon').default([]),
    contactPersonId: z.uuid({ error: 'Geen geldige contactpersoon' }).optional(),
    address: addressSchema.optional(),
  })
  .superRefine((h, ctx) => {
    if (h.contactPersonId === undefined || h.memberIds.includes(h.contactPersonId)) return;
    if (h.memberIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['memberIds'],
        message: 'Een huishouden met een contactpersoon heeft minstens één lid',
      });
    }
    ctx.addIssue({
      code: 'custom',
      path: ['contactPersonId'],
      message: 'De contactpersoon moet lid zijn van het huishouden',
    });
  });
export type CreateHousehold = z.infer<typeof createHouseholdSchema>;

export const createGroupSchema = z.strictObject({
  name: requiredText(150, 'Naam'),
  /** Not yet known when a group is first noticed; it can be set later. */
  classification: z
    .enum(GROUP_CLASSIFICATIONS, { error: 'Kies hinderlijk, overlastgevend of crimineel' })
    .optional(),
  memberIds: ids('persoon').default([]),
  meetingPlaceIds: ids('locatie').default([]),
});
export type CreateGroup = z.infer<typeof createGroupSchema>;
/** What a client sends (`memberIds` and `meetingPlaceIds` may be left out). */
export type CreateGroupInput = z.input<typeof createGroupSchema>;

const latSchema = z.number().min(50.7, 'Ligt niet in Nederland').max(53.6, 'Ligt niet in Nederland');
const lngSchema = z.number().min(3.3, 'Ligt niet in Nederland').max(7.3, 'Ligt niet in Nederland');

export const createLocationSchema = z
  .strictObject({
    name: requiredText(150, 'Naam'),
    address: addressSchema.optional(),
    lat: latSchema.optional(),
    lng: lngSchema.optional(),
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
const relationEndSchema = z.object({ kind: z.enum(SUBJECT_KINDS), id: z.uuid() });
export const relationSchema = z.object({
  id: z.uuid(),
  from: relationEndSchema,
  type: z.enum(RELATION_TYPES),
  to: relationEndSchema,
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

/** `GET /persons?q=`: name (typo-tolerant), birth date, postal code and/or BSN in one text. */
export const personSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(200).default(''),
  ...pagingQuery,
  ...sortQuery(PERSON_SORT_FIELDS),
});
export type PersonSearchQuery = z.infer<typeof personSearchQuerySchema>;
/**
 * A name is matched against at most 200 candidates, exact matches first (the server's db/trigram.ts):
 * `more` says that more persons fit than `total` ranked here, so the user should narrow the query.
 */
export const personListSchema = collection(personSchema).extend({
  more: z
    .boolean()
    .meta({ description: 'Er passen meer personen dan hier gerangschikt; verfijn de zoekvraag.' }),
});
export type PersonList = z.infer<typeof personListSchema>;

/** `GET /households|groups|locations?q=`: part of the name. */
export const subjectListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  ...pagingQuery,
  ...sortQuery(SUBJECT_SORT_FIELDS),
});
export type SubjectListQuery = z.infer<typeof subjectListQuerySchema>;
export const subjectListSchema = collection(subjectSchema);
export type SubjectList = z.infer<typeof subjectListSchema>;

// Changing subjects -------------------------------------------------------------------------------

/** What a client sends to register a household (`memberIds` may be left out). */
export type CreateHouseholdInput = z.input<typeof createHouseholdSchema>;

const personFields = createPersonSchema.shape;

/**
 * `PATCH /persons/{id}`: the fields to change; a field left out stays as it is, `null` clears
 * what may be empty (birth date, BSN, address).
 */
export const updatePersonSchema = z.strictObject({
  firstName: personFields.firstName.optional(),
  lastName: personFields.lastName.optional(),
  birthDate: personFields.birthDate.unwrap().nullable().optional(),
  bsn: personFields.bsn.unwrap().nullable().optional(),
  address: addressSchema.nullable().optional(),
});
export type UpdatePerson = z.infer<typeof updatePersonSchema>;
export type UpdatePersonInput = z.input<typeof updatePersonSchema>;

/** `PATCH /households/{id}`: name, address and contact person (a current member, or `null`). */
export const updateHouseholdSchema = z.strictObject({
  name: requiredText(150, 'Naam').optional(),
  address: addressSchema.nullable().optional(),
  contactPersonId: z.uuid({ error: 'Geen geldige contactpersoon' }).nullable().optional(),
});
export type UpdateHousehold = z.infer<typeof updateHouseholdSchema>;

/** `PATCH /groups/{id}`: name and classification. */
export const updateGroupSchema = z.strictObject({
  name: requiredText(150, 'Naam').optional(),
  classification: z
    .enum(GROUP_CLASSIFICATIONS, { error: 'Kies hinderlijk, overlastgevend of crimineel' })
    .nullable()
    .optional(),
});
export type UpdateGroup = z.infer<typeof updateGroupSchema>;

/**
 * `PATCH /locations/{id}`: name, address and point. A point is changed as a whole (lat and lng
 * together, or both `null`); a location keeps an address or a point (checked against what it has).
 */
export const updateLocationSchema = z
  .strictObject({
    name: requiredText(150, 'Naam').optional(),
    address: addressSchema.nullable().optional(),
    lat: latSchema.nullable().optional(),
    lng: lngSchema.nullable().optional(),
  })
  .refine((l) => (l.lat === undefined) === (l.lng === undefined) && (l.lat === null) === (l.lng === null), {
    path: ['lng'],
    message: 'Geef zowel lat als lng, of geen van beide',
  });
export type UpdateLocation = z.infer<typeof updateLocationSchema>;

/** `PATCH /relations/{id}`: the day the relation ended (today when left out); not in the future. */
export const endRelationSchema = z.strictObject({
  endedOn: isoDateSchema.refine((d) => d >= '1900-01-01', 'Einddatum ligt voor 1900').optional(),
});
export type EndRelation = z.infer<typeof endRelationSchema>;

/** A relation that has ended: it stays on both subjects' pages as history. */
export const endedRelationSchema = relationSchema.extend({
  endedOn: z.string(),
  /** The name of who ended it, as it was then. */
  endedBy: z.string(),
});
export type EndedRelation = z.infer<typeof endedRelationSchema>;

/** The fields whose earlier values a subject's history keeps. */
export const { values: SUBJECT_FIELDS, labels: SUBJECT_FIELD_LABELS } = labelled([
  ['firstName', 'Voornaam'],
  ['lastName', 'Achternaam'],
  ['birthDate', 'Geboortedatum'],
  ['bsn', 'BSN'],
  ['address', 'Adres'],
  ['name', 'Naam'],
  ['contactPersonId', 'Contactpersoon'],
  ['classification', 'Classificatie'],
  ['point', 'Punt op de kaart'],
]);
export type SubjectField = (typeof SUBJECT_FIELDS)[number];

/** A value in a subject's history: text, an address, a point, or nothing. */
export const subjectValueSchema = z.union([
  z.string(),
  storedAddressSchema,
  z.object({ lat: z.number(), lng: z.number() }),
  z.null(),
]);
export type SubjectValue = z.infer<typeof subjectValueSchema>;

/**
 * One change of a subject: when, by whom (name and organisation as they were then) and each field's
 * value before and after. A household's contact person is kept as a yes/no ("set" or null), not an id.
 */
export const subjectChangeSchema = z.object({
  at: z.string(),
  by: z.string(),
  organisation: z.string(),
  changes: z.array(
    z.object({ field: z.enum(SUBJECT_FIELDS), from: subjectValueSchema, to: subjectValueSchema }),
  ),
});
export type SubjectChange = z.infer<typeof subjectChangeSchema>;

/** What a subject's page adds to show its past: ended relations and earlier values, newest first. */
const subjectPast = {
  endedRelations: z.array(endedRelationSchema),
  history: z.array(subjectChangeSchema),
};
export const personPageSchema = personDetailSchema.extend(subjectPast);
export type PersonPage = z.infer<typeof personPageSchema>;
export const subjectPageSchema = subjectDetailSchema.extend(subjectPast);
export type SubjectPage = z.infer<typeof subjectPageSchema>;

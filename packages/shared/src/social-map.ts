import { z } from 'zod';
import { AREA_KINDS } from './areas.js';
import { collection, emailAddress, patchBody, requiredText } from './contract.js';
import { labelled } from './labelled.js';
import { type Actor, hasPermission } from './permissions.js';

/*
 * The sociale kaart (issue 14): the who's who of the professionals who work in a wijk or buurt — the
 * wijkagent, the wijkteam worker, the jongerenwerker, … — with their organisation and how and when to
 * reach them. Every partner keeps its own people current, the regisseur all of them; every logged-in user
 * reads it.
 */

/** The roles on the sociale kaart, in the order the map groups them, with their Dutch names. */
export const { values: SOCIAL_MAP_ROLES, labels: SOCIAL_MAP_ROLE_LABELS } = labelled([
  ['wijkagent', 'Wijkagent'],
  ['wijkteam', 'Wijkteammedewerker'],
  ['jongerenwerker', 'Jongerenwerker'],
  ['woonconsulent', 'Woonconsulent'],
  ['handhaver', 'Handhaver (BOA)'],
  ['schuldhulp', 'Schuldhulpverlener'],
  ['ggz', 'GGZ-medewerker'],
  ['reclassering', 'Reclasseringswerker'],
  ['leerplicht', 'Leerplichtambtenaar'],
  ['gebiedsregisseur', 'Gebiedsregisseur'],
  ['overig', 'Overig'],
]);
export type SocialMapRole = (typeof SOCIAL_MAP_ROLES)[number];

const phone = z
  .string()
  .trim()
  .min(1, 'Het telefoonnummer is leeg')
  .max(30, 'Het telefoonnummer is te lang')
  .regex(/^\+?[0-9()\- ]+$/, 'Geen geldig telefoonnummer')
  .refine((p) => p.replace(/\D/g, '').length >= 3, 'Geen geldig telefoonnummer');
const areaIds = z
  .array(z.uuid({ error: 'Geen geldige wijk of buurt' }))
  .min(1, 'Kies minstens één wijk of buurt')
  .max(50, 'Te veel gebieden (max. 50)');

/** `POST /social-map`: a professional on the map, of the caller's own partner (the regisseur: of any). */
export const createSocialMapEntrySchema = z.strictObject({
  name: requiredText(200, 'Naam'),
  partnerId: z.uuid({ error: 'Kies een organisatie' }),
  role: z.enum(SOCIAL_MAP_ROLES, { error: 'Kies een rol' }),
  areaIds,
  phone: phone.optional(),
  email: emailAddress.optional(),
  /** When and where to reach them, in words ("di en do 9–17 uur, spreekuur wijkcentrum wo 10–12"). */
  availability: requiredText(500, 'Bereikbaarheid').optional(),
});
export type CreateSocialMapEntry = z.infer<typeof createSocialMapEntrySchema>;

/** `PATCH /social-map/:id`: the fields to change; `null` clears phone, email or availability. */
export const updateSocialMapEntrySchema = patchBody({
  name: createSocialMapEntrySchema.shape.name.optional(),
  partnerId: createSocialMapEntrySchema.shape.partnerId.optional(),
  role: createSocialMapEntrySchema.shape.role.optional(),
  areaIds: areaIds.optional(),
  phone: phone.nullable().optional(),
  email: emailAddress.nullable().optional(),
  availability: requiredText(500, 'Bereikbaarheid').nullable().optional(),
});
export type UpdateSocialMapEntry = z.infer<typeof updateSocialMapEntrySchema>;

/** A wijk or buurt with its name. */
const mapAreaSchema = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(AREA_KINDS) });

export const socialMapEntrySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  partnerId: z.uuid(),
  /** The organisation's name. */
  partnerName: z.string().optional(),
  role: z.enum(SOCIAL_MAP_ROLES),
  /** The wijken and buurten the person works in, with their names. */
  areas: z.array(mapAreaSchema),
  phone: z.string().optional(),
  email: z.string().optional(),
  availability: z.string().optional(),
});
export type SocialMapEntry = z.infer<typeof socialMapEntrySchema>;

/**
 * `GET /social-map?areaId=&q=&role=`: for a buurt its own people and those of its wijk; for a wijk its own
 * and those of its buurten; without `areaId` the whole municipality. `meetingId` instead of `areaId`: the
 * wijken of the cases on the meeting's agenda that the caller sees (a meeting has no area of its own).
 * `q` searches name, role and organisation. Ordered by role (as `SOCIAL_MAP_ROLES`) and name.
 */
export const socialMapQuerySchema = z
  .strictObject({
    areaId: z.uuid({ error: 'Geen geldig gebied' }).optional(),
    meetingId: z.uuid({ error: 'Geen geldig overleg' }).optional(),
    q: z.string().trim().max(200, 'Zoektekst is te lang (max. 200 tekens)').optional(),
    role: z.enum(SOCIAL_MAP_ROLES, { error: 'Onbekende rol' }).optional(),
  })
  .refine((q) => q.areaId === undefined || q.meetingId === undefined, {
    path: ['meetingId'],
    message: 'Kies een gebied óf een overleg',
  });
export type SocialMapQuery = z.infer<typeof socialMapQuerySchema>;
export const socialMapSchema = collection(socialMapEntrySchema).extend({
  /**
   * The areas the map was made for: the `areaId`'s, or the wijken of a meeting's cases (empty when none
   * of them has an area); absent for the whole municipality.
   */
  areas: z.array(mapAreaSchema).optional(),
});
export type SocialMap = z.infer<typeof socialMapSchema>;

/** The roles whose Dutch name or key holds the search text (lower case). */
export function socialMapRolesMatching(q: string): SocialMapRole[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [];
  return SOCIAL_MAP_ROLES.filter(
    (r) => r.includes(needle) || SOCIAL_MAP_ROLE_LABELS[r].toLowerCase().includes(needle),
  );
}

/**
 * Who may keep a person on the map current: the regisseur every one; a professional the people of their
 * own partner (`socialmap.write`); nobody else.
 */
export function canMaintainSocialMapEntry(
  actor: Pick<Actor, 'partnerId' | 'roles'>,
  partnerId: string,
): boolean {
  if (!hasPermission(actor, 'socialmap.write')) return false;
  return actor.roles.includes('regisseur') || actor.partnerId === partnerId;
}

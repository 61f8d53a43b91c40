import { z } from 'zod';
import { collection, patchBody } from './contract.js';
import { labelled } from './labelled.js';
import { PARTNER_SORT_FIELDS, sortQuery } from './sorting.js';

export const { values: PARTNER_KINDS, labels: PARTNER_KIND_LABELS } = labelled([
  ['gemeente', 'Gemeente'],
  ['politie', 'Politie'],
  ['handhaving', 'Handhaving (BOA)'],
  ['wijkteam', 'Wijkteam'],
  ['ggz', 'GGZ'],
  ['zorg', 'Zorg'],
  ['jeugd', 'Jeugd(zorg)'],
  ['schuldhulp', 'Schuldhulpverlening'],
  ['woningcorporatie', 'Woningcorporatie'],
  ['jongerenwerk', 'Jongerenwerk'],
  ['reclassering', 'Reclassering'],
  ['justitie', 'Justitie'],
  ['onderwijs', 'Onderwijs'],
  ['bewoners', 'Bewoners'],
  ['overig', 'Overig'],
]);
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const partnerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
});
export type Partner = z.infer<typeof partnerSchema>;
export const partnerListSchema = collection(partnerSchema);
export type PartnerList = z.infer<typeof partnerListSchema>;

export const createPartnerSchema = z.strictObject({
  name: z.string().trim().min(1, 'Naam is verplicht').max(200, 'Naam is te lang (max. 200 tekens)'),
  kind: z.enum(PARTNER_KINDS, { error: 'Onbekend soort partner' }),
});
export type CreatePartner = z.infer<typeof createPartnerSchema>;

/**
 * A partner as the list shows it: with whether it still takes part. A deactivated partner stays
 * (its name stays on cases, meetings and history) but is no longer offered for new work.
 */
export const partnerWithStatusSchema = partnerSchema.extend({ active: z.boolean() });
export type PartnerWithStatus = z.infer<typeof partnerWithStatusSchema>;
export const partnerWithStatusListSchema = collection(partnerWithStatusSchema);
export type PartnerWithStatusList = z.infer<typeof partnerWithStatusListSchema>;
/** `GET /partners?sort=&order=`. */
export const partnerListQuerySchema = z.strictObject(sortQuery(PARTNER_SORT_FIELDS));
export type PartnerListQuery = z.infer<typeof partnerListQuerySchema>;

/** `PATCH /partners/:id` (admin): `active: false` ends its users' sessions and stops their logins. */
export const updatePartnerSchema = patchBody({
  name: createPartnerSchema.shape.name.optional(),
  active: z.boolean({ error: 'Kies actief (true) of niet actief (false)' }).optional(),
});
export type UpdatePartner = z.infer<typeof updatePartnerSchema>;

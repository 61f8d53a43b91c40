import { z } from 'zod';
import { collection } from './contract.js';

export const PARTNER_KINDS = [
  'gemeente',
  'politie',
  'handhaving',
  'wijkteam',
  'ggz',
  'zorg',
  'jeugd',
  'schuldhulp',
  'woningcorporatie',
  'jongerenwerk',
  'reclassering',
  'justitie',
  'onderwijs',
  'bewoners',
  'overig',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  gemeente: 'Gemeente',
  politie: 'Politie',
  handhaving: 'Handhaving (BOA)',
  wijkteam: 'Wijkteam',
  ggz: 'GGZ',
  zorg: 'Zorg',
  jeugd: 'Jeugd(zorg)',
  schuldhulp: 'Schuldhulpverlening',
  woningcorporatie: 'Woningcorporatie',
  jongerenwerk: 'Jongerenwerk',
  reclassering: 'Reclassering',
  justitie: 'Justitie',
  onderwijs: 'Onderwijs',
  bewoners: 'Bewoners',
  overig: 'Overig',
};

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

import { z } from 'zod';
import { collection, emailAddress, requiredText } from './contract.js';
import { labelled } from './labelled.js';
import { REPORT_URGENCIES, SIGNAL_STATUSES, signalLocationSchema, signalSchema } from './signals.js';

/*
 * Resident groups (issue 14): buurtpreventie teams, bewonerscommissies, the wijkraad, WhatsApp groups —
 * each with its areas, a coordinator among the municipality's users and members. The members' contact
 * data (email, phone) is read only by regisseurs and the group's coordinator; everybody else who is
 * logged in sees the members' names and roles. A group's report is a signal with source `resident`
 * and the group's id, in the short fixed form what, where, when, how urgent; the group follows it with
 * its tracking code on the public tracking page, as residents do.
 */

export const { values: RESIDENT_GROUP_KINDS, labels: RESIDENT_GROUP_KIND_LABELS } = labelled([
  ['buurtpreventie', 'Buurtpreventie'],
  ['bewonerscommissie', 'Bewonerscommissie'],
  ['wijkraad', 'Wijkraad'],
  ['whatsapp', 'WhatsApp-groep'],
  ['overig', 'Overig'],
]);
export type ResidentGroupKind = (typeof RESIDENT_GROUP_KINDS)[number];

export const createResidentGroupSchema = z.strictObject({
  name: requiredText(200, 'Naam'),
  kind: z.enum(RESIDENT_GROUP_KINDS, {
    error: 'Kies buurtpreventie, bewonerscommissie, wijkraad, whatsapp of overig',
  }),
  areaIds: z
    .array(z.uuid({ error: 'Geen geldige wijk of buurt' }))
    .min(1, 'Kies minstens één wijk of buurt')
    .max(50, 'Te veel gebieden (max. 50)'),
  contactEmail: emailAddress,
  /** An active regisseur or professional of the municipality; default the creator. */
  coordinatorUserId: z.uuid({ error: 'Kies een coördinator' }).optional(),
});
export type CreateResidentGroup = z.infer<typeof createResidentGroupSchema>;
export type CreateResidentGroupInput = z.input<typeof createResidentGroupSchema>;

export const createGroupMemberSchema = z.strictObject({
  name: requiredText(200, 'Naam'),
  email: emailAddress,
  phone: z
    .string()
    .trim()
    .max(30, 'Het telefoonnummer is te lang')
    .regex(/^[0-9+()\- ]*$/, 'Geen geldig telefoonnummer')
    .optional(),
  /** The member's role in the group, in words (e.g. "lid", "voorzitter", "beheerder app-groep"). */
  role: requiredText(100, 'Rol'),
});
export type CreateGroupMember = z.infer<typeof createGroupMemberSchema>;

/** A member; `email` and `phone` only for the regisseur and the group's coordinator. */
export const groupMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  createdAt: z.string(),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

export const residentGroupSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(RESIDENT_GROUP_KINDS),
  areas: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The group's own address for contact by professionals (not a member's). */
  contactEmail: z.string(),
  coordinator: z.object({ id: z.uuid(), name: z.string() }),
  memberCount: z.number().int(),
  /** Whether the caller may see the members' contact data and add or remove members. */
  manages: z.boolean(),
  createdAt: z.string(),
});
export type ResidentGroupSummary = z.infer<typeof residentGroupSummarySchema>;

export const residentGroupSchema = residentGroupSummarySchema.extend({
  members: z.array(groupMemberSchema),
});
export type ResidentGroup = z.infer<typeof residentGroupSchema>;

export const residentGroupListQuerySchema = z.strictObject({
  /** Groups working in this wijk or buurt (a wijk also finds the groups of its buurten). */
  areaId: z.uuid({ error: 'Geen geldig gebied' }).optional(),
});
export type ResidentGroupListQuery = z.infer<typeof residentGroupListQuerySchema>;
export const residentGroupListSchema = collection(residentGroupSummarySchema);
export type ResidentGroupList = z.infer<typeof residentGroupListSchema>;

export const groupMemberParams = z.strictObject({
  id: z.uuid({ error: 'Geen geldige id' }),
  memberId: z.uuid({ error: 'Geen geldige id' }),
});
export type GroupMemberParams = z.infer<typeof groupMemberParams>;

/** A group's report: what (category, description), where (location), when (occurredAt), how urgent. */
export const createGroupReportSchema = z.strictObject({
  category: z.string().min(1, 'Kies een onderwerp').max(60),
  description: requiredText(2000, 'Wat er aan de hand is'),
  location: signalLocationSchema.optional(),
  occurredAt: z.iso.datetime({ offset: true, error: 'Geen geldig tijdstip (ISO 8601)' }).optional(),
  urgency: z.enum(REPORT_URGENCIES, { error: 'Kies laag, normaal, hoog of spoed' }).default('normaal'),
});
export type CreateGroupReport = z.infer<typeof createGroupReportSchema>;
export type CreateGroupReportInput = z.input<typeof createGroupReportSchema>;

/** The answer to a group's report: the signal, and the code the group follows it with. */
export const groupReportReceiptSchema = signalSchema.extend({ trackingCode: z.string() });
export type GroupReportReceipt = z.infer<typeof groupReportReceiptSchema>;

/**
 * One of the group's reports as its managers follow it (regisseur and coordinator): the public status,
 * the tracking code, and the signal's id only when the caller may open it.
 */
export const groupReportSchema = z.object({
  signalId: z.uuid().nullable(),
  category: z.string(),
  urgency: z.enum(REPORT_URGENCIES).nullable(),
  status: z.enum(SIGNAL_STATUSES),
  statusText: z.string(),
  trackingCode: z.string().nullable(),
  createdAt: z.string(),
});
export type GroupReport = z.infer<typeof groupReportSchema>;
export const groupReportListSchema = collection(groupReportSchema);
export type GroupReportList = z.infer<typeof groupReportListSchema>;

// What and how to report ------------------------------------------------------------------------------

export const howToReportChannelSchema = z.strictObject({
  /** E.g. "112", "Politie, geen spoed", "Meld Misdaad Anoniem", "Melding bij de gemeente". */
  name: requiredText(100, 'Naam'),
  /** When to use it, in plain words. */
  when: requiredText(1000, 'Wanneer'),
  /** How to reach it: a phone number, or words. */
  contact: requiredText(200, 'Contact'),
  /** A web address (https) or a path of this site (e.g. `/melden`). */
  url: z
    .string()
    .trim()
    .max(500, 'Het adres is te lang')
    .regex(/^(https:\/\/[^\s]+|\/[^\s]*)$/, 'Geef een https-adres of een pad dat met / begint')
    .optional(),
});
export type HowToReportChannel = z.infer<typeof howToReportChannelSchema>;

/** `PUT /how-to-report`: the municipality's text, whole. */
export const howToReportContentSchema = z.strictObject({
  intro: requiredText(2000, 'De inleiding'),
  channels: z
    .array(howToReportChannelSchema)
    .min(1, 'Noem minstens één manier van melden')
    .max(12, 'Te veel manieren (max. 12)'),
  afterReport: requiredText(3000, 'Wat er na een melding gebeurt'),
  takePart: requiredText(3000, 'Hoe bewoners mee kunnen doen'),
});
export type HowToReportContent = z.infer<typeof howToReportContentSchema>;

/** The text as answered; `updatedAt` is null while the municipality shows the default text. */
export const howToReportSchema = z.object({
  intro: z.string(),
  channels: z.array(
    z.object({ name: z.string(), when: z.string(), contact: z.string(), url: z.string().optional() }),
  ),
  afterReport: z.string(),
  takePart: z.string(),
  updatedAt: z.string().nullable(),
});
export type HowToReport = z.infer<typeof howToReportSchema>;

/** The default text of a municipality, in plain Dutch (B1). */
export const DEFAULT_HOW_TO_REPORT: HowToReportContent = {
  intro:
    'Ziet u iets in uw buurt dat niet klopt? Meld het. Zo weten de gemeente, de politie en andere organisaties wat er speelt. Hieronder leest u waar u wat meldt.',
  channels: [
    {
      name: '112 (spoed)',
      when: 'Bij direct gevaar, als iemand in nood is of als u een misdrijf ziet gebeuren. Bijvoorbeeld bij brand, een inbraak of een ernstig ongeluk.',
      contact: 'Bel 112',
    },
    {
      name: 'Politie (geen spoed)',
      when: 'Als er geen direct gevaar is, maar de politie wel moet weten wat er gebeurd is. Bijvoorbeeld bij aangifte of verdachte situaties die voorbij zijn.',
      contact: 'Bel 0900-8844',
      url: 'https://www.politie.nl',
    },
    {
      name: 'Meld Misdaad Anoniem',
      when: 'Als u iets weet over een misdrijf, maar uw naam niet wilt geven. Bijvoorbeeld over drugshandel, een hennepkwekerij of witwassen.',
      contact: 'Bel 0800-7000 (gratis)',
      url: 'https://www.meldmisdaadanoniem.nl',
    },
    {
      name: 'Melding bij de gemeente',
      when: 'Bij zorgen over uw buurt of over iemand in uw buurt, zonder spoed. Bijvoorbeeld overlast van jongeren, een woning die verwaarloosd wordt of iemand die verward lijkt.',
      contact: 'Vul het meldformulier in. U hoeft niet in te loggen.',
      url: '/melden',
    },
  ],
  afterReport:
    'U krijgt een code. Met die code ziet u hoe het met uw melding gaat. Wij bekijken elke melding. Een medewerker van de gemeente of van een partner, zoals het wijkteam of de woningcorporatie, pakt de melding op. Over andere mensen vertellen wij niets: dat mag niet.',
  takePart:
    'Wilt u meer doen voor uw buurt? Doe mee met buurtpreventie, de bewonerscommissie of de wijkraad. Samen met buren houdt u een oogje in het zeil. Vraag de wijkregisseur van de gemeente welke groepen er in uw wijk zijn.',
};

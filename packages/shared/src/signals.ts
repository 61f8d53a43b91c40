import { z } from 'zod';

export const SIGNAL_SOURCES = ['professional', 'resident', 'creditor', 'outreach'] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];
export const SIGNAL_SOURCE_LABELS: Record<SignalSource, string> = {
  professional: 'Professional',
  resident: 'Bewoner',
  creditor: 'Vroegsignalering (schuldeiser)',
  outreach: 'Outreach',
};

export const SIGNAL_STATUSES = [
  'new',
  'triage',
  'visit_planned',
  'contacted',
  'referred',
  'closed',
  'dismissed',
] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];
export const SIGNAL_STATUS_LABELS: Record<SignalStatus, string> = {
  new: 'Nieuw',
  triage: 'In behandeling',
  visit_planned: 'Huisbezoek gepland',
  contacted: 'Contact gelegd',
  referred: 'Doorverwezen',
  closed: 'Afgehandeld',
  dismissed: 'Niet opgepakt',
};

/** What a resident sees of a status: no names, no partners. */
export const SIGNAL_STATUS_PUBLIC: Record<SignalStatus, string> = {
  new: 'Ontvangen',
  triage: 'In behandeling',
  visit_planned: 'In behandeling',
  contacted: 'In behandeling',
  referred: 'In behandeling',
  closed: 'Afgehandeld',
  dismissed: 'Afgehandeld',
};

/**
 * The status flow: forward through the follow-up, back where work is redone; closed and dismissed
 * are final except that a regisseur may reopen (to triage).
 */
const FLOW: Record<SignalStatus, SignalStatus[]> = {
  new: ['triage', 'visit_planned', 'contacted', 'referred', 'closed', 'dismissed'],
  triage: ['visit_planned', 'contacted', 'referred', 'closed', 'dismissed'],
  visit_planned: ['triage', 'contacted', 'referred', 'closed', 'dismissed'],
  contacted: ['visit_planned', 'referred', 'closed'],
  referred: ['contacted', 'closed'],
  closed: ['triage'],
  dismissed: ['triage'],
};
export function signalTransition(from: SignalStatus, to: SignalStatus): 'step' | 'reopen' | 'invalid' {
  if (!FLOW[from].includes(to)) return 'invalid';
  return from === 'closed' || from === 'dismissed' ? 'reopen' : 'step';
}

/**
 * Who sees a signal: regisseurs, the partner that reported it and the partner it is routed to. The
 * list SQL (`signalVisibleSql` in the server) mirrors it.
 */
export function seesSignal(
  actor: { partnerId: string; roles: readonly string[] },
  s: { reporterPartnerId: string | null; routedPartnerId: string | null },
): boolean {
  return (
    actor.roles.includes('regisseur') ||
    s.reporterPartnerId === actor.partnerId ||
    s.routedPartnerId === actor.partnerId
  );
}

export const CREDITOR_TYPES = ['energie', 'water', 'huur', 'zorgverzekering'] as const;
export type CreditorType = (typeof CREDITOR_TYPES)[number];
export const CREDITOR_TYPE_LABELS: Record<CreditorType, string> = {
  energie: 'Energie',
  water: 'Drinkwater',
  huur: 'Huur',
  zorgverzekering: 'Zorgverzekering',
};

/** First-contact deadline of a category: calendar days, or working days (no weekends, no Dutch holidays). */
export interface Deadline {
  days: number;
  working: boolean;
}

export interface SignalCategoryDefault {
  key: string;
  label: string;
  /** Residents may choose it on the public report page. */
  publicReport: boolean;
  deadline: Deadline;
}

/** The default signal categories of a municipality (tenant-configurable). */
export const DEFAULT_SIGNAL_CATEGORIES: SignalCategoryDefault[] = [
  {
    key: 'overlast_jeugd',
    label: 'Overlast jeugd',
    publicReport: true,
    deadline: { days: 10, working: true },
  },
  { key: 'woonoverlast', label: 'Woonoverlast', publicReport: true, deadline: { days: 10, working: true } },
  {
    key: 'verward_gedrag',
    label: 'Verward gedrag',
    publicReport: true,
    deadline: { days: 1, working: true },
  },
  { key: 'verwaarlozing', label: 'Verwaarlozing', publicReport: true, deadline: { days: 10, working: true } },
  {
    key: 'zorgen_persoon',
    label: 'Zorgen over een persoon',
    publicReport: true,
    deadline: { days: 5, working: true },
  },
  {
    key: 'achterstand_energie',
    label: 'Betalingsachterstand energie',
    publicReport: false,
    deadline: { days: 28, working: false },
  },
  {
    key: 'achterstand_water',
    label: 'Betalingsachterstand water',
    publicReport: false,
    deadline: { days: 28, working: false },
  },
  {
    key: 'achterstand_huur',
    label: 'Betalingsachterstand huur',
    publicReport: false,
    deadline: { days: 28, working: false },
  },
  {
    key: 'achterstand_zorgverzekering',
    label: 'Betalingsachterstand zorgverzekering',
    publicReport: false,
    deadline: { days: 28, working: false },
  },
  {
    key: 'ondermijning_hennep',
    label: 'Ondermijning: hennep',
    publicReport: true,
    deadline: { days: 10, working: true },
  },
  {
    key: 'ondermijning_leegstand',
    label: 'Ondermijning: leegstand',
    publicReport: true,
    deadline: { days: 10, working: true },
  },
  {
    key: 'ondermijning_witwassen',
    label: 'Ondermijning: witwassen',
    publicReport: true,
    deadline: { days: 10, working: true },
  },
  { key: 'overig', label: 'Overig', publicReport: true, deadline: { days: 10, working: true } },
];
/** An end-of-supply warning (energy or water cut off) must be followed up within 3 working days. */
export const END_OF_SUPPLY_DEADLINE: Deadline = { days: 3, working: true };
export const creditorCategory = (t: CreditorType) => `achterstand_${t}`;

const postalCode = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[1-9]\d{3}[A-Z]{2}$/, 'Geen geldige postcode (1234 AB)'));

export const signalLocationSchema = z.strictObject({
  street: z.string().trim().max(200, 'Te lang').optional(),
  houseNumber: z.string().trim().max(20, 'Te lang').optional(),
  postalCode: postalCode.optional(),
  city: z.string().trim().max(100, 'Te lang').optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});
export type SignalLocation = z.infer<typeof signalLocationSchema>;

export const createSignalSchema = z.strictObject({
  category: z.string().min(1, 'Kies een categorie').max(60),
  description: z
    .string()
    .trim()
    .min(1, 'Omschrijving is verplicht')
    .max(5000, 'Omschrijving is te lang (max. 5.000 tekens)'),
  source: z.enum(SIGNAL_SOURCES, { error: 'Kies professional, resident, creditor of outreach' }),
  occurredAt: z.iso.datetime({ offset: true, error: 'Geen geldig tijdstip (ISO 8601)' }).optional(),
  location: signalLocationSchema.optional(),
  personIds: z
    .array(z.uuid({ error: 'Geen geldige persoon' }))
    .max(20, 'Te veel personen')
    .optional(),
});
export type CreateSignal = z.infer<typeof createSignalSchema>;

export const updateSignalSchema = z
  .strictObject({
    status: z.enum(SIGNAL_STATUSES, { error: 'Onbekende status' }).optional(),
    caseId: z.uuid({ error: 'Geen geldige casus' }).nullable().optional(),
    /** Why it was dismissed or how it ended; required when dismissing. */
    outcome: z.string().trim().max(2000, 'Te lang (max. 2.000 tekens)').optional(),
    /** A short update the resident who reported it may read (no names, no partners). */
    publicUpdate: z.string().trim().max(500, 'Te lang (max. 500 tekens)').optional(),
  })
  .refine((u) => Object.keys(u).length > 0, {
    message: 'Geef minstens één veld om te wijzigen',
    path: ['(body)'],
  });
export type UpdateSignal = z.infer<typeof updateSignalSchema>;

export const signalSchema = z.object({
  id: z.uuid(),
  category: z.string(),
  description: z.string(),
  source: z.enum(SIGNAL_SOURCES),
  status: z.enum(SIGNAL_STATUSES),
  location: z.object({
    street: z.string().optional(),
    houseNumber: z.string().optional(),
    postalCode: z.string().optional(),
    city: z.string().optional(),
    lat: z.number().optional(),
    lng: z.number().optional(),
  }),
  personIds: z.array(z.uuid()),
  caseId: z.uuid().nullable(),
  occurredAt: z.string().nullable(),
  areaId: z.uuid().nullable(),
  reporterPartnerId: z.uuid().nullable(),
  routedPartnerId: z.uuid().nullable(),
  /** Why it was routed there, in words. */
  routingReason: z.string().nullable(),
  firstContactDue: z.string().nullable(),
  overdue: z.boolean(),
  bundleId: z.uuid().nullable(),
  mergedIntoId: z.uuid().nullable(),
  outcome: z.string().nullable(),
  creditor: z
    .object({
      type: z.enum(CREDITOR_TYPES),
      name: z.string(),
      reference: z.string(),
      arrearsAmount: z.number().nullable(),
      arrearsSince: z.string().nullable(),
      endOfSupply: z.boolean(),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Signal = z.infer<typeof signalSchema>;

export const importResultSchema = z.object({
  imported: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.object({ line: z.number(), message: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const VISIT_OUTCOMES = ['not_home', 'contact', 'help_accepted', 'referred', 'declined'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export const VISIT_OUTCOME_LABELS: Record<VisitOutcome, string> = {
  not_home: 'Niet thuis',
  contact: 'Contact gehad',
  help_accepted: 'Hulp geaccepteerd',
  referred: 'Doorverwezen',
  declined: 'Hulp afgewezen',
};

export const publicReportSchema = z.strictObject({
  category: z.string().min(1, 'Kies een onderwerp').max(60),
  description: z
    .string()
    .trim()
    .min(10, 'Beschrijf wat er aan de hand is (minstens 10 tekens)')
    .max(2000, 'Te lang (max. 2.000 tekens)'),
  location: signalLocationSchema.optional(),
  /** How to reach the resident, if they want: free text (a phone number or e-mail) or its parts. */
  contact: z
    .union([
      z.string().trim().max(200, 'Te lang (max. 200 tekens)'),
      z.strictObject({
        name: z.string().trim().max(100, 'Te lang').optional(),
        email: z
          .string()
          .trim()
          .max(254, 'Te lang')
          .pipe(z.email({ error: 'Geen geldig e-mailadres' }))
          .optional(),
        phone: z.string().trim().max(30, 'Te lang').optional(),
      }),
    ])
    .optional(),
  /** Honeypot: people never see or fill it; a bot that fills it gets a receipt and nothing is stored. */
  website: z.string().max(500).optional(),
});
export type PublicReport = z.infer<typeof publicReportSchema>;

export const signalCategorySchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'Sleutel: kleine letters, cijfers en _, 2 tot 60 tekens'),
  label: z.string().trim().min(1, 'Naam is verplicht').max(100, 'Naam is te lang (max. 100 tekens)'),
  publicReport: z.boolean().default(false),
  deadlineDays: z.number().int().min(0, 'Niet negatief').max(365, 'Hoogstens 365 dagen'),
  deadlineWorking: z.boolean().default(true),
});
/** Only the fields given change (no defaults here: a missing field is not a change). */
export const updateSignalCategorySchema = z
  .strictObject({
    label: z
      .string()
      .trim()
      .min(1, 'Naam is verplicht')
      .max(100, 'Naam is te lang (max. 100 tekens)')
      .optional(),
    publicReport: z.boolean().optional(),
    deadlineDays: z.number().int().min(0, 'Niet negatief').max(365, 'Hoogstens 365 dagen').optional(),
    deadlineWorking: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, {
    message: 'Geef minstens één veld om te wijzigen',
    path: ['(body)'],
  });

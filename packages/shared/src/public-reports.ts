import { z } from 'zod';
import { jsonField, MAX_PUBLIC_PHOTO_BYTES, uploadSchema } from './attachments.js';
import { collection } from './contract.js';
import { SIGNAL_STATUSES, type SignalStatus, signalLocationSchema } from './signals.js';

/**
 * The residents' side (no login): a report becomes a signal in the municipality's inbox, and the
 * resident follows it with a tracking code. What a resident sees carries no names of people or
 * organisations.
 */

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

/** `?gemeente=`: the municipality of the public pages (default: the installation's first). */
export const gemeenteQuerySchema = z.strictObject({
  gemeente: z.uuid({ error: 'Onbekende gemeente' }).optional(),
});
export type GemeenteQuery = z.infer<typeof gemeenteQuerySchema>;

/** A subject residents may report about. */
export const publicCategorySchema = z.object({ key: z.string(), label: z.string() });
export type PublicCategory = z.infer<typeof publicCategorySchema>;
export const publicCategoryListSchema = collection(publicCategorySchema);
export type PublicCategoryList = z.infer<typeof publicCategoryListSchema>;

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
/**
 * The same as multipart/form-data with one photo (JPEG or PNG, at most 10 MiB) as a `file` part;
 * `location` and `contact` are JSON text. The report and its photo are stored together, or nothing is.
 */
export const publicReportFormSchema = publicReportSchema.extend({
  location: jsonField(signalLocationSchema).optional(),
  contact: jsonField(publicReportSchema.shape.contact.unwrap()).optional(),
  file: z
    .array(
      uploadSchema.meta({
        description: `Een foto (JPEG of PNG) tot ${MAX_PUBLIC_PHOTO_BYTES / 1024 / 1024} MiB`,
      }),
    )
    .max(1, 'Stuur één foto')
    .default([]),
});
export type PublicReportForm = z.infer<typeof publicReportFormSchema>;

/** The receipt of a report: only the code to follow it with. */
export const publicReportReceiptSchema = z.object({ trackingCode: z.string() });
export type PublicReportReceipt = z.infer<typeof publicReportReceiptSchema>;

/** `/reports/:code`. */
export const trackingCodeParamsSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9-]{4,20}$/, 'Geen geldige code'),
});
export type TrackingCodeParams = z.infer<typeof trackingCodeParamsSchema>;

/** What a resident may see of their report: the status in plain words and the public updates. */
export const publicReportStatusSchema = z.object({
  status: z.enum(SIGNAL_STATUSES),
  statusText: z.string(),
  createdAt: z.string(),
  updates: z.array(z.object({ at: z.string(), text: z.string() })),
});
export type PublicReportStatus = z.infer<typeof publicReportStatusSchema>;

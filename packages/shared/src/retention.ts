import { z } from 'zod';

/**
 * Retention and anonymisation (issue 15, point 2). A closed case whose processing activity's
 * retention has passed, a signal that never became a case, closed or dismissed longer ago than its
 * activity's retention, and a person with nothing left inside retention are anonymised: names, BSN,
 * address and texts go; references, dates, categories, statistics and the audit chain stay.
 */

/** The words that replace a name or title once it is anonymised. */
export const ANONYMISED = 'Geanonimiseerd';

/** Per activity of the register: what is due now and when the next falls due. */
export const retentionActivitySchema = z.object({
  id: z.string(),
  name: z.string(),
  retentionDays: z.number().int(),
  /** Closed cases not yet anonymised. */
  closedCases: z.number().int(),
  /** Of those, whose retention has passed (the next run anonymises them). */
  dueCases: z.number().int(),
  /** When the next closed case inside retention falls due (ISO time), or null. */
  nextCaseDueAt: z.string().nullable(),
  /** Closed or dismissed signals without a case whose retention has passed. */
  dueSignals: z.number().int(),
  nextSignalDueAt: z.string().nullable(),
});
export type RetentionActivity = z.infer<typeof retentionActivitySchema>;

export const retentionStatusSchema = z.object({
  activities: z.array(retentionActivitySchema),
  /** Persons with nothing left inside retention (after the cases and signals due now). */
  duePersons: z.number().int(),
  anonymisedCases: z.number().int(),
  anonymisedPersons: z.number().int(),
  anonymisedSignals: z.number().int(),
});
export type RetentionStatus = z.infer<typeof retentionStatusSchema>;

/** What one run of the job anonymised (API.md: `{ anonymisedCases, anonymisedPersons }`). */
export const retentionRunSchema = z.object({
  anonymisedCases: z.number().int(),
  anonymisedPersons: z.number().int(),
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

import { z } from 'zod';
import { itemList } from './contract.js';
import { labelled } from './labelled.js';
import type { PartnerKind } from './partners.js';
import { type Actor, hasPermission } from './permissions.js';
import type { Deadline } from './signals.js';
import { isoDateSchema } from './subjects.js';

/**
 * Early warning (Wet gemeentelijke schuldhulpverlening): creditors report payment arrears, the
 * municipality imports their files, matches them to what it knows and follows them up. The contract
 * of the import and of the Wgs monitor.
 */

export const { values: CREDITOR_TYPES, labels: CREDITOR_TYPE_LABELS } = labelled([
  ['energie', 'Energie'],
  ['water', 'Drinkwater'],
  ['huur', 'Huur'],
  ['zorgverzekering', 'Zorgverzekering'],
]);
export type CreditorType = (typeof CREDITOR_TYPES)[number];

/** An end-of-supply warning (energy or water cut off) must be followed up within 3 working days. */
export const END_OF_SUPPLY_DEADLINE: Deadline = { days: 3, working: true };
/** The signal category of a creditor type's signals. */
export const creditorCategory = (t: CreditorType) => `achterstand_${t}`;

/**
 * The columns of the creditor file (docs/integration.md, "Creditor early warnings"), in the order of
 * the documentation: the header names the file and its template use. The one list: the server checks
 * headers against it, the import page shows it, and the tests and the bench write their files with it.
 *
 * With each, what the column is in Dutch: a message about a row names the column by this and by its
 * name in the file ("postcode (kolom postalCode)"), so the user finds it in the file and understands it.
 */
export const { values: CREDITOR_COLUMNS, labels: CREDITOR_COLUMN_LABELS } = labelled([
  ['creditorType', 'soort schuldeiser'],
  ['creditorName', 'naam schuldeiser'],
  ['reference', 'kenmerk'],
  ['signalDate', 'signaaldatum'],
  ['lastName', 'achternaam'],
  ['initials', 'voorletters'],
  ['birthDate', 'geboortedatum'],
  ['street', 'straat'],
  ['houseNumber', 'huisnummer'],
  ['postalCode', 'postcode'],
  ['city', 'plaats'],
  ['arrearsAmount', 'bedrag achterstand'],
  ['arrearsSince', 'achterstand sinds'],
  ['endOfSupply', 'dreigende afsluiting'],
]);
export type CreditorColumn = (typeof CREDITOR_COLUMNS)[number];

/** A column as a message names it: "postcode (kolom postalCode)". */
export const creditorColumnName = (c: CreditorColumn) => `${CREDITOR_COLUMN_LABELS[c]} (kolom ${c})`;

/** `POST /signals/import`: what was imported, what was a duplicate, which lines were rejected and why. */
export const importResultSchema = z.object({
  imported: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.object({ line: z.number(), message: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;
/** The answer of the import: the result and the run's id (to ask its progress). */
export const importAnswerSchema = importResultSchema.extend({ importId: z.uuid().optional() });
export type ImportAnswer = z.infer<typeof importAnswerSchema>;

export const IMPORT_STATUSES = ['running', 'done', 'failed', 'interrupted'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** `GET /signals/imports/current` and `/signals/imports/:id`: how far a run is. */
export const importProgressSchema = z.object({
  id: z.uuid(),
  status: z.enum(IMPORT_STATUSES),
  lines: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

/** `GET /signals/monitor`: the period (default the last twelve months) and the format. */
export const monitorQuerySchema = z.strictObject({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  format: z.enum(['json', 'csv']).optional(),
});
export type MonitorQuery = z.infer<typeof monitorQuerySchema>;

/** One creditor type in one month: the Wgs funnel. */
export const monitorRowSchema = z.object({
  creditorType: z.enum(CREDITOR_TYPES),
  month: z.string(),
  signals: z.number(),
  households: z.number(),
  contacted: z.number(),
  helpAccepted: z.number(),
  referred: z.number(),
});
export type MonitorRow = z.infer<typeof monitorRowSchema>;
export const monitorSchema = itemList(monitorRowSchema);
export type Monitor = z.infer<typeof monitorSchema>;
/** The monitor as JSON, or (`format=csv`) as the CSV text. */
export const monitorAnswerSchema = z.union([monitorSchema, z.string()]);

/**
 * Who may read in creditor files: the permission `signals.import` (the role) and, for a professional, the
 * kind of their partner — the municipality, debt counselling and the care team, never the police. The
 * server checks it on every import; the web offers the import only to whom it holds.
 */
export const CREDITOR_IMPORT_PARTNER_KINDS = [
  'gemeente',
  'schuldhulp',
  'wijkteam',
] as const satisfies readonly PartnerKind[];

export function mayImportCreditorSignals(
  actor: Pick<Actor, 'roles'>,
  partnerKind: PartnerKind | null | undefined,
): boolean {
  if (!hasPermission(actor, 'signals.import')) return false;
  if (actor.roles.includes('regisseur')) return true;
  const kinds: readonly PartnerKind[] = CREDITOR_IMPORT_PARTNER_KINDS;
  return partnerKind != null && kinds.includes(partnerKind);
}

/** Why the import is refused to a user of another partner (for the server's 403 and the web page alike). */
export const CREDITOR_IMPORT_REFUSAL =
  'Alleen de gemeente, schuldhulpverlening en het wijkteam mogen signalen van schuldeisers inlezen.';

import { z } from 'zod';
import { itemList } from './contract.js';

export const ACCESS_LEVELS = ['none', 'read', 'write'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** The default information categories of a new municipality. */
export const DEFAULT_CATEGORIES: { key: string; label: string }[] = [
  { key: 'basis', label: 'Basisgegevens' },
  { key: 'zorg', label: 'Zorg' },
  { key: 'politie', label: 'Politie' },
  { key: 'justitie', label: 'Justitie' },
  { key: 'financien', label: 'Financiën' },
  { key: 'wonen', label: 'Wonen' },
  { key: 'jeugd', label: 'Jeugd' },
  { key: 'veiligheid', label: 'Veiligheid' },
  { key: 'ondermijning', label: 'Ondermijning' },
];

export const categorySchema = z.object({ key: z.string(), label: z.string() });
export type Category = z.infer<typeof categorySchema>;
/** `GET /categories` (all of them, in their order; no paging). */
export const categoryListSchema = itemList(categorySchema);
export type CategoryList = z.infer<typeof categoryListSchema>;

export const categoryKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Sleutel: kleine letters, cijfers en _, 2 tot 40 tekens');

export const createCategorySchema = z.strictObject({
  key: categoryKeySchema,
  label: z.string().trim().min(1, 'Naam is verplicht').max(100, 'Naam is te lang (max. 100 tekens)'),
});
export type CreateCategory = z.infer<typeof createCategorySchema>;

export const matrixCellSchema = z.strictObject({
  partnerId: z.uuid({ error: 'Geen geldige partner' }),
  category: z.string().min(1).max(40),
  access: z.enum(ACCESS_LEVELS, { error: 'Kies none, read of write' }),
});
export type MatrixCell = z.infer<typeof matrixCellSchema>;

/** The whole grid: every partner × every category, `none` where no cell was set. */
export const matrixSchema = z.object({ cells: z.array(matrixCellSchema) });
export type Matrix = z.infer<typeof matrixSchema>;
/** `PUT /access-matrix`: only the given cells change. */
export const putMatrixSchema = z.strictObject({
  cells: z.array(matrixCellSchema).max(10_000, 'Te veel cellen in één keer'),
});
export type PutMatrix = z.infer<typeof putMatrixSchema>;
/** `GET /access-matrix/mine`: the caller's partner's row, a cell per category. */
export const myAccessSchema = z.object({ partnerId: z.uuid(), cells: z.array(matrixCellSchema) });
export type MyAccess = z.infer<typeof myAccessSchema>;

/** A partner's row of the matrix: category → access. Missing categories are `none`. */
export type PartnerAccess = Readonly<Record<string, Access>>;

export const canRead = (a: Access | undefined) => a === 'read' || a === 'write';
export const canWrite = (a: Access | undefined) => a === 'write';

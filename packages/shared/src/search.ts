import { z } from 'zod';
import { itemList } from './contract.js';
import { labelled } from './labelled.js';

/** What the header search finds: the kinds of record it looks through, in the order the page shows them. */
export const { values: SEARCH_KINDS, labels: SEARCH_KIND_LABELS } = labelled([
  ['person', 'Personen'],
  ['case', 'Casussen'],
  ['signal', 'Signalen'],
  ['meeting', 'Overleggen'],
  ['location', 'Locaties'],
]);
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The fewest characters a search needs: one letter matches nearly everything. */
export const SEARCH_MIN_LENGTH = 2;

/** `GET /search?q=`: a free text — a case reference, a title, a name, an address. */
export const searchQuerySchema = z.strictObject({
  q: z
    .string({ error: 'Vul een zoekterm in' })
    .trim()
    .min(SEARCH_MIN_LENGTH, `Minstens ${SEARCH_MIN_LENGTH} tekens`)
    .max(200, 'Hoogstens 200 tekens'),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** One hit: what it is, its id (to open it with its own GET) and how it reads in a list. */
export const searchItemSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.uuid(),
  label: z.string(),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

/** The hits, ranked best first within each kind; only what the caller may open. */
export const searchResultSchema = itemList(searchItemSchema);
export type SearchResult = z.infer<typeof searchResultSchema>;

import type { Params } from './params.js';

/**
 * The typo-tolerant searches (persons, the header search) rank at most `cap` candidates, not every row
 * that fits. A common name fits tens of thousands of persons in a large municipality (measured on the
 * bench: "jansen" 18,226 of 1M, "vera" 25,346); reading, checking and ranking all of them cost 75–125 ms of
 * database time per search, and ten at once took seconds. So:
 *  1. Exact matches first: rows whose text holds every word as written (a plain substring), at most
 *     `cap + 1` of them, in the index's order.
 *  2. Only when there are fewer than `NEAR_BELOW` (50) exact ones, near matches (every word exactly or, from
 *     `NEAR_MIN_LENGTH` letters on, nearly: trigram word similarity) fill up, at most `cap + 51` more. A typo still finds its person; a
 *     name spelled right is not buried under look-alikes, and is not made to pay for the fuzzy scan, the
 *     dearest part (measured at 1M persons: 11 ms for "jansen" alone against 3 ms for the exact scan).
 *  3. The candidates are then ranked (best fit first) and the caller answers at most `cap`; when more
 *     than `cap` rows fit, it says so (`more`), and the user narrows the query (a first name, a birth date,
 *     a postal code) instead of paging through thousands.
 * Each step is one scan over the text of the trigram index with all words at once (a BitmapAnd), with the
 * viewer's visibility checked on the rows it finds before the limit, so a partner never loses candidates
 * to rows it may not see.
 *
 * The text is read through `view`, migration 032's view of the indexed text: under row-level security the
 * planner may not use the table's own trigram index for LIKE or `<%` (they are not leakproof). A word of two
 * letters has no trigram of its own: through the index it would match nearly every row, so it is checked
 * on an expression the index does not cover (`|| ''`), on the rows the longer words find.
 */
export const NEAR_BELOW = 50;

export interface TrigramSearch {
  /** The view with `tenant_id, id, text` (migration 032). */
  view: string;
  /** The table the ids are rows of, and its alias in `where`. */
  table: string;
  alias: string;
  /** `$n` of the tenant id. */
  tenant: string;
  words: readonly string[];
  /** More conditions on `alias` (visibility, a birth date): all must hold. */
  where: readonly string[];
}

/** The words of a query as the searches match them: lower case, two letters or more, at most six. */
export function searchWords(q: string): string[] {
  return [
    ...new Set(
      q
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w.length >= 2),
    ),
  ].slice(0, 6);
}

/**
 * A word of four letters or more may be near (a typo); a shorter one must be there as written: its few trigrams
 * are in a large share of all names ("van", "den", "el"), so a near match of it says little and its fuzzy index scan
 * costs the most (measured at 1M persons: "van den Berrg" 75 ms, most of it the near scans of "van" and "den").
 */
export const NEAR_MIN_LENGTH = 4;

function wordConditions(words: readonly string[], text: string, p: Params, near: boolean): string[] {
  return words.map((w) => {
    const x = p.add(w);
    const on = w.length >= 3 ? text : `(${text} || '')`;
    return near && w.length >= NEAR_MIN_LENGTH
      ? `(${on} LIKE '%' || ${x} || '%' OR ${x} <% ${on})`
      : `${on} LIKE '%' || ${x} || '%'`;
  });
}

/**
 * The CTEs `exact`, `near` and `candidates (id, exact)` of the candidates of a search (see above); the
 * caller writes `WITH ${sql}` and ranks `candidates`. `cap` is a `$n`-free integer.
 */
export function trigramCandidates(q: TrigramSearch, cap: number, p: Params): string {
  if (!Number.isInteger(cap) || cap < 1) throw new TypeError('cap must be a positive integer');
  // `OFFSET 0` plans the scan of the view on its own: with the LIMIT in sight (and a pattern it cannot
  // see in a prepared statement) the planner would otherwise bet on a sequential scan finding enough
  // rows soon, and read the whole table when they are rare (measured: 1.2 s at 1M persons).
  const step = (near: boolean) => {
    const words = [`t.tenant_id = ${q.tenant}`, ...wordConditions(q.words, 't.text', p, near)];
    return `SELECT ${q.alias}.id FROM (SELECT t.id FROM ${q.view} t WHERE ${words.join(' AND ')} OFFSET 0) t
       JOIN ${q.table} ${q.alias} ON ${q.alias}.tenant_id = ${q.tenant} AND ${q.alias}.id = t.id
      WHERE ${q.where.length > 0 ? q.where.join(' AND ') : 'true'}`;
  };
  return `exact AS MATERIALIZED (${step(false)} LIMIT ${cap + 1}),
     near AS MATERIALIZED (${step(true)} AND (SELECT count(*) FROM exact) < ${NEAR_BELOW} LIMIT ${cap + NEAR_BELOW + 1}),
     candidates AS (SELECT id, true AS exact FROM exact
                    UNION ALL SELECT id, false FROM near WHERE id NOT IN (SELECT id FROM exact))`;
}

/** How well `text` fits the words: the sum of each word's trigram word similarity (1 for a substring). */
export function trigramScore(words: readonly string[], text: string, p: Params): string {
  return words.map((w) => `word_similarity(${p.add(w)}, ${text})`).join(' + ');
}

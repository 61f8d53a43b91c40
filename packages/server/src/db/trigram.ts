import type { Params } from './params.js';

/**
 * Every word must be in the text, exactly or nearly (trigram word similarity, as the person search):
 * "jansen dorpstraat" finds Pieter Janssen of the Dorpsstraat. The score sums how well each word fits.
 * A word of three letters or more narrows through `view`, migration 032's view of the text of the trigram
 * index: under row-level security the planner may not use that index for LIKE or `<%` on the table itself
 * (they are not leakproof), and `OFFSET 0` keeps the subquery planned on its own so that it does.
 * A word of two letters has no trigram of its own: through the index it would match nearly every row,
 * so it is checked on an expression the index does not cover, on the rows the longer words find.
 */
export function matchWords(
  q: { alias: string; text: string; view: string },
  tenant: string,
  words: readonly string[],
  p: Params,
): { where: string; score: string } {
  const where: string[] = [];
  const score: string[] = [];
  for (const w of words) {
    const x = p.add(w);
    where.push(
      w.length >= 3
        ? `${q.alias}.id IN (SELECT id FROM ${q.view} WHERE tenant_id = ${tenant}
             AND (text LIKE '%' || ${x} || '%' OR ${x} <% text) OFFSET 0)`
        : `((${q.text} || '') LIKE '%' || ${x} || '%' OR ${x} <% (${q.text} || ''))`,
    );
    score.push(`word_similarity(${x}, ${q.text})`);
  }
  return { where: where.join(' AND '), score: score.join(' + ') };
}

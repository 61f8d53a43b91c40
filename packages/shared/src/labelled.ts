/**
 * A set of codes with the Dutch label of each, written once as `[code, label]` pairs in the order the
 * codes go. Gives the codes as a tuple (for `z.enum` and lists, typed exactly as `[…] as const` would
 * be) and the labels by code:
 *
 *     export const { values: CASE_TYPES, labels: CASE_TYPE_LABELS } = labelled([
 *       ['person', 'Persoonsgerichte aanpak'],
 *       …
 *     ]);
 *     export type CaseType = (typeof CASE_TYPES)[number];
 */
export function labelled<const T extends readonly (readonly [string | number, string])[]>(pairs: T) {
  return {
    values: pairs.map(([value]) => value) as { readonly [I in keyof T]: T[I][0] },
    labels: Object.fromEntries(pairs) as Record<T[number][0], string>,
  };
}

/** Sorts by name the Dutch way, without regard to case or accents ("Ëlla" next to "Ella"). */
export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' });
}

/** A copy of a list sorted by name. */
export function sortedByName<T extends { name: string }>(items: readonly T[] | null | undefined): T[] {
  return [...(items ?? [])].sort(byName);
}

/** Options of a select from named items (partners, users), sorted by name. */
export function nameOptions<T extends { id: string; name: string }>(items: readonly T[] | null | undefined) {
  return sortedByName(items).map((item) => ({ value: item.id, label: item.name }));
}

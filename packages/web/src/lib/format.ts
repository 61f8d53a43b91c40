const TIME_ZONE = 'Europe/Amsterdam';

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** An ISO timestamp as Dutch date and time, e.g. "24 nov 2026 12:24". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date).replace(',', '');
}

/** A date `YYYY-MM-DD` in Dutch, e.g. "3 februari 1980". */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '–';
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}

/** A postal code `1234AB` as `1234 AB`. */
export function formatPostalCode(postalCode: string): string {
  return /^\d{4}[A-Z]{2}$/.test(postalCode) ? `${postalCode.slice(0, 4)} ${postalCode.slice(4)}` : postalCode;
}

export interface AddressLike {
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

/** "Dorpsstraat 1, 1234 AB Voorbeeldstad". */
export function formatAddress(address: AddressLike | null | undefined): string {
  if (!address) return '–';
  return `${address.street} ${address.houseNumber}, ${formatPostalCode(address.postalCode)} ${address.city}`;
}

/** "1 persoon" / "3 personen". */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('nl-NL')} ${n === 1 ? one : many}`;
}

/**
 * The Dutch label of a code from one of the shared label tables (`CASE_STATUS_LABELS`, …); the code
 * itself when the table has none, for the values the API sends as plain text.
 */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}

/** The options of a select: the entries of a reference list (categories, life domains, …) by their key. */
export function keyedOptions(
  entries: readonly { key: string; label: string }[] | undefined,
): { value: string; label: string }[] {
  return (entries ?? []).map((entry) => ({ value: entry.key, label: entry.label }));
}

/** The options of a select or radio group: the codes of a shared list with their labels, in its order. */
export function codeOptions<V extends string>(
  codes: readonly V[],
  labels: Readonly<Record<V, string>>,
): { value: V; label: string }[] {
  return codes.map((value) => ({ value, label: labels[value] }));
}

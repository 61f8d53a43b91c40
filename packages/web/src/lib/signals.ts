import type { SignalLocation } from '@wijkregie/shared';
import { useMemo } from 'react';
import { api } from '../api/endpoints.ts';
import { formatPostalCode } from './format.ts';
import type { Names } from './reference.ts';
import { useApiData } from './useApiData.ts';

const loadSignalCategories = (signal: AbortSignal) => api.listSignalCategories(signal);

/** The signal categories of the municipality, with their labels by key. */
export function useSignalCategories() {
  const categories = useApiData(loadSignalCategories);
  const names: Names = useMemo(
    () => new Map((categories.data?.items ?? []).map((c) => [c.key, c.label])),
    [categories.data],
  );
  return { ...categories, names };
}

/** "Dorpsstraat 1, 1234 AB Voorbeeldstad" from whatever parts of the address a signal has; '' when none. */
export function formatSignalLocation(location: Partial<SignalLocation> | null | undefined): string {
  if (!location) return '';
  const street = [location.street, location.houseNumber].filter(Boolean).join(' ');
  const place = [location.postalCode ? formatPostalCode(location.postalCode) : '', location.city]
    .filter(Boolean)
    .join(' ');
  return [street, place].filter(Boolean).join(', ');
}

/**
 * A point for people, rounded to about a hundred metres: "52,165° N, 5,387° O". Never the main
 * information on a page (an address or a buurt is); at most beside it.
 */
export function formatPoint(lat: number, lng: number): string {
  const f = (n: number) =>
    Math.abs(n).toLocaleString('nl-NL', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return `${f(lat)}° ${lat < 0 ? 'Z' : 'N'}, ${f(lng)}° ${lng < 0 ? 'W' : 'O'}`;
}

/** A walking distance: "350 m" or "1,2 km". */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.round(metres).toLocaleString('nl-NL')} m`;
  return `${(metres / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} km`;
}

/** The first characters of a text, cut at a word, with an ellipsis when it was longer. */
export function excerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const monthFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** A month `YYYY-MM` in Dutch: "maart 2026". */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : monthFormat.format(date);
}

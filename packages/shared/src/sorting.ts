import { z } from 'zod';

/**
 * Sortable lists: `?sort=<field>&order=asc|desc`. Each list names the fields it may be sorted on
 * (the server maps each to a column of its own and to nothing else); without `sort` the list keeps
 * its usual order and `order` alone changes nothing. `order` defaults to `asc`.
 */
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** The `sort` and `order` query fields of a list that may be sorted on `fields`. */
export const sortQuery = <const F extends readonly [string, ...string[]]>(fields: F) => ({
  sort: z.enum(fields, { error: `Sorteer op ${fields.join(', ')}` }).optional(),
  order: z.enum(SORT_ORDERS, { error: 'Kies asc of desc' }).optional(),
});

/** What a list is sorted by, as the server's repositories take it. */
export interface Sorting<F extends string> {
  sort?: F | undefined;
  order?: SortOrder | undefined;
}

export const CASE_SORT_FIELDS = ['reference', 'title', 'type', 'status', 'updatedAt'] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];
export const SIGNAL_SORT_FIELDS = ['category', 'source', 'status', 'firstContactDue', 'createdAt'] as const;
export type SignalSortField = (typeof SIGNAL_SORT_FIELDS)[number];
export const ACTION_SORT_FIELDS = ['title', 'dueDate', 'status', 'createdAt'] as const;
export type ActionSortField = (typeof ACTION_SORT_FIELDS)[number];
export const MEETING_SORT_FIELDS = ['startsAt', 'title', 'kind', 'place'] as const;
export type MeetingSortField = (typeof MEETING_SORT_FIELDS)[number];
export const PERSON_SORT_FIELDS = ['name', 'birthDate', 'postalCode', 'city', 'createdAt'] as const;
export type PersonSortField = (typeof PERSON_SORT_FIELDS)[number];
export const SUBJECT_SORT_FIELDS = ['name', 'createdAt'] as const;
export type SubjectSortField = (typeof SUBJECT_SORT_FIELDS)[number];
export const ALERT_SORT_FIELDS = ['createdAt', 'kind', 'read'] as const;
export type AlertSortField = (typeof ALERT_SORT_FIELDS)[number];
export const USER_SORT_FIELDS = ['name', 'email', 'createdAt'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];
export const PARTNER_SORT_FIELDS = ['name', 'kind'] as const;
export type PartnerSortField = (typeof PARTNER_SORT_FIELDS)[number];

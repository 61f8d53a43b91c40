import { z } from 'zod';

/**
 * The building blocks of every endpoint's contract. The schemas of each capability's requests and
 * answers live beside it in this package (cases.ts, signals.ts, …); the server validates with them,
 * the OpenAPI document is made from them, and the web client and the tests use their inferred types.
 */

/** RFC 9457 problem details, as every error of the API is answered. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });

/** `{ items, total }`, the shape of every collection. */
export const collection = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number() });
export interface Collection<T> {
  items: T[];
  total: number;
}

/** `{ items }`, the shape of a list that is answered whole (no paging). */
export const itemList = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A text the caller must fill in, trimmed, at most `max` characters; the messages name the field (`what`). */
export const requiredText = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is verplicht`).max(max, `${what} is te lang (max. ${max} tekens)`);

/** An email address, trimmed and stored lower-case; `tooLong` is the message past 254 characters. */
export const emailField = (tooLong: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .max(254, tooLong)
    .pipe(z.email({ error: 'Geen geldig e-mailadres' }));

/** An email address as a contact detail (of a resident group, its members, the social map). */
export const emailAddress = emailField('Het e-mailadres is te lang');

/** A yes/no filter of a query string: present as `true` or `false`, or absent. */
export const queryFlag = z.enum(['true', 'false'], { error: 'Kies true of false' }).optional();

/** `?limit=&offset=`: at most 200 a page, 50 when not given. */
export const pagingQuery = {
  limit: z.coerce.number().int().min(1, 'Minstens 1').max(200, 'Hoogstens 200').default(50),
  offset: z.coerce.number().int().min(0, 'Niet negatief').max(1_000_000).default(0),
};

/**
 * A PATCH body: the fields to change, each optional (a field left out stays as it is), and at least one
 * of them; unknown fields are refused like in every body.
 */
export const patchBody = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape).refine((u) => Object.keys(u).length > 0, {
    message: 'Geef minstens één veld om te wijzigen',
    path: ['(body)'],
  });

/** `/:id` of every single resource. */
export const idParams = z.strictObject({ id: z.uuid({ error: 'Geen geldige id' }) });

/** `GET /health`: the database answers and the migrations ran. */
export const healthSchema = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof healthSchema>;

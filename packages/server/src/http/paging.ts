import { z } from 'zod';

/** `?limit=&offset=`: at most 200 a page, 50 when not given. */
export const pagingQuery = {
  limit: z.coerce.number().int().min(1, 'Minstens 1').max(200, 'Hoogstens 200').default(50),
  offset: z.coerce.number().int().min(0, 'Niet negatief').max(1_000_000).default(0),
};

export const idParams = z.strictObject({ id: z.uuid({ error: 'Geen geldige id' }) });

import { operations } from '../operation.js';
import { searchQuerySchema, searchResultSchema } from '../search.js';

/** One search over persons, cases, signals, meetings and locations: the field in the header. */
export const searchOperations = operations({
  search: {
    method: 'GET',
    path: '/api/v1/search',
    // Any logged-in user; which kinds they search follows from their permissions, which records
    // from the visibility rules (a user who may read none of the kinds gets an empty answer).
    auth: 'session',
    tag: 'Zoeken',
    summary: 'Zoeken in personen, casussen, signalen, overleggen en locaties',
    query: searchQuerySchema,
    response: searchResultSchema,
    problems: [400, 401],
  },
});

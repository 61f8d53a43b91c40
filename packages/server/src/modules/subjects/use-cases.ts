// Split into one file per use case; kept until the bench imports parsePersonQuery from person-query.ts.
export { parsePersonQuery } from './person-query.js';

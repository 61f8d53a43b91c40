export { idParams, pagingQuery } from '@wijkregie/shared';

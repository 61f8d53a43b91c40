// Moved to the access room (src/access/); these re-exports go once no module imports them from here.
export { caseIdVisibleSql, caseVisibleSql, userSeesCaseSql } from '../../access/cases.js';
export { SUBJECT_TABLES, subjectIdVisibleSql, subjectVisibleSql } from '../../access/subjects.js';
export type { Viewer } from '../../access/viewer.js';
export { viewerOf } from '../../access/viewer.js';

/** Moved to src/access/signals.ts; this re-export goes as soon as alerts/ imports from there. */
export { signalIdVisibleSql, signalVisibleSql } from '../../access/signals.js';

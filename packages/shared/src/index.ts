import './zod-config.js';

export * from './access.js';
export * from './areas.js';
export * from './audit.js';
export * from './cases.js';
export * from './contract.js';
export * from './coordination.js';
export * from './early-warning.js';
export * from './matrix.js';
export * from './partners.js';
export * from './permissions.js';
export * from './problem.js';
export * from './public-reports.js';
export * from './roles.js';
export * from './session.js';
export * from './signals.js';
export * from './subjects.js';
export * from './users.js';

export * from './partners.js';
export * from './permissions.js';
export * from './problem.js';
export * from './roles.js';
export * from './session.js';
export * from './users.js';

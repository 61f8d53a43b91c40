import { randomUUID } from 'node:crypto';

/**
 * This process's identity towards the database: its PostgreSQL connections carry it as
 * `application_name`, so that other instances can tell from `pg_stat_activity` whether it still
 * lives (work it claimed, such as an import run, is taken as dead once its connections are gone).
 * A restarted process is a new instance.
 */
export const INSTANCE_ID = randomUUID();
export const APPLICATION_NAME_PREFIX = 'wijkregie/';
export const APPLICATION_NAME = `${APPLICATION_NAME_PREFIX}${INSTANCE_ID}`;

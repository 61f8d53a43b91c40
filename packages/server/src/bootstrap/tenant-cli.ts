import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createPartnerSchema, emailSchema } from '@wijkregie/shared';
import { z } from 'zod';
import { type Config, ConfigError, loadConfig } from '../config.js';
import type { Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { DataDirInUseError, openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import { col, execute, row, rows } from '../db/rows.js';
import { loadAuditKey } from '../modules/audit/key.js';
import { AuditKeyMismatchError, prepareAuditChains } from '../modules/audit/repository.js';
import { hashPassword } from '../modules/session/passwords.js';
import { createMunicipality } from './tenant.js';

/**
 * `npm run tenant -- add --name "Gemeente X" --admin-email beheer@x.nl` and `npm run tenant -- list`:
 * the installation's operator adds a municipality (with what a new one needs, see `createMunicipality`)
 * and its first admin, or lists the municipalities. Exit codes: 0 done, 2 bad input (nothing created),
 * 1 could not run (configuration, database in use).
 */

const ADD_USAGE = 'Gebruik: npm run tenant -- add --name "Gemeente X" --admin-email beheer@x.nl';
const LIST_USAGE = 'Gebruik: npm run tenant -- list';

/** Bad input: one line for the operator, exit code 2, nothing was created. */
export class InputError extends Error {}

/** The same rules as the app: a partner's name and a user's email (shared Zod schemas). */
const addSchema = z.object({
  name: createPartnerSchema.shape.name,
  adminEmail: emailSchema,
});

const FLAGS = {
  name: { flag: '--name', what: 'de naam van de gemeente', invalid: 'Ongeldige naam' },
  adminEmail: {
    flag: '--admin-email',
    what: 'het e-mailadres van de eerste beheerder',
    invalid: 'Ongeldig e-mailadres',
  },
} as const;

/** The purpose recorded in the audit chain for the operator's creation. */
const PURPOSE = 'Inrichting gemeente (beheer installatie)';
/** Two `tenant add` at the same time on one database check name and email one after the other. */
const ADD_LOCK = 727_009;

export type TenantCommand = { kind: 'list' } | { kind: 'add'; name: string; adminEmail: string };

/** Reads `add …` or `list` before anything opens the database: bad input touches nothing. */
export function parseTenantCommand(args: readonly string[]): TenantCommand {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    if (rest.length) throw new InputError(`Onverwacht argument ${rest[0]}. ${LIST_USAGE}`);
    return { kind: 'list' };
  }
  if (sub !== 'add') {
    throw new InputError(
      `${sub ? `Onbekende opdracht ${sub}. ` : ''}${ADD_USAGE}, of: ${LIST_USAGE.slice(9)}`,
    );
  }
  let values: { name?: string | undefined; 'admin-email'?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, 'admin-email': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    // Node's messages are English; name the offending option or argument in Dutch.
    const option = /'(-{0,2}[^'\s]+)/.exec(err instanceof Error ? err.message : '')?.[1];
    throw new InputError(`Onbekende of onvolledige optie${option ? ` ${option}` : ''}. ${ADD_USAGE}`);
  }
  const raw = { name: values.name, adminEmail: values['admin-email'] };
  for (const key of ['name', 'adminEmail'] as const) {
    if (raw[key] === undefined) {
      throw new InputError(`${FLAGS[key].flag} ontbreekt: geef ${FLAGS[key].what} op. ${ADD_USAGE}`);
    }
  }
  const parsed = addSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const f = FLAGS[issue.path[0] as keyof typeof FLAGS];
    throw new InputError(`${f.invalid} (${f.flag}): ${issue.message}. Er is niets aangemaakt.`);
  }
  return { kind: 'add', ...parsed.data };
}

export interface AddResult {
  tenantId: string;
  name: string;
  adminEmail: string;
  password: string;
}

/** Adds a municipality and its admin with a generated password, in one transaction. */
export async function addMunicipality(
  db: Db,
  input: { name: string; adminEmail: string },
): Promise<AddResult> {
  const password = randomBytes(18).toString('base64url'); // 24 characters, 144 bits
  const passwordHash = await hashPassword(password);
  const emailTaken = () =>
    new InputError(
      `Het e-mailadres ${input.adminEmail} is al in gebruik (een inlognaam is uniek over alle gemeenten). Er is niets aangemaakt.`,
    );
  const created = await db
    .transaction(async (tx) => {
      await execute(tx, 'SELECT pg_advisory_xact_lock($1)', [ADD_LOCK]);
      const one = z.object({ one: col.int });
      const taken = await row(tx, one, 'SELECT 1 AS one FROM users WHERE email = $1', [input.adminEmail]);
      if (taken) throw emailTaken();
      const same = await row(tx, one, 'SELECT 1 AS one FROM tenants WHERE lower(name) = lower($1)', [
        input.name,
      ]);
      if (same)
        throw new InputError(
          `Er bestaat al een gemeente met de naam "${input.name}". Er is niets aangemaakt.`,
        );
      return createMunicipality(
        tx,
        { name: input.name, adminEmail: input.adminEmail, adminName: 'Functioneel beheerder', passwordHash },
        PURPOSE,
      );
    })
    .catch((err: unknown) => {
      // An admin in the app took the address between the check and the insert (users.email is unique).
      if ((err as { code?: string }).code === '23505') throw emailTaken();
      throw err;
    });
  return { tenantId: created.tenantId, name: input.name, adminEmail: input.adminEmail, password };
}

export interface TenantRow {
  id: string;
  name: string;
  createdAt: Date;
  users: number;
}

/** Every municipality with its number of active users; nothing about the people in it. */
export async function listMunicipalities(db: Db): Promise<TenantRow[]> {
  const found = await rows(
    db,
    z.object({ id: col.uuid, name: col.text, created_at: col.timestamp, users: col.int }),
    `SELECT t.id, t.name, t.created_at,
            (SELECT count(*)::int FROM users u WHERE u.tenant_id = t.id AND u.active) AS users
       FROM tenants t ORDER BY t.created_at, t.id`,
  );
  return found.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, users: r.users }));
}

export function formatList(rows: readonly TenantRow[]): string[] {
  const created = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    `${'id'.padEnd(36)}  ${'aangemaakt'.padEnd(20)}  ${'gebruikers'.padStart(10)}  naam`,
    ...rows.map(
      (r) => `${r.id}  ${created(r.createdAt).padEnd(20)}  ${String(r.users).padStart(10)}  ${r.name}`,
    ),
  ];
}

/**
 * Runs a parsed `tenant` command on an open, migrated database; `out` is stdout: the password goes
 * there once and nowhere else. Answers the exit code; an InputError is the caller's to print.
 */
export async function runTenantCommand(
  db: Db,
  command: TenantCommand,
  out: (line: string) => void,
): Promise<number> {
  if (command.kind === 'list') {
    for (const line of formatList(await listMunicipalities(db))) out(line);
    return 0;
  }
  const r = await addMunicipality(db, command);
  out(`Gemeente aangemaakt: ${r.name} (id ${r.tenantId})`);
  out(`Beheerder: ${r.adminEmail}`);
  out(`Eenmalig getoond wachtwoord van de beheerder: ${r.password}`);
  out('Geef het veilig door; het wordt nergens bewaard of gelogd en niet opnieuw getoond.');
  return 0;
}

/**
 * The `tenant` command as a process: reads the input, then the configuration as `main.ts` does
 * (embedded database in WIJKREGIE_DATA_DIR or DATABASE_URL), migrates, runs. Prints its own errors.
 */
export async function tenantCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let command: TenantCommand;
  let config: Config;
  try {
    command = parseTenantCommand(args);
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof InputError || err instanceof ConfigError) {
      console.error(err.message);
      return err instanceof InputError ? 2 : 1;
    }
    throw err;
  }
  let db: Db;
  try {
    // The key of the audit chains, loaded as the app does (embedded: made on first use, like a first start).
    const auditKey = loadAuditKey(config);
    db = config.databaseUrl
      ? openPostgres(config.databaseUrl, auditKey, 2)
      : await openPglite(config.dataDir, auditKey);
  } catch (err) {
    // No key (file), or the embedded database is held by the running app.
    if (!(err instanceof DataDirInUseError || err instanceof ConfigError)) throw err;
    console.error(err.message);
    return 1;
  }
  try {
    await migrate(db);
    // A key that fits none of the chains would start the new municipality's chain on a wrong key.
    if (command.kind === 'add') await prepareAuditChains(db);
    return await runTenantCommand(db, command, (line) => console.log(line));
  } catch (err) {
    if (err instanceof AuditKeyMismatchError) {
      console.error(err.message);
      return 1;
    }
    if (!(err instanceof InputError)) throw err;
    console.error(err.message);
    return 2;
  } finally {
    await db.close();
  }
}

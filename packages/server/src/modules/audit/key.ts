import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Config, ConfigError } from '../../config.js';

/** The shortest `WIJKREGIE_AUDIT_KEY` accepted (config.ts checks the variable). */
export const AUDIT_KEY_MIN_LENGTH = 32;
/** The key file of the embedded database, in its data folder. */
export const AUDIT_KEY_FILE = 'audit.key';

/** The key as the chain uses it: the secret's UTF-8 bytes (a key file holds the same text form). */
export function auditKeyFrom(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/**
 * The audit key of this installation: `WIJKREGIE_AUDIT_KEY` when set. Without it (only allowed for the
 * embedded database; config.ts refuses PostgreSQL without the variable) the key file
 * `<dataDir>/audit.key`: 32 random bytes as hex, created with mode 0600 on the first start and read on
 * later ones. `create: false` (the verifying command) refuses instead of making a new key.
 */
export function loadAuditKey(
  config: Pick<Config, 'auditKey' | 'databaseUrl' | 'dataDir'>,
  { create = true } = {},
): KeyObject {
  if (config.auditKey) return auditKeyFrom(config.auditKey);
  if (config.databaseUrl) {
    throw new ConfigError('Ongeldige configuratie:\n  WIJKREGIE_AUDIT_KEY: is verplicht bij DATABASE_URL');
  }
  const dir = resolve(config.dataDir);
  const file = join(dir, AUDIT_KEY_FILE);
  if (create) {
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw new ConfigError(
      `Geen auditsleutel: ${file} bestaat niet en WIJKREGIE_AUDIT_KEY is niet gezet. Zonder de sleutel kan de keten niet worden gecontroleerd.`,
    );
  }
  if (secret.length < AUDIT_KEY_MIN_LENGTH) {
    throw new ConfigError(
      `De auditsleutel in ${file} is korter dan ${AUDIT_KEY_MIN_LENGTH} tekens; zet de juiste sleutel terug.`,
    );
  }
  return auditKeyFrom(secret);
}

#!/usr/bin/env node
import { resolve } from 'node:path';
import { tenantCli } from './bootstrap/tenant-cli.js';
import { loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openPglite } from './db/pglite.js';
import { openPostgres } from './db/postgres.js';
import { loadAuditKey } from './modules/audit/key.js';
import { verifyAll } from './modules/audit/verify.js';

/**
 * Operator commands. `audit:verify` checks every tenant's audit chain end to end with the audit key
 * and against the signed checkpoints in `WIJKREGIE_AUDIT_CHECKPOINT_FILE` (docs/audit.md), naming the
 * first broken record; the exit code is 0 when all hold, 2 when something is broken.
 */
async function main(argv: string[]) {
  const command = argv[0];
  // `npm run tenant -- add|list`: municipalities of this installation (bootstrap/tenant-cli.ts).
  if (command === 'tenant') return tenantCli(argv.slice(1), process.env);
  if (command !== 'audit:verify') {
    console.error(
      'Gebruik: wijkregie audit:verify   (controleert de hashketen van het auditlog)\n' +
        '         wijkregie tenant add|list   (gemeenten van deze installatie, docs/municipalities.md)',
    );
    return 64;
  }
  const config = loadConfig(process.env);
  // Never a new key here: verifying with a key the chain was not made with proves nothing.
  const key = loadAuditKey(config, { create: false });
  const db = config.databaseUrl
    ? openPostgres(config.databaseUrl, key, 2)
    : await openPglite(config.dataDir, key);
  try {
    await migrate(db);
    return (await verifyAll(db, (l) => console.log(l), resolve(config.auditCheckpointFile))) ? 0 : 2;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error('Fout:', err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}

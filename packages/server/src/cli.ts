#!/usr/bin/env node
import { loadConfig } from './config.js';
import type { Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { openPglite } from './db/pglite.js';
import { openPostgres } from './db/postgres.js';
import { verifyChain } from './modules/audit/repository.js';

/**
 * Operator commands. `audit:verify` checks every tenant's audit chain end to end and names the
 * first broken record; the exit code is 0 when all chains hold, 2 when one is broken.
 */
export async function verifyAll(db: Db, out: (line: string) => void): Promise<boolean> {
  const tenants = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM tenants ORDER BY created_at, id',
  );
  let ok = true;
  for (const t of tenants) {
    const r = await verifyChain(db, t.id);
    if (r.valid) {
      out(`OK     ${t.name} (${t.id}): ${r.count} records, keten intact`);
    } else {
      ok = false;
      const b = r.firstBroken!;
      out(
        `KAPOT  ${t.name} (${t.id}): eerste kapotte record volgnummer ${b.seq}${b.id ? ` (id ${b.id})` : ''}: ${b.reason}`,
      );
    }
  }
  return ok;
}

async function main(argv: string[]) {
  const command = argv[0];
  if (command !== 'audit:verify') {
    console.error('Gebruik: wijkregie audit:verify   (controleert de hashketen van het auditlog)');
    return 64;
  }
  const config = loadConfig(process.env);
  const db = config.databaseUrl ? openPostgres(config.databaseUrl, 2) : await openPglite(config.dataDir);
  try {
    await migrate(db);
    return (await verifyAll(db, (l) => console.log(l))) ? 0 : 2;
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

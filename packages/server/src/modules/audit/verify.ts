import type { Db } from '../../db/db.js';
import { type Checkpoint, readCheckpoints } from './checkpoints.js';
import { hashesAt, listTenants, verifyChain } from './repository.js';

/**
 * `npm run audit:verify`: checks every tenant's chain end to end with the audit key and, given the
 * checkpoint file, every signed checkpoint against the records now in the database. One line per
 * tenant (`OK` or `KAPOT`, naming the first broken record); answers false when anything is broken.
 * A checkpoint beyond the last record means records were cut off the end; one whose hash differs from
 * the record at its sequence number means history was rewritten. A line of the file that is not a
 * checkpoint signed with this key is broken too.
 */
export async function verifyAll(
  db: Db,
  out: (line: string) => void,
  checkpointFile?: string,
): Promise<boolean> {
  let ok = true;
  const file = checkpointFile ? await readCheckpoints(db.auditKey, checkpointFile) : undefined;
  if (checkpointFile && !file) {
    out(`LET OP controlepuntenbestand ${checkpointFile} bestaat niet: alleen de ketens zijn gecontroleerd`);
  }
  for (const b of file?.bad ?? []) {
    ok = false;
    out(`KAPOT  controlepuntenbestand ${checkpointFile} regel ${b.line}: ${b.reason}`);
  }
  const byTenant = new Map<string, Checkpoint[]>();
  for (const c of file?.checkpoints ?? []) byTenant.set(c.tenant, [...(byTenant.get(c.tenant) ?? []), c]);

  for (const t of await listTenants(db)) {
    const label = `${t.name} (${t.id})`;
    const r = await verifyChain(db, t.id);
    const checkpoints = byTenant.get(t.id) ?? [];
    byTenant.delete(t.id);
    if (r.valid) {
      out(
        `OK     ${label}: ${r.count} records, keten intact${checkpoints.length ? `, ${checkpoints.length} controlepunten` : ''}`,
      );
    } else {
      const b = r.firstBroken;
      out(
        `KAPOT  ${label}: eerste kapotte record volgnummer ${b?.seq}${b?.id ? ` (id ${b.id})` : ''}: ${b?.reason}`,
      );
    }
    const miss = await firstMismatch(db, t.id, checkpoints);
    if (!r.valid || miss) ok = false;
    if (miss) {
      // The OK line above said the chain holds; the checkpoint says it is not the chain it was.
      out(`KAPOT  ${label}: ${miss}`);
    }
  }
  // Checkpoints of a tenant the database no longer has: its whole chain is gone.
  for (const [tenant, checkpoints] of byTenant) {
    ok = false;
    const top = Math.max(...checkpoints.map((c) => c.seq));
    out(
      `KAPOT  (${tenant}): gemeente ontbreekt in de database; het controlepuntenbestand kent volgnummer ${top}`,
    );
  }
  return ok;
}

/** The lowest checkpoint of a tenant that the records no longer match, in words. */
async function firstMismatch(
  db: Db,
  tenantId: string,
  checkpoints: Checkpoint[],
): Promise<string | undefined> {
  if (checkpoints.length === 0) return undefined;
  const seqs = [...new Set(checkpoints.map((c) => c.seq))].filter((s) => s > 0);
  const stored = await hashesAt(db, tenantId, seqs);
  const sorted = [...checkpoints].sort((a, b) => a.seq - b.seq);
  for (const c of sorted) {
    if (c.seq === 0) continue;
    const hash = stored.get(c.seq);
    if (hash === undefined) {
      return `volgnummer ${c.seq} ontbreekt, maar het controlepunt van ${c.at} kende het: records aan het eind zijn verwijderd`;
    }
    if (hash !== c.hash) {
      return `record volgnummer ${c.seq} wijkt af van het controlepunt van ${c.at}: de geschiedenis is herschreven`;
    }
  }
  return undefined;
}

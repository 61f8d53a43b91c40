import { createHash, createHmac, type KeyObject } from 'node:crypto';

/**
 * One audit record as it is hashed and stored. The app writes only the AuditAction and
 * AuditObjectType values of packages/shared/src/audit.ts; a record read back is judged as it is.
 */
export interface AuditRecord {
  id: string;
  tenantId: string;
  seq: number;
  at: string;
  userId: string | null;
  partnerId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  objectIds: string[] | null;
  personIds: string[];
  purpose: string;
  details: unknown;
  /**
   * Logboek Dataverwerkingen (migration 029). Absent — not null — when a record has none, so a record
   * from before hashes as it did (canonicalJson leaves undefined keys out) and a new one covers them.
   */
  processingActivityId?: string;
  traceId?: string;
}

/** JSON with object keys sorted at every level, so the hash does not depend on key order (jsonb reorders). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The link: HMAC-SHA256 with the installation's audit key over the previous link and the canonical
 * record. Without the key nobody can compute it, so a changed record cannot be hidden by recomputing
 * the links after it (docs/audit.md).
 */
export function chainHash(key: KeyObject, prevHash: string, r: AuditRecord): string {
  return createHmac('sha256', key)
    .update('wijkregie-audit-chain\n')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson(r))
    .digest('hex');
}

/**
 * The link of records written before migration 007 (`keyed = false`): plain SHA-256, which anyone can
 * recompute. The verifier accepts such records only as the start of a chain that a keyed record seals.
 */
export function legacyChainHash(prevHash: string, r: AuditRecord): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(r)).digest('hex');
}

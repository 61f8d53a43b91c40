import { ATTACHMENT_CONTENT_TYPES, type Attachment } from '@wijkregie/shared';
import { z } from 'zod';
import { col, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/** The SQL of attachments: files kept as bytes in the database, under an entry or a signal. */

const attachmentRow = z.object({
  id: col.uuid,
  name: col.text,
  content_type: z.enum(ATTACHMENT_CONTENT_TYPES),
  size: col.int,
});
const toAttachment = (r: z.infer<typeof attachmentRow>): Attachment => ({
  id: r.id,
  name: r.name,
  contentType: r.content_type,
  size: r.size,
});

/**
 * The files of the entry `entryExpr` as a JSON list (oldest first), for the statement that reads the
 * entries: the journal answers with its files in the same round trip. `tenantExpr` is the entry's tenant.
 */
export function entryAttachmentsSql(entryExpr: string, tenantExpr: string): string {
  return `coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'contentType', a.content_type,
              'size', a.size) ORDER BY a.created_at, a.id)
            FROM attachments a WHERE a.tenant_id = ${tenantExpr} AND a.entry_id = ${entryExpr}), '[]'::json)`;
}

export interface NewAttachment {
  owner: { entryId: string } | { signalId: string };
  name: string;
  contentType: string;
  content: Buffer;
  sha256: string;
  uploadedBy: string | null;
}

/*
 * The bytes travel as base64 text, decoded and encoded by the database: PGlite turns a bytea
 * parameter into hex one JavaScript string per byte (a 20 MiB file took about ten times as long as
 * the text); node-postgres handles either well.
 */

export async function insertAttachment(s: TenantScope, a: NewAttachment): Promise<Attachment> {
  const inserted = await oneRow(
    s.q,
    attachmentRow,
    `INSERT INTO attachments (tenant_id, entry_id, signal_id, name, content_type, size, sha256, content, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, decode($8, 'base64'), $9)
     RETURNING id, name, content_type, size`,
    [
      s.tenantId,
      'entryId' in a.owner ? a.owner.entryId : null,
      'signalId' in a.owner ? a.owner.signalId : null,
      a.name,
      a.contentType,
      a.content.length,
      a.sha256,
      a.content.toString('base64'),
      a.uploadedBy,
    ],
  );
  return toAttachment(inserted);
}

/** The files of a signal, oldest first. */
export async function signalAttachments(s: TenantScope, signalId: string): Promise<Attachment[]> {
  const found = await rows(
    s.q,
    attachmentRow,
    `SELECT id, name, content_type, size FROM attachments
      WHERE tenant_id = $1 AND signal_id = $2 ORDER BY created_at, id`,
    [s.tenantId, signalId],
  );
  return found.map(toAttachment);
}

/** The content as base64 (PostgreSQL breaks its lines, which Node's decoder skips). */
const bytes = col.text.transform((text) => Buffer.from(text, 'base64'));

const storedRow = attachmentRow.extend({
  content: bytes,
  sha256: col.text,
  entry_id: col.uuid.nullable(),
  entry_case_id: col.uuid.nullable(),
  entry_category: col.text.nullable(),
  signal_id: col.uuid.nullable(),
  signal_reporter_partner_id: col.uuid.nullable(),
  signal_routed_partner_id: col.uuid.nullable(),
  signal_person_ids: col.textArray.nullable(),
});

/** A stored file with what decides who may read it: its entry's case and category, or its signal. */
export interface StoredAttachment extends Attachment {
  content: Buffer;
  sha256: string;
  owner:
    | { kind: 'entry'; entryId: string; caseId: string; category: string }
    | {
        kind: 'signal';
        signalId: string;
        reporterPartnerId: string | null;
        routedPartnerId: string | null;
        personIds: string[];
      };
}

export async function findAttachment(s: TenantScope, id: string): Promise<StoredAttachment | undefined> {
  const found = await row(
    s.q,
    storedRow,
    `SELECT a.id, a.name, a.content_type, a.size, encode(a.content, 'base64') AS content, a.sha256,
            a.entry_id, e.case_id AS entry_case_id, e.category AS entry_category,
            a.signal_id, sg.reporter_partner_id AS signal_reporter_partner_id,
            sg.routed_partner_id AS signal_routed_partner_id,
            CASE WHEN a.signal_id IS NOT NULL THEN ARRAY(
              SELECT sp.person_id::text FROM signal_persons sp
               WHERE sp.tenant_id = a.tenant_id AND sp.signal_id = a.signal_id ORDER BY sp.person_id) END
              AS signal_person_ids
       FROM attachments a
       LEFT JOIN entries e ON e.tenant_id = a.tenant_id AND e.id = a.entry_id
       LEFT JOIN signals sg ON sg.tenant_id = a.tenant_id AND sg.id = a.signal_id
      WHERE a.tenant_id = $1 AND a.id = $2`,
    [s.tenantId, id],
  );
  if (!found) return undefined;
  const base = { ...toAttachment(found), content: found.content, sha256: found.sha256 };
  if (found.entry_id && found.entry_case_id && found.entry_category) {
    return {
      ...base,
      owner: {
        kind: 'entry',
        entryId: found.entry_id,
        caseId: found.entry_case_id,
        category: found.entry_category,
      },
    };
  }
  if (!found.signal_id) throw new Error(`attachment ${id} has neither entry nor signal`);
  return {
    ...base,
    owner: {
      kind: 'signal',
      signalId: found.signal_id,
      reporterPartnerId: found.signal_reporter_partner_id,
      routedPartnerId: found.signal_routed_partner_id,
      personIds: found.signal_person_ids ?? [],
    },
  };
}

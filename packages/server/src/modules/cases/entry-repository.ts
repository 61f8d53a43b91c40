import {
  attachmentSchema,
  type Collection,
  ENTRY_KINDS,
  type Entry,
  type EntryKind,
} from '@wijkregie/shared';
import { z } from 'zod';
import { categoryAllowedSql } from '../../access/categories.js';
import { meetingIdVisibleSql } from '../../access/meetings.js';
import type { Viewer } from '../../access/viewer.js';
import { type PageRequest, Params, selectPage } from '../../db/params.js';
import { col, oneRow, row } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { entryAttachmentsSql } from '../attachments/repository.js';

/** The SQL of a case's journal: entries, read through the access matrix. */

const entryRow = z.object({
  id: col.uuid,
  case_id: col.uuid,
  category: col.text,
  text: col.text,
  author_user_id: col.uuid,
  author_name: col.text,
  partner_id: col.uuid,
  corrects_entry_id: col.uuid.nullable(),
  kind: z.enum(ENTRY_KINDS),
  meeting_id: col.uuid.nullable(),
  created_at: col.timestamp,
  attachments: z.array(attachmentSchema),
});

const toEntry = (r: z.infer<typeof entryRow>): Entry => ({
  id: r.id,
  caseId: r.case_id,
  category: r.category,
  text: r.text,
  authorUserId: r.author_user_id,
  authorName: r.author_name,
  partnerId: r.partner_id,
  correctsEntryId: r.corrects_entry_id,
  kind: r.kind,
  meetingId: r.meeting_id,
  createdAt: r.created_at.toISOString(),
  attachments: r.attachments,
});

export async function insertEntry(
  s: TenantScope,
  e: {
    caseId: string;
    category: string;
    text: string;
    authorUserId: string;
    partnerId: string;
    correctsEntryId: string | null;
    kind?: EntryKind;
    meetingId?: string | null;
  },
): Promise<Entry> {
  const inserted = await oneRow(
    s.q,
    entryRow,
    `WITH ins AS (
       INSERT INTO entries (tenant_id, case_id, category, text, author_user_id, partner_id, corrects_entry_id, kind, meeting_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *)
     SELECT ins.*, u.name AS author_name, '[]'::json AS attachments
       FROM ins JOIN users u ON u.tenant_id = ins.tenant_id AND u.id = ins.author_user_id`,
    [
      s.tenantId,
      e.caseId,
      e.category,
      e.text,
      e.authorUserId,
      e.partnerId,
      e.correctsEntryId,
      e.kind ?? 'note',
      e.meetingId ?? null,
    ],
  );
  return toEntry(inserted);
}

const categoryRow = z.object({ category: col.text });

/** The category of an entry of this case, or undefined. */
export async function entryCategory(
  s: TenantScope,
  caseId: string,
  entryId: string,
): Promise<string | undefined> {
  const found = await row(
    s.q,
    categoryRow,
    'SELECT category FROM entries WHERE tenant_id = $1 AND case_id = $2 AND id = $3',
    [s.tenantId, caseId, entryId],
  );
  return found?.category;
}

/** What both journal reads select (`entriesPage`, `entriesPageJson`): the meeting only if the viewer may open it. */
const ENTRY_FROM = 'FROM entries e JOIN users u ON u.tenant_id = e.tenant_id AND u.id = e.author_user_id';
const ENTRY_ORDER = 'e.created_at DESC, e.id';
const entryColumns = (v: Viewer, p: Params) =>
  `e.id, e.case_id, e.category, e.text, e.author_user_id, u.name AS author_name, e.partner_id,
   e.corrects_entry_id, e.kind, e.created_at, ${entryAttachmentsSql('e.id', 'e.tenant_id')} AS attachments,
   CASE WHEN ${meetingIdVisibleSql('e.meeting_id', v, p)} THEN e.meeting_id END AS meeting_id`;

/** An entry as `entriesPageJson` hands it over: the time as JSON text. */
const entryJsonRow = entryRow.extend({
  created_at: z.iso.datetime({ offset: true }).transform((t) => new Date(t)),
});
export const entryPageJson = z
  .object({ items: z.array(entryJsonRow), total: z.number() })
  .transform(({ items, total }): Collection<Entry> => ({ items: items.map(toEntry), total }));

/**
 * The page of `entriesPage` of the case row `c` as one JSON value `{ items, total }`, for the statement that
 * reads the case (`readCase`'s `along`): opening a journal costs one round trip. Check it with `entryPageJson`.
 */
export function entriesPageJson(
  v: Viewer,
  f: { category?: string | undefined },
  page: PageRequest,
  p: Params,
): string {
  const where = [
    'e.tenant_id = c.tenant_id',
    'e.case_id = c.id',
    categoryAllowedSql('e.category', 'e.tenant_id', v, p),
  ];
  if (f.category) where.push(`e.category = ${p.add(f.category)}`);
  const from = `${ENTRY_FROM} WHERE ${where.join(' AND ')}`;
  return `json_build_object(
    'items', coalesce((SELECT json_agg(x ORDER BY x.created_at DESC, x.id) FROM (
       SELECT ${entryColumns(v, p)}
         ${from} ORDER BY ${ENTRY_ORDER} LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}) x), '[]'::json),
    'total', (SELECT count(*) ${from}))`;
}

/**
 * The journal as the viewer's partner may read it: the matrix is applied in SQL, so paging and the
 * total count only ever concern readable entries. The meeting of minutes only if the viewer may open it.
 */
export async function entriesPage(
  s: TenantScope,
  caseId: string,
  v: Viewer,
  f: { category?: string | undefined; meetingId?: string | undefined },
  page: PageRequest,
): Promise<Collection<Entry>> {
  const p = new Params();
  const where = [
    `e.tenant_id = ${p.add(s.tenantId)}`,
    `e.case_id = ${p.add(caseId)}`,
    categoryAllowedSql('e.category', 'e.tenant_id', v, p),
  ];
  if (f.category) where.push(`e.category = ${p.add(f.category)}`);
  if (f.meetingId) where.push(`e.meeting_id = ${p.add(f.meetingId)}`);
  const { rows: found, total } = await selectPage(
    s.q,
    entryRow,
    p,
    {
      select: (sp) => entryColumns(v, sp),
      fromWhere: `${ENTRY_FROM} WHERE ${where.join(' AND ')}`,
      order: ENTRY_ORDER,
    },
    page,
  );
  return { items: found.map(toEntry), total };
}

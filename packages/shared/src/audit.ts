import { z } from 'zod';
import { collection, pagingQuery } from './contract.js';

/** What happened to the object of an audit record. */
export const AUDIT_ACTIONS = [
  'create',
  'read',
  'update',
  'delete',
  'list',
  'search',
  'export',
  'import',
  'merge',
  'seal',
  'denied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit record is about. */
export const AUDIT_OBJECT_TYPES = [
  'action',
  'attachment',
  'audit',
  'case',
  'category',
  'entry',
  'group',
  'household',
  'location',
  'matrix',
  'meeting',
  'partner',
  'person',
  'relation',
  'signal',
  'signal_category',
  'signal_route',
  'tenant',
  'user',
  'visit',
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

/** One record of `GET /audit` (the stored record without its chain fields and details). */
export const auditItemSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  userId: z.uuid().nullable(),
  partnerId: z.uuid().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  objectType: z.enum(AUDIT_OBJECT_TYPES),
  objectId: z.uuid().nullable(),
  objectIds: z.array(z.uuid()).nullable(),
  personIds: z.array(z.uuid()),
  purpose: z.string(),
});
export type AuditItem = z.infer<typeof auditItemSchema>;

/** `GET /audit`: records about an object (also a person involved) or by a user, newest first. */
export const auditListQuerySchema = z.strictObject({
  objectId: z.uuid({ error: 'Geen geldige id' }).optional(),
  userId: z.uuid({ error: 'Geen geldige id' }).optional(),
  ...pagingQuery,
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
export const auditListSchema = collection(auditItemSchema);
export type AuditList = z.infer<typeof auditListSchema>;

/** `GET /audit/verify`: whether the chain holds, how many records it has, and the first broken one. */
export const auditVerifySchema = z.object({
  valid: z.boolean(),
  count: z.number(),
  firstBroken: z.object({ id: z.string(), seq: z.number(), reason: z.string() }).optional(),
});
export type AuditVerify = z.infer<typeof auditVerifySchema>;

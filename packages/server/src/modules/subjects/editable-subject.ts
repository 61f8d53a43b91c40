import type {
  Address,
  OtherSubjectKind,
  Subject,
  SubjectChange,
  SubjectRef,
  SubjectValue,
} from '@wijkregie/shared';
import { visibleSubjectIds } from '../../access/subjects.js';
import { viewerOf } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { recordChange, writesBasis } from './history-repository.js';
import { findOther, lockOther, type OtherFields, updateOtherRow } from './repository.js';

/**
 * Whether the caller may change this subject: 404 when they cannot see it (it does not exist for
 * them); 403 when their organisation may not write `basis` (names, birth dates, addresses) in the
 * matrix — seeing a subject is not the right to change what everyone else relies on. Regisseurs may.
 */
export async function requireEditable(s: TenantScope, ctx: RequestContext, ref: SubjectRef): Promise<void> {
  const seen = await visibleSubjectIds(s, ref.kind, [ref.id], viewerOf(ctx));
  if (!seen.has(ref.id)) throw notFound('Deze betrokkene bestaat niet of is niet zichtbaar voor jou.');
  await requireBasisWrite(s, ctx);
}

/** 403 unless the caller is a regisseur or their organisation may write `basis`. */
export async function requireBasisWrite(s: TenantScope, ctx: RequestContext): Promise<void> {
  if (ctx.roles.includes('regisseur')) return;
  if (!(await writesBasis(s, ctx.partnerId))) {
    throw forbidden(
      'Je organisatie mag basisgegevens (namen, geboortedatums, adressen) niet wijzigen. Vraag de regisseur.',
    );
  }
}

type Changes = SubjectChange['changes'];
type Field = Changes[number]['field'];

/**
 * The fields whose value changes, with before and after. A field the request left out (`undefined`
 * after) is no change.
 */
export function changedFields(
  fields: readonly (readonly [Field, SubjectValue, SubjectValue | undefined])[],
): Changes {
  return fields.flatMap(([field, from, to]) =>
    to === undefined || JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, from, to }],
  );
}

/**
 * Writes a household's, group's or location's merged fields, its history and the audit record, and
 * answers the subject as the caller now sees it. Nothing is written when nothing changes.
 */
export async function saveOther(
  s: TenantScope,
  ctx: RequestContext,
  kind: OtherSubjectKind,
  id: string,
  after: OtherFields,
  changes: Changes,
): Promise<Subject> {
  if (changes.length > 0) {
    await updateOtherRow(s, kind, id, after);
    await recordChange(s, { kind, id }, ctx.userId, changes);
    await audit(s, ctx, {
      action: 'update',
      objectType: kind,
      objectId: id,
      details: { fields: changes.map((c) => c.field) },
    });
  }
  const subject = await findOther(s, kind, id, viewerOf(ctx));
  if (!subject) throw notFound('Deze betrokkene bestaat niet of is niet zichtbaar voor jou.');
  return subject;
}

/** The stored fields of a subject the caller may change (see `requireEditable`), locked. */
export async function editableOther(
  s: TenantScope,
  ctx: RequestContext,
  kind: OtherSubjectKind,
  id: string,
): Promise<OtherFields> {
  await requireEditable(s, ctx, { kind, id });
  const before = await lockOther(s, kind, id);
  if (!before) throw notFound('Deze betrokkene bestaat niet of is niet zichtbaar voor jou.');
  return before;
}

/** An address with its fields in one order, so two equal addresses compare equal. */
export const addressValue = (a: Address | null): Address | null =>
  a && { street: a.street, houseNumber: a.houseNumber, postalCode: a.postalCode, city: a.city };

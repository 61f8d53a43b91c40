import type { FieldError, OtherSubjectKind, Subject, SubjectKind } from '@wijkregie/shared';
import { visibleSubjectIds } from '../../access/subjects.js';
import { viewerOf } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { findOther } from './repository.js';

/** 400 naming each of `ids` that does not exist or that the caller may not see. */
export async function requireVisible(
  s: TenantScope,
  ctx: RequestContext,
  kind: SubjectKind,
  ids: readonly string[],
  path: (i: number) => string,
): Promise<void> {
  const found = await visibleSubjectIds(s, kind, ids, viewerOf(ctx));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    if (!found.has(id)) errors.push({ path: path(i), message: 'Onbekend of niet zichtbaar' });
  });
  if (errors.length) throw new AppError('validation', 'Onbekende betrokkenen.', errors);
}

/** A subject just registered, as its creator sees it (their partner registered it, so they may). */
export async function createdSubject(
  s: TenantScope,
  ctx: RequestContext,
  kind: OtherSubjectKind,
  id: string,
): Promise<Subject> {
  const created = await findOther(s, kind, id, viewerOf(ctx));
  if (!created) throw new Error(`the ${kind} just created is not visible to its creator`);
  return created;
}

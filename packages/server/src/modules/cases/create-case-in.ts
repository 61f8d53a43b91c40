import type { Case, CreateCase, FieldError } from '@wijkregie/shared';
import { readCase } from '../../access/case-record.js';
import { visibleSubjectIds } from '../../access/subjects.js';
import { viewerOf } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { checkCaseReferences } from './case-references.js';
import { presentRead } from './case-view.js';
import {
  insertCase,
  insertCaseSubjects,
  insertStatusHistory,
  nextReference,
  setCasePartners,
} from './repository.js';

/**
 * Creating a case inside a transaction that does more (`createCase` alone, or starting a case from a
 * signal): the case, its partners, subjects and first status, and the audit record.
 */
export async function createCaseIn(s: TenantScope, ctx: RequestContext, input: CreateCase): Promise<Case> {
  // A person-centred case is about someone: without a person it cannot be worked on (nor found by them).
  // Named together with any unknown reference, so one answer says everything that is wrong.
  if (input.type === 'person' && !input.subjects.some((x) => x.kind === 'person')) {
    const subjects = { path: 'subjects', message: 'Kies minstens één persoon als betrokkene' };
    await checkCaseReferences(s, input).catch((err: unknown) => {
      throw err instanceof AppError
        ? new AppError(err.code, err.detail, [subjects, ...(err.errors ?? [])])
        : err;
    });
    throw new AppError('validation', 'Een persoonsgerichte casus heeft een persoon nodig.', [subjects]);
  }
  await checkCaseReferences(s, input);
  const errors: FieldError[] = [];
  const v = viewerOf(ctx);
  for (const kind of ['person', 'household', 'group', 'location'] as const) {
    const ids = input.subjects.filter((x) => x.kind === kind).map((x) => x.id);
    const found = await visibleSubjectIds(s, kind, ids, v);
    input.subjects.forEach((x, i) => {
      if (x.kind === kind && !found.has(x.id))
        errors.push({ path: `subjects.${i}.id`, message: 'Onbekend of niet zichtbaar' });
    });
  }
  if (errors.length) throw new AppError('validation', 'Onbekende betrokkenen.', errors);

  const reference = await nextReference(s, new Date().getUTCFullYear());
  const id = await insertCase(s, {
    reference,
    type: input.type,
    title: input.title,
    directorUserId: input.directorUserId ?? null,
    areaId: input.areaId ?? null,
    createdBy: ctx.userId,
  });
  // The creator's own organisation takes part, so whoever registers a case keeps seeing it.
  await setCasePartners(s, id, [ctx.partnerId, ...input.partnerIds]);
  await insertCaseSubjects(s, id, input.subjects);
  await insertStatusHistory(s, {
    caseId: id,
    from: null,
    to: 'registered',
    result: null,
    userId: ctx.userId,
  });
  const created = await readCase(s, id);
  if (!created) throw new Error(`the case ${id} just created cannot be read`);
  await audit(s, ctx, {
    action: 'create',
    objectType: 'case',
    objectId: id,
    personIds: created.case.personIds,
    processingActivityId: created.case.processingActivityId,
  });
  return presentRead(s, ctx, created);
}

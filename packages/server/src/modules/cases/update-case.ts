import { type Case, type CaseResult, can, transitionKind, type UpdateCase } from '@wijkregie/shared';
import { type CaseRecord, readCase } from '../../access/case-record.js';
import { visibleCase } from '../../access/cases.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { conflict, forbidden, invalidField } from '../../http/errors.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { audit } from '../audit/record.js';
import { checkCaseReferences } from './case-references.js';
import { presentRead } from './case-view.js';
import { insertStatusHistory, lockCase, setCasePartners, touchCase, updateCaseRow } from './repository.js';

/**
 * `PATCH /cases/:id`: a step in the lifecycle (forward, back, closing with a result, reopening) and
 * the case's title, partners and director, in one transaction with one audit record of the changes.
 */
export function updateCase(ctx: RequestContext, id: string, u: UpdateCase): Promise<Case> {
  return ctx.db.transaction(async (s) => {
    await lockCase(s, id);
    const c = await visibleCase(s, ctx, id);
    const changes: Record<string, unknown> = {};
    await changeStatus(s, ctx, c, u, changes);
    await changeDetails(s, ctx, c, u, changes);
    if (Object.keys(changes).length) {
      await audit(s, ctx, {
        action: 'update',
        objectType: 'case',
        objectId: id,
        personIds: c.personIds,
        processingActivityId: c.processingActivityId,
        details: changes,
      });
    }
    const updated = await readCase(s, id);
    if (!updated) throw new Error(`the case ${id} just updated cannot be read`);
    return presentRead(s, ctx, updated);
  });
}

/** The lifecycle step of `u`, if any: checked, stored with its history, alerted and noted in `changes`. */
async function changeStatus(
  s: TenantScope,
  ctx: RequestContext,
  c: CaseRecord,
  u: UpdateCase,
  changes: Record<string, unknown>,
): Promise<void> {
  if (u.result !== undefined && u.status !== 'closed') {
    throw invalidField('result', 'Een resultaat hoort bij het afsluiten (status "closed")');
  }
  if (u.status === undefined) return;
  if (u.status === c.status) throw conflict(`De casus heeft de status "${c.status}" al.`);
  const kind = transitionKind(c.status, u.status);
  if (kind === 'invalid') {
    throw conflict(`Van "${c.status}" naar "${u.status}" kan niet: één stap vooruit of terug, of afsluiten.`);
  }
  if (!can(ctx, kind === 'reopen' ? 'case.reopen' : 'case.update', { case: c })) {
    throw forbidden(
      kind === 'reopen'
        ? 'Alleen een regisseur kan een afgesloten casus heropenen.'
        : 'Alleen de casusregisseur of een regisseur kan de status wijzigen.',
    );
  }
  // How the case ended: asked by the app when closing, optional in the API (API.md).
  const result: CaseResult | null =
    kind === 'close' && u.result ? { outcome: u.result.outcome, text: u.result.text ?? null } : null;
  await updateCaseRow(s, c.id, { status: u.status, result });
  await insertStatusHistory(s, { caseId: c.id, from: c.status, to: u.status, result, userId: ctx.userId });
  changes.status = { from: c.status, to: u.status, ...(result ? { result } : {}) };
  await raiseAlert(s, ctx.publicUrl, { kind: 'status_changed', caseId: c.id, actorUserId: ctx.userId });
}

/** Title, director and partners of `u`, if any: only the director or a regisseur, only on an open case. */
async function changeDetails(
  s: TenantScope,
  ctx: RequestContext,
  c: CaseRecord,
  u: UpdateCase,
  changes: Record<string, unknown>,
): Promise<void> {
  if (u.title === undefined && u.partnerIds === undefined && u.directorUserId === undefined) return;
  if (!can(ctx, 'case.update', { case: c })) {
    throw forbidden('Alleen de casusregisseur of een regisseur kan de casus wijzigen.');
  }
  if (c.status === 'closed' && changes.status === undefined) {
    throw conflict('De casus is afgesloten; heropen hem eerst.');
  }
  await checkCaseReferences(s, u, { partnerIds: c.partnerIds, directorUserId: c.directorUserId });
  if (u.title !== undefined && u.title !== c.title) {
    await updateCaseRow(s, c.id, { title: u.title });
    changes.title = true;
  }
  if (u.directorUserId !== undefined && u.directorUserId !== c.directorUserId) {
    await updateCaseRow(s, c.id, { directorUserId: u.directorUserId });
    changes.directorUserId = { from: c.directorUserId, to: u.directorUserId };
  }
  if (u.partnerIds !== undefined) {
    const before = new Set(c.partnerIds);
    const after = new Set(u.partnerIds);
    const added = [...after].filter((p) => !before.has(p));
    const removed = [...before].filter((p) => !after.has(p));
    if (added.length || removed.length) {
      await setCasePartners(s, c.id, u.partnerIds);
      await touchCase(s, c.id);
      changes.partners = { added, removed };
      if (added.length) {
        await raiseAlert(s, ctx.publicUrl, { kind: 'partner_added', caseId: c.id, actorUserId: ctx.userId });
      }
    }
  }
}

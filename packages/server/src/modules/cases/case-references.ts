import type { FieldError } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import { AppError } from '../../http/errors.js';
import { partnerStatuses } from '../matrix/repository.js';
import { activeUserExists, areaExists } from './repository.js';

/** What a case already has: a partner or director chosen before their deactivation may stay. */
export interface KeptReferences {
  partnerIds: readonly string[];
  directorUserId: string | null;
}

const NOTHING_KEPT: KeptReferences = { partnerIds: [], directorUserId: null };

/**
 * 400 naming each reference of a new or changed case that does not exist in the tenant or may no
 * longer be chosen: partners (a deactivated one only where it already took part), the case director
 * (an active user of an active partner, unless unchanged) and the area.
 */
export async function checkCaseReferences(
  s: TenantScope,
  input: {
    partnerIds?: string[] | undefined;
    directorUserId?: string | null | undefined;
    areaId?: string | null | undefined;
  },
  kept: KeptReferences = NOTHING_KEPT,
): Promise<void> {
  const errors: FieldError[] = [];
  if (input.partnerIds?.length) {
    const found = await partnerStatuses(s, input.partnerIds);
    input.partnerIds.forEach((id, i) => {
      const active = found.get(id);
      if (active === undefined) errors.push({ path: `partnerIds.${i}`, message: 'Onbekende partner' });
      else if (!active && !kept.partnerIds.includes(id)) {
        errors.push({ path: `partnerIds.${i}`, message: 'Deze partner is gedeactiveerd' });
      }
    });
  }
  if (
    input.directorUserId &&
    input.directorUserId !== kept.directorUserId &&
    !(await activeUserExists(s, input.directorUserId))
  ) {
    errors.push({ path: 'directorUserId', message: 'Onbekende of niet (meer) actieve gebruiker' });
  }
  if (input.areaId && !(await areaExists(s, input.areaId))) {
    errors.push({ path: 'areaId', message: 'Onbekend gebied' });
  }
  if (errors.length) throw new AppError('validation', 'Ongeldige verwijzingen.', errors);
}

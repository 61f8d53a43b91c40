import type { FieldError } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import { AppError } from '../../http/errors.js';
import { existingPartnerIds } from '../matrix/repository.js';
import { activeUserExists, areaExists } from './repository.js';

/**
 * 400 naming each reference of a new or changed case that does not exist in the tenant: partners,
 * the case director (an active user) and the area.
 */
export async function checkCaseReferences(
  s: TenantScope,
  input: {
    partnerIds?: string[] | undefined;
    directorUserId?: string | null | undefined;
    areaId?: string | null | undefined;
  },
): Promise<void> {
  const errors: FieldError[] = [];
  if (input.partnerIds?.length) {
    const found = await existingPartnerIds(s, input.partnerIds);
    input.partnerIds.forEach((id, i) => {
      if (!found.has(id)) errors.push({ path: `partnerIds.${i}`, message: 'Onbekende partner' });
    });
  }
  if (input.directorUserId && !(await activeUserExists(s, input.directorUserId))) {
    errors.push({ path: 'directorUserId', message: 'Onbekende gebruiker' });
  }
  if (input.areaId && !(await areaExists(s, input.areaId))) {
    errors.push({ path: 'areaId', message: 'Onbekend gebied' });
  }
  if (errors.length) throw new AppError('validation', 'Ongeldige verwijzingen.', errors);
}

import { describe, expect, it } from 'vitest';
import { hasPermission, PERMISSIONS } from './permissions.js';
import { ROLES } from './roles.js';

describe('hasPermission', () => {
  it('grants exactly the roles listed for each permission', () => {
    for (const [permission, allowed] of Object.entries(PERMISSIONS)) {
      for (const role of ROLES) {
        expect(hasPermission({ roles: [role] }, permission as keyof typeof PERMISSIONS)).toBe(
          (allowed as readonly string[]).includes(role),
        );
      }
    }
  });

  it('grants nothing to a user without roles, and combines roles', () => {
    expect(hasPermission({ roles: [] }, 'partners.read')).toBe(false);
    expect(hasPermission({ roles: ['auditor', 'admin'] }, 'users.create')).toBe(true);
    expect(hasPermission({ roles: ['regisseur'] }, 'users.create')).toBe(false);
  });
});

import { hasPermission, mayImportCreditorSignals, type Permission, type User } from '@wijkregie/shared';
import { useCallback } from 'react';
import { api } from '../api/endpoints.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { useApiData } from './useApiData.ts';

/**
 * What the menus offer, derived from the permissions the server checks (packages/shared/src/permissions.ts):
 * a menu item or tab is shown only to the users whose roles the server lets through, so that no menu
 * leads to "geen toegang". Each page still guards itself for whoever arrives by URL.
 */
export interface NavItem {
  to: string;
  label: string;
  /** Current only on exactly this path (not below it). */
  end?: boolean;
  /** Who sees the item; undefined: everyone who is signed in. */
  permission?: Permission;
}

/** The pages of Beheer, in the order of its sub-menu; /beheer opens the first one the user may see. */
export const BEHEER_PAGES: readonly (NavItem & { permission: Permission })[] = [
  { to: '/beheer/partners', label: 'Partners', permission: 'partners.read' },
  { to: '/beheer/gebruikers', label: 'Gebruikers', permission: 'users.read' },
  { to: '/beheer/matrix', label: 'Autorisatiematrix', permission: 'matrix.read' },
  { to: '/beheer/routering', label: 'Routering', permission: 'signals.configure' },
  { to: '/beheer/signaalcategorieen', label: 'Signaalcategorieën', permission: 'signals.configure' },
  { to: '/beheer/leefgebieden', label: 'Leefgebieden', permission: 'lifedomains.write' },
  { to: '/beheer/gebieden', label: 'Wijken en buurten', permission: 'areas.write' },
  { to: '/beheer/e-mail', label: 'Uitgaande e-mail', permission: 'outbox.read' },
  { to: '/beheer/webhooks', label: 'Webhooks', permission: 'webhooks.manage' },
  { to: '/beheer/beveiliging', label: 'Beveiliging', permission: 'security.manage' },
  { to: '/beheer/verwerkingsregister', label: 'Verwerkingsregister', permission: 'processing.read' },
  { to: '/beheer/bewaartermijnen', label: 'Bewaartermijnen', permission: 'retention.manage' },
];

/** The main menu; Beheer appears when at least one of its pages is allowed. */
const MAIN_MENU: readonly NavItem[] = [
  { to: '/', label: 'Overzicht', end: true },
  { to: '/signalen', label: 'Signalen', permission: 'signals.read' },
  { to: '/personen', label: 'Personen', permission: 'subjects.read' },
  { to: '/casussen', label: 'Casussen', permission: 'cases.read' },
  { to: '/overleggen', label: 'Overleggen', permission: 'meetings.read' },
  { to: '/acties', label: 'Acties', permission: 'actions.read' },
  { to: '/wijkbeeld', label: 'Wijkbeeld', permission: 'areas.read' },
  { to: '/sociale-kaart', label: 'Sociale kaart' },
  { to: '/resultaten', label: 'Resultaten', permission: 'outcomes.read' },
  { to: '/audit', label: 'Audit', permission: 'audit.read' },
];

const allowed = (user: Pick<User, 'roles'>) => (item: NavItem) =>
  item.permission === undefined || hasPermission(user, item.permission);

export function beheerPages(user: Pick<User, 'roles'>): NavItem[] {
  return BEHEER_PAGES.filter(allowed(user));
}

export function mainMenu(user: Pick<User, 'roles'>): NavItem[] {
  const items = MAIN_MENU.filter(allowed(user));
  if (beheerPages(user).length > 0) items.push({ to: '/beheer', label: 'Beheer' });
  return items;
}

/**
 * Whether the signed-in user may import creditor files: the role, and for a professional the kind of
 * their partner (never the police) — the same rule as the server's. `undefined` while the partner's kind
 * is being looked up (only for professionals; a regisseur and a user without the role need no lookup).
 */
export function useMayImportCreditorSignals(): boolean | undefined {
  const user = useUser();
  const decided = !hasPermission(user, 'signals.import') || user.roles.includes('regisseur');
  const loader = useCallback(
    (signal: AbortSignal) => (decided ? Promise.resolve(null) : api.listPartners(signal)),
    [decided],
  );
  const partners = useApiData(loader);
  if (decided) return mayImportCreditorSignals(user, undefined);
  if (partners.error) return false;
  if (!partners.data) return undefined;
  const own = partners.data.items.find((p) => p.id === user.partnerId);
  return mayImportCreditorSignals(user, own?.kind);
}

/** The sub-menu of Signalen: the inbox, today's home visits, the creditor import and the monitor. */
export function useSignalPages(): NavItem[] {
  const user = useUser();
  const mayImport = useMayImportCreditorSignals();
  if (!hasPermission(user, 'signals.read')) return [];
  return [
    { to: '/signalen', label: 'Binnengekomen', end: true },
    { to: '/outreach', label: 'Huisbezoeken' },
    ...(mayImport ? [{ to: '/signalen/import', label: 'Import' }] : []),
    { to: '/signalen/monitor', label: 'Monitor' },
  ];
}

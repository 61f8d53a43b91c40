import { hasPermission } from '@wijkregie/shared';
import { Navigate, Outlet } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext.tsx';
import { SubNav } from '../../components/SubNav.tsx';

/**
 * Beheer: a sub-menu (Partners, Gebruikers, Autorisatiematrix, Routering, Signaalcategorieën, Uitgaande
 * e-mail) above the pages of the section.
 */
export function BeheerLayout() {
  const user = useUser();
  const links = [
    hasPermission(user, 'partners.read') && { to: '/beheer/partners', label: 'Partners' },
    hasPermission(user, 'users.read') && { to: '/beheer/gebruikers', label: 'Gebruikers' },
    hasPermission(user, 'matrix.read') && { to: '/beheer/matrix', label: 'Autorisatiematrix' },
    hasPermission(user, 'signals.configure') && { to: '/beheer/routering', label: 'Routering' },
    hasPermission(user, 'signals.configure') && {
      to: '/beheer/signaalcategorieen',
      label: 'Signaalcategorieën',
    },
    hasPermission(user, 'outbox.read') && { to: '/beheer/e-mail', label: 'Uitgaande e-mail' },
  ].filter((link): link is { to: string; label: string } => Boolean(link));

  return (
    <div className="wr-section">
      <p className="utrecht-pre-heading wr-section__name">Beheer</p>
      {links.length > 1 && <SubNav label="Beheer" links={links} />}
      <Outlet />
    </div>
  );
}

/** /beheer leads to the first page of the section the user may see. */
export function BeheerIndex() {
  const user = useUser();
  const first = hasPermission(user, 'partners.read')
    ? 'partners'
    : hasPermission(user, 'users.read')
      ? 'gebruikers'
      : hasPermission(user, 'matrix.read')
        ? 'matrix'
        : hasPermission(user, 'signals.configure')
          ? 'routering'
          : 'e-mail';
  return <Navigate to={first} replace />;
}

import { Navigate, Outlet } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { SubNav } from '../../components/SubNav.tsx';
import { beheerPages } from '../../lib/navigation.ts';

/**
 * Beheer: a sub-menu (Partners, Gebruikers, Autorisatiematrix, Routering, Signaalcategorieën, Leefgebieden, Wijken en
 * buurten, Uitgaande e-mail, Webhooks, Beveiliging) above the pages of the section, with only the pages the user may see (the list is
 * BEHEER_PAGES in lib/navigation.ts).
 */
export function BeheerLayout() {
  const user = useUser();
  const links = beheerPages(user);
  if (links.length === 0) return <NoAccessPage title="Beheer" />;
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
  const first = beheerPages(user)[0];
  return <Navigate to={first ? first.to : '/'} replace />;
}

import { useEffect } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { Footer, MainContent, SkipLink } from '../../components/SkipLink.tsx';

export const MUNICIPALITY_NAME = 'Gemeente Voorbeeldstad';

/** Sets document.title to "<title> – Gemeente Voorbeeldstad" on the resident pages. */
export function usePublicTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${MUNICIPALITY_NAME}`;
  }, [title]);
}

/**
 * The layout of the pages for residents (no login, no application menu): skip link, the municipality's
 * name, the content, a short footer.
 */
export function PublicLayout() {
  return (
    <div className="wr-app wr-public">
      <SkipLink />
      <header className="wr-header">
        <div className="wr-header__content">
          <Link to="/melden" className="wr-logo">
            <span className="wr-logo__mark" aria-hidden="true" />
            <span className="wr-logo__name">{MUNICIPALITY_NAME}</span>
          </Link>
        </div>
      </header>
      <MainContent className="wr-public__content">
        <Outlet />
      </MainContent>
      <Footer>{MUNICIPALITY_NAME} — bij spoed of gevaar: bel 112. Geen spoed, wel politie: 0900-8844.</Footer>
    </div>
  );
}

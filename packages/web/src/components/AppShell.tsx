import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useAuth, useUser } from '../auth/AuthContext.tsx';
import { AlertsProvider } from '../lib/alerts.tsx';
import { mainMenu } from '../lib/navigation.ts';
import { Button } from './Button.tsx';
import { HeaderSearch, maySearch } from './HeaderSearch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { Footer, MainContent, SkipLink } from './SkipLink.tsx';

/** The page layout for signed-in users: skip link, header, main menu, main content, footer. */
export function AppShell() {
  const user = useUser();
  const { logout } = useAuth();
  // Only what the user may use (the same permissions as the server's), so no item leads to "geen toegang".
  const items = mainMenu(user);
  // On a phone the menu and the account links fold away behind one button, so a page starts on the
  // first screen; a chosen page closes the menu again. From 640 px on everything shows and the button not.
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a route change closes the menu.
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <AlertsProvider user={user}>
      <div className="wr-app">
        <SkipLink />
        <header className={`wr-header${menuOpen ? ' wr-header--menu-open' : ''}`}>
          <div className="wr-header__content">
            <Link to="/" className="wr-logo">
              <span className="wr-logo__mark" aria-hidden="true" />
              <span className="wr-logo__name">Wijkregie</span>
            </Link>
            <button
              type="button"
              className="wr-menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="wr-account wr-hoofdmenu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span className="wr-menu-toggle__bars" aria-hidden="true" />
              Menu
            </button>
            {maySearch(user) && <HeaderSearch />}
            <div className="wr-header__user" id="wr-account">
              <span className="wr-header__user-name">
                <span className="wr-header__user-label">Ingelogd als </span>
                {user.name}
              </span>
              <Link to="/instellingen" className="utrecht-link utrecht-link--html-a wr-header__link">
                Instellingen
              </Link>
              <Button appearance="secondary-action" onClick={() => void logout()}>
                Uitloggen
              </Button>
            </div>
          </div>
          <nav aria-label="Hoofdmenu" className="utrecht-nav-bar wr-nav">
            <div className="utrecht-nav-bar__content wr-nav__content">
              <ul className="utrecht-nav-list wr-nav__list" id="wr-hoofdmenu">
                {items.map((item) => (
                  <li key={item.to} className="utrecht-nav-list__item">
                    <NavLink
                      to={item.to}
                      end={item.end ?? false}
                      className={({ isActive }) =>
                        `utrecht-nav-list__link wr-nav__link${isActive ? ' wr-nav__link--current' : ''}`
                      }
                    >
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
              <NotificationBell />
            </div>
          </nav>
        </header>
        <MainContent>
          <Outlet />
        </MainContent>
        <Footer>Wijkregie — regiesysteem voor de wijkaanpak</Footer>
      </div>
    </AlertsProvider>
  );
}

import { Link, NavLink } from 'react-router-dom';
import { cx } from './classNames.ts';

export interface SubNavLink {
  to: string;
  label: string;
  /** Current only on exactly this path (not below it). */
  end?: boolean;
  /** Whether this is the current view, when the path alone does not say it (a view in the query string). */
  current?: boolean;
}

/** The sub-menu of a section (Signalen, Beheer, the views of Acties). */
export function SubNav({ label, links }: { label: string; links: readonly SubNavLink[] }) {
  return (
    <nav aria-label={label} className="wr-subnav">
      <ul className="wr-subnav__list">
        {links.map((link) => (
          <li key={link.to}>
            {link.current === undefined ? (
              <NavLink
                to={link.to}
                end={link.end ?? false}
                className={({ isActive }) => cx('wr-subnav__link', isActive && 'wr-subnav__link--current')}
              >
                {link.label}
              </NavLink>
            ) : (
              <Link
                to={link.to}
                aria-current={link.current ? 'page' : undefined}
                className={cx('wr-subnav__link', link.current && 'wr-subnav__link--current')}
              >
                {link.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

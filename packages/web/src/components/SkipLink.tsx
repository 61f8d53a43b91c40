import type { ReactNode } from 'react';
import { cx } from './classNames.ts';

/** The first focusable element of every page: jumps past the header and menu to the main content. */
export function SkipLink() {
  return (
    <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus wr-skip-link" href="#inhoud">
      Naar de inhoud
    </a>
  );
}

/**
 * The main content of a page, where the skip link leads ("inhoud"); it takes the focus after a route
 * change. `className` is another class of its content box (e.g. `wr-login`).
 */
export function MainContent({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <main id="inhoud" className="wr-main" tabIndex={-1}>
      <div className={cx('wr-main__content', className)}>{children}</div>
    </main>
  );
}

/** The footer below the main content. */
export function Footer({ children }: { children: ReactNode }) {
  return (
    <footer className="wr-footer">
      <div className="wr-footer__content">{children}</div>
    </footer>
  );
}

/** The page around the login and the forced TOTP enrolment: the logo without a menu, then the main content. */
export function LoginShell({ children }: { children: ReactNode }) {
  return (
    <div className="wr-app wr-app--login">
      <SkipLink />
      <header className="wr-header">
        <div className="wr-header__content">
          <span className="wr-logo">
            <span className="wr-logo__mark" aria-hidden="true" />
            <span className="wr-logo__name">Wijkregie</span>
          </span>
        </div>
      </header>
      <MainContent className="wr-login">{children}</MainContent>
    </div>
  );
}

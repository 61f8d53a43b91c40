import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { cx } from './classNames.ts';
import { Paragraph } from './Heading.tsx';

/** A link to a page of the app, styled as an NL Design System link. */
export function TextLink({
  to,
  nowrap = false,
  children,
}: {
  to: string;
  nowrap?: boolean;
  children: ReactNode;
}) {
  return (
    <Link className={cx('utrecht-link', 'utrecht-link--html-a', nowrap && 'wr-nowrap')} to={to}>
      {children}
    </Link>
  );
}

/** The way up from a detail or form page: a link to the list it belongs to. */
export function Breadcrumb({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Paragraph className="wr-breadcrumb">
      <TextLink to={to}>{children}</TextLink>
    </Paragraph>
  );
}

/** The main thing to do on a list page ("Nieuwe casus"): a link that looks like a primary button. */
export function PrimaryLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Paragraph>
      <Link
        className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action wr-button-link"
        to={to}
      >
        {children}
      </Link>
    </Paragraph>
  );
}

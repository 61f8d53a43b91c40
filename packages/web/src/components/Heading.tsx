import type { HTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from './classNames.ts';

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: 1 | 2 | 3 | 4 | 5 | 6;
  children: ReactNode;
  ref?: Ref<HTMLHeadingElement>;
}

export function Heading({ level, className, children, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={cx(`utrecht-heading-${level}`, className)} {...rest}>
      {children}
    </Tag>
  );
}

/**
 * The one h1 of a page. It can take focus (tabIndex -1) so that a route change can move focus to it
 * and screen readers announce the new page.
 */
export function PageHeading({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <h1 id={id} className="utrecht-heading-1 wr-page-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Paragraph({
  lead = false,
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLParagraphElement> & { lead?: boolean }) {
  return (
    <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', className)} {...rest}>
      {children}
    </p>
  );
}

import type { ReactNode, Ref } from 'react';
import { Heading } from './Heading.tsx';

export interface SectionProps {
  /** The heading gets the id `<id>-heading` and names the section. */
  id: string;
  title: ReactNode;
  level?: 2 | 3;
  className?: string;
  /** For a heading that takes focus after a change (tabIndex -1). */
  headingRef?: Ref<HTMLHeadingElement>;
  focusable?: boolean;
  children?: ReactNode;
}

/** A section of a page named by its heading. */
export function Section({ id, title, level = 2, className, headingRef, focusable, children }: SectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className={className}>
      <Heading
        level={level}
        id={headingId}
        ref={headingRef}
        tabIndex={focusable ? -1 : undefined}
        className={focusable ? 'wr-focus-target' : undefined}
      >
        {title}
      </Heading>
      {children}
    </section>
  );
}

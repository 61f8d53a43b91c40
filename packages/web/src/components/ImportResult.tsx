import type { ReactNode, Ref } from 'react';
import { Heading } from './Heading.tsx';
import { DataTable } from './Table.tsx';

export interface ImportCount {
  label: string;
  value: ReactNode;
}

export interface ImportResultProps<R extends { message: string }> {
  /** The form's id: the section's heading is `<id>-result-heading`. */
  id: string;
  title: string;
  /** The heading takes the focus when the result arrives, so a screen reader hears it. */
  headingRef: Ref<HTMLHeadingElement>;
  counts: readonly ImportCount[];
  rejected: readonly R[];
  /** "Afgewezen regels": the table's caption. */
  rejectedCaption: string;
  /** The first column: where in the file (a line, a feature number). */
  where: { header: string; cell: (r: R) => ReactNode; key: (r: R) => string | number };
}

/** The outcome of reading a file: the counts, then a table of what was refused and why. */
export function ImportResult<R extends { message: string }>({
  id,
  title,
  headingRef,
  counts,
  rejected,
  rejectedCaption,
  where,
}: ImportResultProps<R>) {
  return (
    <section aria-labelledby={`${id}-result-heading`} className="wr-card">
      <Heading
        level={2}
        id={`${id}-result-heading`}
        ref={headingRef}
        tabIndex={-1}
        className="wr-focus-target"
      >
        {title}
      </Heading>
      <ul className="wr-plain-list wr-import-counts">
        {counts.map((c) => (
          <li key={c.label}>
            <span className="wr-strong">{c.label}:</span> {c.value}
          </li>
        ))}
      </ul>
      {rejected.length > 0 && (
        <DataTable
          caption={rejectedCaption}
          rows={rejected}
          rowKey={(r) => `${where.key(r)}-${r.message}`}
          columns={[
            { header: where.header, cell: where.cell },
            { header: 'Reden', cell: (r) => r.message },
          ]}
        />
      )}
    </section>
  );
}

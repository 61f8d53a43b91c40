import { CASE_STATUS_LABELS, type CaseStatus } from '@wijkregie/shared';
import { cx } from './classNames.ts';

/** The status of a case as a coloured label; the text says it all, the colour only helps. */
export function StatusBadge({ status, prefix = false }: { status: CaseStatus; prefix?: boolean }) {
  return (
    <span className={cx('wr-badge', `wr-badge--${status}`)}>
      {prefix && <span className="wr-visually-hidden">Status: </span>}
      {CASE_STATUS_LABELS[status] ?? status}
    </span>
  );
}

import { CASE_STATUS_LABELS } from '@wijkregie/shared';
import { labelOf } from '../lib/format.ts';
import { cx } from './classNames.ts';

/**
 * The status of a case as a coloured label; the text says it all, the colour only helps. A string,
 * because a subject's list of cases carries the status as plain text.
 */
export function StatusBadge({ status, prefix = false }: { status: string; prefix?: boolean }) {
  return (
    <span className={cx('wr-badge', `wr-badge--${status}`)}>
      {prefix && <span className="wr-visually-hidden">Status: </span>}
      {labelOf(CASE_STATUS_LABELS, status)}
    </span>
  );
}

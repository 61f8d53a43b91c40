import { REPORT_URGENCY_LABELS, type ReportUrgency } from '@wijkregie/shared';
import { cx } from './classNames.ts';

/** How urgent a resident group says its report is, in words ("Urgentie: hoog"); the colour only helps. */
export function UrgencyBadge({ urgency }: { urgency: ReportUrgency }) {
  return (
    <span className={cx('wr-badge', `wr-badge--urgency-${urgency}`)}>
      <span className="wr-visually-hidden">Urgentie: </span>
      {REPORT_URGENCY_LABELS[urgency]}
    </span>
  );
}

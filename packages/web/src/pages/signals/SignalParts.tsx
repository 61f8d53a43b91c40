import {
  SIGNAL_SOURCE_LABELS,
  SIGNAL_STATUS_LABELS,
  type Signal,
  type SignalStatus,
} from '@wijkregie/shared';
import { cx } from '../../components/classNames.ts';
import { SubNav } from '../../components/SubNav.tsx';
import { UrgencyBadge } from '../../components/UrgencyBadge.tsx';
import { formatDate } from '../../lib/format.ts';
import { useSignalPages } from '../../lib/navigation.ts';

/** The status of a signal as a label; the text says it all, the colour only helps. */
export function SignalStatusBadge({ status, prefix = false }: { status: SignalStatus; prefix?: boolean }) {
  return (
    <span className={cx('wr-badge', `wr-badge--signal-${status}`)}>
      {prefix && <span className="wr-visually-hidden">Status: </span>}
      {SIGNAL_STATUS_LABELS[status] ?? status}
    </span>
  );
}

/**
 * Where a signal comes from; a resident group's report names the group and its urgency, so the police
 * read at a glance who reports and how urgent it is.
 */
export function SignalOrigin({
  signal,
}: {
  signal: Pick<Signal, 'source' | 'residentGroupName' | 'urgency'>;
}) {
  return (
    <>
      {SIGNAL_SOURCE_LABELS[signal.source] ?? signal.source}
      {signal.residentGroupName && (
        <span className="wr-signal-group">
          {signal.residentGroupName} {signal.urgency && <UrgencyBadge urgency={signal.urgency} />}
        </span>
      )}
    </>
  );
}

/** "Te laat" in words, so that overdue is never shown by colour alone. */
export function OverdueBadge() {
  return (
    <span className="wr-badge wr-badge--overdue">
      <span aria-hidden="true">! </span>Te laat
    </span>
  );
}

/** The first-contact deadline of a signal, with "te laat" spelled out when it has passed. */
export function FirstContactDue({ signal }: { signal: Pick<Signal, 'firstContactDue' | 'overdue'> }) {
  if (!signal.firstContactDue) return <span className="wr-muted">Geen termijn</span>;
  return (
    <span className="wr-due">
      <span className={cx('wr-nowrap', signal.overdue && 'wr-overdue')}>
        {formatDate(signal.firstContactDue)}
      </span>
      {signal.overdue && (
        <>
          {' '}
          <OverdueBadge />
        </>
      )}
    </span>
  );
}

/**
 * The sub-menu of the signal pages: the inbox, today's home visits, the creditor import and the monitor.
 * (Sub-navigation rather than more links in the main menu.)
 */
export function SignalsNav() {
  const links = useSignalPages();
  return (
    <div className="wr-section">
      <p className="utrecht-pre-heading wr-section__name">Signalen</p>
      <SubNav label="Signalen" links={links} />
    </div>
  );
}

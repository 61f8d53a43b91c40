import { ALERT_SORT_FIELDS, type Alert as AlertItem, alertLabel } from '@wijkregie/shared';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { orderedCaption, useSortParams } from '../../components/Sorting.tsx';
import { DataTable } from '../../components/Table.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { alertSubject, receivesAlerts, useAlerts } from '../../lib/alerts.tsx';
import { plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePagedParams } from '../../lib/usePaging.ts';

export const ALERTS_PAGE_SIZE = 25;
/** How GET /alerts orders without `sort`. */
const USUAL_ORDER = 'nieuwste eerst';

/** What an alert is about, in words: a case by its reference, or a signal. */
const subjectOf = (a: { caseReference: string | null }) =>
  a.caseReference ? `casus ${a.caseReference}` : 'een signaal';

export function NotificationsPage() {
  const user = useUser();
  if (!receivesAlerts(user)) return <NoAccessPage title="Notificaties" />;
  return <Notifications />;
}

/** The kind of change, or for entries gathered into one alert "3 nieuwe notities". */
function kindLabel(alert: AlertItem): string {
  return alertLabel(alert);
}

/**
 * The user's alerts, newest first or as sorted (page and order in the URL); new ones appear as they
 * arrive through the stream.
 */
function Notifications() {
  usePageTitle('Notificaties');
  const { arrivals, refresh } = useAlerts();
  const { offset, paging } = usePagedParams(ALERTS_PAGE_SIZE);
  const sort = useSortParams(ALERT_SORT_FIELDS);
  const { sort: field, order } = sort.query;
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listAlerts({ sort: field, order }, { limit: ALERTS_PAGE_SIZE, offset }, signal),
    [offset, field, order],
  );
  const alerts = useApiData(loader);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  // A new alert arrived: load the list again (newest first, the new one is at the top of the first page).
  const reload = alerts.reload;
  useEffect(() => {
    if (arrivals > 0) reload();
  }, [arrivals, reload]);

  const list = alerts.data;
  const unread = list?.unread ?? 0;

  async function markRead(alert: AlertItem) {
    setStatus(null);
    setError(null);
    setBusy(alert.id);
    try {
      await api.markAlertRead(alert.id);
      const now = new Date().toISOString();
      alerts.setData((current) =>
        current
          ? {
              ...current,
              unread: Math.max(0, current.unread - 1),
              items: current.items.map((a) => (a.id === alert.id ? { ...a, readAt: now } : a)),
            }
          : current,
      );
      setStatus(`De notificatie over ${subjectOf(alert)} is gemarkeerd als gelezen.`);
      refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : 'Markeren als gelezen is niet gelukt.');
    } finally {
      setBusy(null);
    }
  }

  async function markAllRead() {
    setStatus(null);
    setError(null);
    setBusy('all');
    try {
      await api.markAllAlertsRead();
      alerts.reload();
      setStatus('Alle notificaties zijn gemarkeerd als gelezen.');
      refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : 'Markeren als gelezen is niet gelukt.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeading>Notificaties</PageHeading>
      <Paragraph>
        Wijzigingen in casussen die je volgt of regisseert, in casussen op de agenda van overleggen die je
        voorzit, en in acties die aan jou zijn toegewezen. Nieuwe notificaties verschijnen hier vanzelf.
      </Paragraph>
      <StatusMessage message={status} />
      <ErrorAlert message={error ?? alerts.error} />
      {alerts.loading && !list && <Paragraph>De notificaties worden geladen…</Paragraph>}
      {list && (
        <>
          <div className="wr-toolbar">
            <p className="utrecht-paragraph wr-toolbar__text">
              {unread === 0
                ? 'Je hebt geen ongelezen notificaties.'
                : `${plural(unread, 'ongelezen notificatie', 'ongelezen notificaties')}.`}
            </p>
            {unread > 0 && (
              <Button busy={busy === 'all'} disabled={busy !== null} onClick={() => void markAllRead()}>
                Alles gelezen
              </Button>
            )}
          </div>
          <div aria-busy={alerts.loading || undefined}>
            <DataTable
              caption={orderedCaption(`Notificaties (${list.total})`, field, USUAL_ORDER)}
              sorting={sort.table}
              usualOrder={USUAL_ORDER}
              rows={list.items}
              empty="Je hebt nog geen notificaties."
              columns={[
                {
                  header: 'Melding',
                  sort: 'kind',
                  cell: (a) => <span className={a.readAt ? undefined : 'wr-strong'}>{kindLabel(a)}</span>,
                },
                {
                  header: 'Over',
                  cell: (a) => (
                    <TextLink nowrap to={alertSubject(a).to}>
                      {alertSubject(a).label}
                    </TextLink>
                  ),
                },
                {
                  header: 'Tijdstip',
                  sort: 'createdAt',
                  cell: (a) => (
                    // A bundle of entries: when the last of them came in.
                    <DateTime value={a.updatedAt} />
                  ),
                },
                {
                  // Ascending: the unread ones first.
                  header: 'Gelezen',
                  sort: 'read',
                  cell: (a) =>
                    a.readAt ? (
                      <span className="wr-badge wr-badge--read">Gelezen</span>
                    ) : (
                      <span className="wr-badge wr-badge--unread">Ongelezen</span>
                    ),
                },
                {
                  header: 'Actie',
                  cell: (a) =>
                    a.readAt ? null : (
                      <Button
                        appearance="subtle"
                        busy={busy === a.id}
                        disabled={busy !== null}
                        onClick={() => void markRead(a)}
                      >
                        Markeer als gelezen
                        <VisuallyHidden>
                          {' '}
                          ({kindLabel(a)}, {subjectOf(a)})
                        </VisuallyHidden>
                      </Button>
                    ),
                },
              ]}
            />
          </div>
          <Pagination label="Paginering notificaties" total={list.total} {...paging} />
        </>
      )}
    </>
  );
}

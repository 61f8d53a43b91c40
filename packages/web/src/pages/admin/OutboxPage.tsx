import { OUTBOX_STATUSES, type OutboxItem } from '@wijkregie/shared';
import { useCallback } from 'react';
import { api } from '../../api/endpoints.ts';
import { cx } from '../../components/classNames.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { EmailAddress } from '../../components/EmailAddress.tsx';
import { StatusFilter } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useStatusPaging } from '../../lib/usePaging.ts';

export const OUTBOX_PAGE_SIZE = 50;

const STATUS_LABELS: Record<string, string> = {
  pending: 'Wacht op verzending',
  sent: 'Verzonden',
  failed: 'Mislukt',
};
const STATUS_OPTIONS = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));

export function OutboxPage() {
  return (
    <Permitted permission="outbox.read" title="Uitgaande e-mail">
      <Outbox />
    </Permitted>
  );
}

/** Beheer › Uitgaande e-mail: the notification emails, their status and the last error. */
function Outbox() {
  usePageTitle('Uitgaande e-mail');
  const list = useStatusPaging(OUTBOX_PAGE_SIZE);
  const { status, offset, paging } = list;
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listOutbox(
        OUTBOX_STATUSES.find((s) => s === status),
        { limit: OUTBOX_PAGE_SIZE, offset },
        signal,
      ),
    [status, offset],
  );
  const outbox = useApiData(loader);

  return (
    <>
      <PageHeading>Uitgaande e-mail</PageHeading>
      <Paragraph>
        De e-mails die Wijkregie verstuurt bij notificaties. Ze noemen alleen een casusnummer en een link,
        geen namen of inhoud. Zonder ingestelde mailserver blijven ze wachten.
      </Paragraph>
      <StatusFilter id="outbox-status" options={STATUS_OPTIONS} list={list} />
      <Loaded data={outbox} loading="De e-mails worden geladen…">
        {(page) => (
          <PagedTable<OutboxItem>
            caption={`Uitgaande e-mail (${page.total}), nieuwste eerst`}
            page={page}
            pagingLabel="Paginering uitgaande e-mail"
            paging={paging}
            empty="Er zijn geen e-mails."
            columns={[
              {
                header: 'Aangemaakt',
                cell: (m) => <DateTime value={m.createdAt} className="wr-nowrap" />,
              },
              { header: 'Aan', cell: (m) => <EmailAddress email={m.toAddress} /> },
              { header: 'Onderwerp', cell: (m) => m.subject },
              {
                header: 'Status',
                cell: (m) => (
                  <span className={cx('wr-badge', `wr-badge--mail-${m.status}`)}>
                    {STATUS_LABELS[m.status] ?? m.status}
                  </span>
                ),
              },
              { header: 'Pogingen', cell: (m) => m.attempts },
              {
                header: 'Verzonden',
                cell: (m) => (m.sentAt ? formatDateTime(m.sentAt) : <span className="wr-muted">–</span>),
              },
              {
                header: 'Laatste fout',
                cell: (m) => m.lastError ?? <span className="wr-muted">–</span>,
              },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

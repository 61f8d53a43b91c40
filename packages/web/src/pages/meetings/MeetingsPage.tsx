import { hasPermission, MEETING_KIND_LABELS, type Meeting } from '@wijkregie/shared';
import { Link } from 'react-router-dom';
import type { Collection } from '../../api/endpoints.ts';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, StatusMessage } from '../../components/Alert.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { DataTable } from '../../components/Table.tsx';
import { formatDateTime, plural } from '../../lib/format.ts';
import { type ApiData, useApiData } from '../../lib/useApiData.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { NoAccessPage } from '../NotFoundPage.tsx';

const MEETINGS_LIMIT = 100;
const loadUpcoming = (signal: AbortSignal) =>
  api.listMeetings('upcoming', { limit: MEETINGS_LIMIT, offset: 0 }, signal);
const loadPast = (signal: AbortSignal) =>
  api.listMeetings('past', { limit: MEETINGS_LIMIT, offset: 0 }, signal);

export function MeetingsPage() {
  const user = useUser();
  if (!hasPermission(user, 'cases.read')) return <NoAccessPage title="Overleggen" />;
  return <Meetings />;
}

function Meetings() {
  usePageTitle('Overleggen');
  const [message] = useFlashMessage();
  const upcoming = useApiData(loadUpcoming);
  const past = useApiData(loadPast);
  return (
    <>
      <PageHeading>Overleggen</PageHeading>
      <Paragraph>
        Multidisciplinaire overleggen: de agenda met casussen, het verslag, de besluiten en de afspraken.
      </Paragraph>
      <StatusMessage message={message} />
      <Paragraph>
        <Link
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action wr-button-link"
          to="/overleggen/nieuw"
        >
          Nieuw overleg
        </Link>
      </Paragraph>
      <MeetingTable
        id="upcoming"
        heading="Komende overleggen"
        data={upcoming}
        empty="Er zijn geen komende overleggen."
      />
      <MeetingTable
        id="past"
        heading="Eerdere overleggen"
        data={past}
        empty="Er zijn nog geen eerdere overleggen."
      />
    </>
  );
}

interface MeetingTableProps {
  id: string;
  heading: string;
  data: ApiData<Collection<Meeting>>;
  empty: string;
}

function MeetingTable({ id, heading, data, empty }: MeetingTableProps) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Heading level={2} id={`${id}-heading`}>
        {heading}
      </Heading>
      {data.error && (
        <Alert type="error" role="alert">
          {data.error}
        </Alert>
      )}
      {data.loading && !data.data && <Paragraph>De overleggen worden geladen…</Paragraph>}
      {data.data && (
        <DataTable
          caption={`${heading} (${data.data.total})`}
          rows={data.data.items}
          rowKey={(m) => m.id}
          empty={empty}
          columns={[
            {
              header: 'Datum en tijd',
              cell: (m) => (
                <time className="wr-nowrap" dateTime={m.startsAt}>
                  {formatDateTime(m.startsAt)}
                </time>
              ),
            },
            {
              header: 'Overleg',
              cell: (m) => (
                <Link className="utrecht-link utrecht-link--html-a" to={`/overleggen/${m.id}`}>
                  {m.title}
                </Link>
              ),
            },
            { header: 'Soort', cell: (m) => MEETING_KIND_LABELS[m.kind] ?? m.kind },
            { header: 'Plaats', cell: (m) => m.place ?? <span className="wr-muted">–</span> },
            { header: 'Voorzitter', cell: (m) => m.chairName },
            { header: 'Agenda', cell: (m) => plural(m.agenda.length, 'casus', 'casussen') },
          ]}
        />
      )}
    </section>
  );
}

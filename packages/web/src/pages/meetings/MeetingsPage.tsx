import { type Collection, hasPermission, MEETING_KIND_LABELS, type Meeting } from '@wijkregie/shared';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { PrimaryLink, TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { formatDateTime, plural } from '../../lib/format.ts';
import { type ApiData, useApiData } from '../../lib/useApiData.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

const MEETINGS_LIMIT = 100;
const loadUpcoming = (signal: AbortSignal) =>
  api.listMeetings('upcoming', { limit: MEETINGS_LIMIT, offset: 0 }, signal);
const loadPast = (signal: AbortSignal) =>
  api.listMeetings('past', { limit: MEETINGS_LIMIT, offset: 0 }, signal);

export function MeetingsPage() {
  return (
    <Permitted permission="meetings.read" title="Overleggen">
      <Meetings />
    </Permitted>
  );
}

function Meetings() {
  usePageTitle('Overleggen');
  const user = useUser();
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
      {hasPermission(user, 'meetings.write') && (
        <PrimaryLink to="/overleggen/nieuw">Nieuw overleg</PrimaryLink>
      )}
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
    <Section id={id} title={heading}>
      <Loaded data={data} loading="De overleggen worden geladen…">
        {(page) => (
          <DataTable
            caption={`${heading} (${page.total})`}
            rows={page.items}
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
                cell: (m) => <TextLink to={`/overleggen/${m.id}`}>{m.title}</TextLink>,
              },
              { header: 'Soort', cell: (m) => MEETING_KIND_LABELS[m.kind] ?? m.kind },
              { header: 'Plaats', cell: (m) => m.place ?? <span className="wr-muted">–</span> },
              { header: 'Voorzitter', cell: (m) => m.chairName },
              { header: 'Agenda', cell: (m) => plural(m.agenda.length, 'casus', 'casussen') },
            ]}
          />
        )}
      </Loaded>
    </Section>
  );
}

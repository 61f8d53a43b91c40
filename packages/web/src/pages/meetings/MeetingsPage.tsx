import { hasPermission, MEETING_KIND_LABELS, MEETING_SORT_FIELDS } from '@wijkregie/shared';
import { useCallback } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { PrimaryLink, TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { orderedCaption, useSortParams } from '../../components/Sorting.tsx';
import { DataTable } from '../../components/Table.tsx';
import { plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

const MEETINGS_LIMIT = 100;

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
        when="upcoming"
        heading="Komende overleggen"
        usualOrder="eerstvolgende eerst"
        empty="Er zijn geen komende overleggen."
      />
      <MeetingTable
        id="past"
        when="past"
        heading="Eerdere overleggen"
        usualOrder="meest recente eerst"
        empty="Er zijn nog geen eerdere overleggen."
      />
    </>
  );
}

interface MeetingTableProps {
  id: string;
  when: 'upcoming' | 'past';
  heading: string;
  /** How GET /meetings orders this list without `sort`. */
  usualOrder: string;
  empty: string;
}

/** Coming or past meetings, each list sorted on its own (`komende-sorteer`, `eerdere-sorteer` in the URL). */
function MeetingTable({ id, when, heading, usualOrder, empty }: MeetingTableProps) {
  const sort = useSortParams(MEETING_SORT_FIELDS, when === 'upcoming' ? 'komende' : 'eerdere');
  const { sort: field, order } = sort.query;
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listMeetings(when, { limit: MEETINGS_LIMIT, offset: 0, sort: field, order }, signal),
    [when, field, order],
  );
  const data = useApiData(loader);
  return (
    <Section id={id} title={heading}>
      <Loaded data={data} loading="De overleggen worden geladen…">
        {(page) => (
          <DataTable
            caption={orderedCaption(`${heading} (${page.total})`, field, usualOrder)}
            sorting={sort.table}
            usualOrder={usualOrder}
            rows={page.items}
            empty={empty}
            columns={[
              {
                header: 'Datum en tijd',
                sort: 'startsAt',
                cell: (m) => <DateTime value={m.startsAt} className="wr-nowrap" />,
              },
              {
                header: 'Overleg',
                sort: 'title',
                cell: (m) => <TextLink to={`/overleggen/${m.id}`}>{m.title}</TextLink>,
              },
              { header: 'Soort', sort: 'kind', cell: (m) => MEETING_KIND_LABELS[m.kind] ?? m.kind },
              {
                header: 'Plaats',
                sort: 'place',
                cell: (m) => m.place ?? <span className="wr-muted">–</span>,
              },
              { header: 'Voorzitter', cell: (m) => m.chairName },
              { header: 'Agenda', cell: (m) => plural(m.agenda.length, 'casus', 'casussen') },
            ]}
          />
        )}
      </Loaded>
    </Section>
  );
}

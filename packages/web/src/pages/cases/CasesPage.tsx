import {
  CASE_SORT_FIELDS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  type Case,
  type CaseStatus,
  type CaseType,
  hasPermission,
} from '@wijkregie/shared';
import { useCallback } from 'react';
import { api, type CaseFilter } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { PrimaryLink, TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { FilteredPagedTable } from '../../components/PagedTable.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { useSortParams } from '../../components/Sorting.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { wijkOptions } from '../../lib/areas.ts';
import { codeOptions, formatDateTime } from '../../lib/format.ts';
import { useAreas } from '../../lib/reference.ts';
import { subjectText } from '../../lib/subjects.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePagedParams } from '../../lib/usePaging.ts';

export const CASES_PAGE_SIZE = 25;

const TYPE_OPTIONS = codeOptions(CASE_TYPES, CASE_TYPE_LABELS);
const STATUS_OPTIONS = codeOptions(CASE_STATUSES, CASE_STATUS_LABELS);

function filterFromParams(params: URLSearchParams): CaseFilter {
  const type = params.get('soort');
  const status = params.get('status');
  return {
    q: params.get('q') ?? undefined,
    type: CASE_TYPES.includes(type as CaseType) ? (type as CaseType) : undefined,
    status: CASE_STATUSES.includes(status as CaseStatus) ? (status as CaseStatus) : undefined,
    areaId: params.get('wijk') ?? undefined,
    mine: params.get('mijn') === 'ja',
  };
}

export function CasesPage() {
  usePageTitle('Casussen');
  const user = useUser();
  const { params, setParams, key, offset, paging } = usePagedParams(CASES_PAGE_SIZE);
  const sort = useSortParams(CASE_SORT_FIELDS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the search string is the whole input.
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listCases(
        { ...filterFromParams(params), ...sort.query },
        { limit: CASES_PAGE_SIZE, offset },
        signal,
      ),
    [key],
  );
  const cases = useApiData(loader);
  const areas = useAreas();

  if (!hasPermission(user, 'cases.read')) return <NoAccessPage title="Casussen" permission="cases.read" />;

  const filtered = ['q', 'soort', 'status', 'wijk', 'mijn'].some((name) => params.has(name));

  return (
    <>
      <PageHeading>Casussen</PageHeading>
      <Paragraph>
        De casussen die je mag zien: waaraan je organisatie deelneemt of waarvan je casusregisseur bent.
      </Paragraph>
      {hasPermission(user, 'cases.write') && <PrimaryLink to="/casussen/nieuw">Nieuwe casus</PrimaryLink>}
      <FilterBar
        id="case-filter"
        label="Casussen filteren"
        params={params}
        onApply={setParams}
        fields={[
          { kind: 'search', key: 'q', param: 'q', label: 'Zoeken', description: 'Op kenmerk of titel' },
          {
            kind: 'select',
            key: 'type',
            param: 'soort',
            label: 'Soort',
            placeholder: 'Alle soorten',
            options: TYPE_OPTIONS,
          },
          {
            kind: 'select',
            key: 'status',
            param: 'status',
            label: 'Status',
            placeholder: 'Alle statussen',
            options: STATUS_OPTIONS,
          },
          {
            kind: 'select',
            key: 'area',
            param: 'wijk',
            label: 'Wijk',
            placeholder: 'Alle wijken',
            options: wijkOptions(areas.data?.items),
          },
        ]}
        checks={[
          { key: 'mine', param: 'mijn', label: 'Alleen mijn casussen (waarvan ik casusregisseur ben)' },
        ]}
      />
      <Loaded data={cases} loading="Casussen worden geladen…" busy>
        {(page) => (
          <FilteredPagedTable
            noun="Casussen"
            filtered={filtered}
            sorting={sort.table}
            usualOrder="laatst gewijzigd eerst"
            page={page}
            empty={{
              filtered: 'Geen casussen gevonden met deze filters.',
              none: 'Er zijn nog geen casussen die je mag zien.',
            }}
            columns={caseColumns}
            pagingLabel="Paginering casussen"
            paging={paging}
          />
        )}
      </Loaded>
    </>
  );
}

const caseColumns = [
  {
    header: 'Kenmerk',
    sort: 'reference',
    cell: (c: Case) => (
      <TextLink nowrap to={`/casussen/${c.id}`}>
        {c.reference}
      </TextLink>
    ),
  },
  { header: 'Titel', sort: 'title', cell: (c: Case) => c.title },
  { header: 'Soort', sort: 'type', cell: (c: Case) => CASE_TYPE_LABELS[c.type] ?? c.type },
  { header: 'Status', sort: 'status', cell: (c: Case) => <StatusBadge status={c.status} /> },
  {
    header: 'Betrokkenen',
    cell: (c: Case) => (c.subjects.length === 0 ? '–' : c.subjects.map(subjectText).join(', ')),
  },
  {
    header: 'Gewijzigd',
    sort: 'updatedAt',
    cell: (c: Case) => <span className="wr-nowrap">{formatDateTime(c.updatedAt)}</span>,
  },
];

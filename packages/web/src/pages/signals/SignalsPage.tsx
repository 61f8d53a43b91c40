import {
  CREDITOR_TYPE_LABELS,
  CREDITOR_TYPES,
  type CreditorType,
  hasPermission,
  SIGNAL_SORT_FIELDS,
  SIGNAL_SOURCE_LABELS,
  SIGNAL_SOURCES,
  SIGNAL_STATUS_LABELS,
  SIGNAL_STATUSES,
  type Signal,
  type SignalSource,
  type SignalStatus,
} from '@wijkregie/shared';
import { useCallback } from 'react';
import { api, type SignalFilter, signalExportUrl } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { FilterBar, type FilterCheck, type FilterField } from '../../components/FilterBar.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { PrimaryLink, TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { FilteredPagedTable } from '../../components/PagedTable.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import type { SelectOption, SelectOptionGroup } from '../../components/Select.tsx';
import { useSortParams } from '../../components/Sorting.tsx';
import { areaGroups } from '../../lib/areas.ts';
import { codeOptions, formatDateTime, keyedOptions } from '../../lib/format.ts';
import { type Names, useAreas } from '../../lib/reference.ts';
import { excerpt, formatSignalLocation, useSignalCategories } from '../../lib/signals.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePagedParams } from '../../lib/usePaging.ts';
import { UUID_PATTERN } from '../../lib/validation.ts';
import { FirstContactDue, SignalOrigin, SignalStatusBadge, SignalsNav } from './SignalParts.tsx';

export const SIGNALS_PAGE_SIZE = 25;

const STATUS_OPTIONS = codeOptions(SIGNAL_STATUSES, SIGNAL_STATUS_LABELS);
const SOURCE_OPTIONS = codeOptions(SIGNAL_SOURCES, SIGNAL_SOURCE_LABELS);
const CREDITOR_OPTIONS = codeOptions(CREDITOR_TYPES, CREDITOR_TYPE_LABELS);

/** The URL parameters of the inbox (Dutch, like the other pages) and the filter of the API. */
function filterFromParams(params: URLSearchParams): SignalFilter {
  const status = params.get('status');
  const source = params.get('bron');
  const creditor = params.get('schuldeiser');
  const chosenStatus = SIGNAL_STATUSES.includes(status as SignalStatus)
    ? (status as SignalStatus)
    : undefined;
  return {
    q: params.get('q') ?? undefined,
    status: chosenStatus,
    category: params.get('categorie') ?? undefined,
    source: SIGNAL_SOURCES.includes(source as SignalSource) ? (source as SignalSource) : undefined,
    creditorType: CREDITOR_TYPES.includes(creditor as CreditorType) ? (creditor as CreditorType) : undefined,
    areaId: params.get('gebied') ?? undefined,
    // A resident group's reports (the link on the group's page); a malformed id is ignored.
    residentGroupId: UUID_PATTERN.test(params.get('bewonersgroep') ?? '')
      ? (params.get('bewonersgroep') ?? undefined)
      : undefined,
    routedToMe: params.get('mijn-organisatie') === 'ja',
    overdue: params.get('te-laat') === 'ja',
    // Open signals unless the user asked for all of them; a chosen status says it more precisely.
    open: chosenStatus === undefined && params.get('open') !== 'nee',
    from: params.get('van') ?? undefined,
    to: params.get('tot') ?? undefined,
  };
}

export function SignalsPage() {
  return (
    <Permitted permission="signals.read" title="Signalen">
      <Signals />
    </Permitted>
  );
}

function Signals() {
  usePageTitle('Signalen');
  const user = useUser();
  const { params, setParams, key, offset, paging } = usePagedParams(SIGNALS_PAGE_SIZE);
  const sort = useSortParams(SIGNAL_SORT_FIELDS);
  const [message] = useFlashMessage();
  const categories = useSignalCategories();
  const areas = useAreas();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the search string is the whole input.
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listSignals(filterFromParams(params), { limit: SIGNALS_PAGE_SIZE, offset, ...sort.query }, signal),
    [key],
  );
  const signals = useApiData(loader);
  const filter = filterFromParams(params);
  const filtered = [...params.keys()].some((name) => !['vanaf', 'sorteer', 'volgorde'].includes(name));

  return (
    <>
      <SignalsNav />
      <PageHeading>Signalen</PageHeading>
      <Paragraph>
        Signalen en meldingen van bewoners, partners en schuldeisers (vroegsignalering) die je mag zien: alle
        signalen voor de regisseur, anders de signalen die je organisatie meldde of die naar je organisatie
        zijn gerouteerd.
      </Paragraph>
      {hasPermission(user, 'signals.write') && <PrimaryLink to="/signalen/nieuw">Nieuw signaal</PrimaryLink>}
      <StatusMessage message={message} />
      <FilterBar
        id="signal-filter"
        label="Signalen filteren"
        params={params}
        onApply={setParams}
        fields={signalFilterFields(keyedOptions(categories.data?.items), areaGroups(areas.data?.items))}
        checks={SIGNAL_CHECKS}
        checksInRow
      />
      <Loaded data={signals} loading="De signalen worden geladen…" busy>
        {(page) => (
          <>
            <div className="wr-toolbar">
              <p className="utrecht-paragraph wr-toolbar__text">
                {page.total === 1 ? '1 signaal' : `${page.total} signalen`}
                {filter.open ? ', alleen open' : ''}
                {filtered ? ', gefilterd' : ''}.
              </p>
              <a className="utrecht-link utrecht-link--html-a" href={signalExportUrl(filter)} download>
                Exporteer CSV
                <span className="wr-visually-hidden"> van deze {filtered ? 'gefilterde ' : ''}lijst</span>
              </a>
            </div>
            <FilteredPagedTable
              noun="Signalen"
              filtered={filtered}
              sorting={sort.table}
              usualOrder="nieuwste eerst"
              page={page}
              empty={{
                filtered: 'Geen signalen gevonden met deze filters.',
                none: 'Er zijn geen open signalen die je mag zien.',
              }}
              columns={signalColumns(categories.names, areas.names)}
              pagingLabel="Paginering signalen"
              paging={paging}
            />
          </>
        )}
      </Loaded>
    </>
  );
}

function signalColumns(categoryNames: Names, areaNames: Names) {
  return [
    {
      header: 'Signaal',
      sort: 'category',
      cell: (s: Signal) => (
        <>
          <TextLink to={`/signalen/${s.id}`}>{excerpt(s.description, 70)}</TextLink>
          <span className="wr-signal-category">{categoryNames.get(s.category) ?? s.category}</span>
        </>
      ),
    },
    { header: 'Bron', sort: 'source', cell: (s: Signal) => <SignalOrigin signal={s} /> },
    {
      header: 'Plaats',
      cell: (s: Signal) => {
        const address = formatSignalLocation(s.location);
        const area = s.areaId ? areaNames.get(s.areaId) : undefined;
        if (!address && !area) return <span className="wr-muted">Onbekend</span>;
        return (
          <>
            {address}
            {area && <span className="wr-signal-category">{area}</span>}
          </>
        );
      },
    },
    { header: 'Status', sort: 'status', cell: (s: Signal) => <SignalStatusBadge status={s.status} /> },
    {
      header: 'Eerste contact uiterlijk',
      sort: 'firstContactDue',
      cell: (s: Signal) => <FirstContactDue signal={s} />,
    },
    {
      header: 'Gemeld',
      sort: 'createdAt',
      cell: (s: Signal) => <span className="wr-nowrap">{formatDateTime(s.createdAt)}</span>,
    },
  ];
}

function signalFilterFields(
  categoryOptions: readonly SelectOption[],
  areaGroupsList: readonly SelectOptionGroup[],
): FilterField[] {
  return [
    { kind: 'search', key: 'q', param: 'q', label: 'Zoeken', description: 'In omschrijving en adres' },
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
      key: 'category',
      param: 'categorie',
      label: 'Categorie',
      placeholder: 'Alle categorieën',
      options: categoryOptions,
    },
    {
      kind: 'select',
      key: 'source',
      param: 'bron',
      label: 'Bron',
      placeholder: 'Alle bronnen',
      options: SOURCE_OPTIONS,
    },
    {
      kind: 'select',
      key: 'creditor',
      param: 'schuldeiser',
      label: 'Soort schuldeiser',
      placeholder: 'Alle schuldeisers',
      options: CREDITOR_OPTIONS,
    },
    {
      kind: 'select',
      key: 'area',
      param: 'gebied',
      label: 'Wijk of buurt',
      placeholder: 'Alle wijken en buurten',
      groups: areaGroupsList,
    },
    { kind: 'date', key: 'from', param: 'van', label: 'Gemeld vanaf' },
    { kind: 'date', key: 'to', param: 'tot', label: 'Gemeld tot en met' },
  ];
}

const SIGNAL_CHECKS: readonly FilterCheck[] = [
  { key: 'mine', param: 'mijn-organisatie', label: 'Naar mijn organisatie gerouteerd' },
  { key: 'overdue', param: 'te-laat', label: 'Te laat (termijn eerste contact verstreken)' },
  {
    key: 'open',
    param: 'open',
    label: 'Alleen open signalen (als er geen status is gekozen)',
    onUnlessNo: true,
  },
];

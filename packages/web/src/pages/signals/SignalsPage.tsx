import {
  CREDITOR_TYPE_LABELS,
  CREDITOR_TYPES,
  type CreditorType,
  hasPermission,
  SIGNAL_SOURCE_LABELS,
  SIGNAL_SOURCES,
  SIGNAL_STATUS_LABELS,
  SIGNAL_STATUSES,
  type Signal,
  type SignalSource,
  type SignalStatus,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type SignalFilter, signalExportUrl } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, StatusMessage } from '../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { FormField } from '../../components/FormField.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Select } from '../../components/Select.tsx';
import { DataTable } from '../../components/Table.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type Names, useAreas } from '../../lib/reference.ts';
import { excerpt, formatSignalLocation, useSignalCategories } from '../../lib/signals.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { areaGroups } from '../cases/NewCasePage.tsx';
import { NoAccessPage } from '../NotFoundPage.tsx';
import { FirstContactDue, SignalStatusBadge, SignalsNav } from './SignalParts.tsx';

export const SIGNALS_PAGE_SIZE = 25;

const STATUS_OPTIONS = SIGNAL_STATUSES.map((s) => ({ value: s, label: SIGNAL_STATUS_LABELS[s] }));
const SOURCE_OPTIONS = SIGNAL_SOURCES.map((s) => ({ value: s, label: SIGNAL_SOURCE_LABELS[s] }));
const CREDITOR_OPTIONS = CREDITOR_TYPES.map((t) => ({ value: t, label: CREDITOR_TYPE_LABELS[t] }));

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
    routedToMe: params.get('mijn-organisatie') === 'ja',
    overdue: params.get('te-laat') === 'ja',
    // Open signals unless the user asked for all of them; a chosen status says it more precisely.
    open: chosenStatus === undefined && params.get('open') !== 'nee',
    from: params.get('van') ?? undefined,
    to: params.get('tot') ?? undefined,
  };
}

function offsetFromParams(params: URLSearchParams): number {
  const offset = Number(params.get('vanaf') ?? 0);
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

export function SignalsPage() {
  const user = useUser();
  if (!hasPermission(user, 'signals.read')) return <NoAccessPage title="Signalen" />;
  return <Signals />;
}

function Signals() {
  usePageTitle('Signalen');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [message] = useFlashMessage();
  const key = params.toString();
  const categories = useSignalCategories();
  const areas = useAreas();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the search string is the whole input.
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listSignals(
        filterFromParams(params),
        { limit: SIGNALS_PAGE_SIZE, offset: offsetFromParams(params) },
        signal,
      ),
    [key],
  );
  const signals = useApiData(loader);
  const filter = filterFromParams(params);
  const offset = offsetFromParams(params);
  const filtered = [...params.keys()].some((name) => name !== 'vanaf');

  function goToPage(next: number) {
    const copy = new URLSearchParams(params);
    if (next > 0) copy.set('vanaf', String(next));
    else copy.delete('vanaf');
    setParams(copy);
  }

  return (
    <>
      <SignalsNav />
      <PageHeading>Signalen</PageHeading>
      <Paragraph>
        Signalen en meldingen van bewoners, partners en schuldeisers (vroegsignalering) die je mag zien: alle
        signalen voor de regisseur, anders de signalen die je organisatie meldde of die naar je organisatie
        zijn gerouteerd.
      </Paragraph>
      {hasPermission(user, 'signals.write') && (
        <Paragraph>
          <Link
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action wr-button-link"
            to="/signalen/nieuw"
          >
            Nieuw signaal
          </Link>
        </Paragraph>
      )}
      <StatusMessage message={message} />
      <SignalFilters
        key={key}
        params={params}
        onApply={setParams}
        categoryOptions={(categories.data?.items ?? []).map((c) => ({ value: c.key, label: c.label }))}
        areaGroupsList={areaGroups(areas.data?.items ?? [])}
      />
      {signals.error && (
        <Alert type="error" role="alert">
          {signals.error}
        </Alert>
      )}
      {signals.loading && !signals.data && <Paragraph>De signalen worden geladen…</Paragraph>}
      {signals.data && (
        <div aria-busy={signals.loading || undefined}>
          <div className="wr-toolbar">
            <p className="utrecht-paragraph wr-toolbar__text">
              {signals.data.total === 1 ? '1 signaal' : `${signals.data.total} signalen`}
              {filter.open ? ', alleen open' : ''}
              {filtered ? ', gefilterd' : ''}.
            </p>
            <a className="utrecht-link utrecht-link--html-a" href={signalExportUrl(filter)} download>
              Exporteer CSV
              <span className="wr-visually-hidden"> van deze {filtered ? 'gefilterde ' : ''}lijst</span>
            </a>
          </div>
          <DataTable
            caption={`Signalen (${signals.data.total})${filtered ? ', gefilterd' : ''}, nieuwste eerst`}
            rows={signals.data.items}
            rowKey={(s) => s.id}
            empty={
              filtered
                ? 'Geen signalen gevonden met deze filters.'
                : 'Er zijn geen open signalen die je mag zien.'
            }
            columns={signalColumns(categories.names, areas.names)}
          />
          <Pagination
            label="Paginering signalen"
            total={signals.data.total}
            limit={SIGNALS_PAGE_SIZE}
            offset={offset}
            onPage={goToPage}
          />
        </div>
      )}
    </>
  );
}

function signalColumns(categoryNames: Names, areaNames: Names) {
  return [
    {
      header: 'Signaal',
      cell: (s: Signal) => (
        <>
          <Link className="utrecht-link utrecht-link--html-a" to={`/signalen/${s.id}`}>
            {excerpt(s.description, 70)}
          </Link>
          <span className="wr-signal-category">{categoryNames.get(s.category) ?? s.category}</span>
        </>
      ),
    },
    { header: 'Bron', cell: (s: Signal) => SIGNAL_SOURCE_LABELS[s.source] ?? s.source },
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
    { header: 'Status', cell: (s: Signal) => <SignalStatusBadge status={s.status} /> },
    { header: 'Eerste contact uiterlijk', cell: (s: Signal) => <FirstContactDue signal={s} /> },
    {
      header: 'Gemeld',
      cell: (s: Signal) => <span className="wr-nowrap">{formatDateTime(s.createdAt)}</span>,
    },
  ];
}

const FILTER_ID = 'signal-filter';

interface SignalFiltersProps {
  params: URLSearchParams;
  onApply: (next: URLSearchParams) => void;
  categoryOptions: { value: string; label: string }[];
  areaGroupsList: ReturnType<typeof areaGroups>;
}

function SignalFilters({ params, onApply, categoryOptions, areaGroupsList }: SignalFiltersProps) {
  const [q, setQ] = useState(params.get('q') ?? '');
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [category, setCategory] = useState(params.get('categorie') ?? '');
  const [source, setSource] = useState(params.get('bron') ?? '');
  const [creditor, setCreditor] = useState(params.get('schuldeiser') ?? '');
  const [area, setArea] = useState(params.get('gebied') ?? '');
  const [from, setFrom] = useState(params.get('van') ?? '');
  const [to, setTo] = useState(params.get('tot') ?? '');
  const [mine, setMine] = useState(params.get('mijn-organisatie') === 'ja');
  const [overdue, setOverdue] = useState(params.get('te-laat') === 'ja');
  const [open, setOpen] = useState(params.get('open') !== 'nee');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (status) next.set('status', status);
    if (category) next.set('categorie', category);
    if (source) next.set('bron', source);
    if (creditor) next.set('schuldeiser', creditor);
    if (area) next.set('gebied', area);
    if (from) next.set('van', from);
    if (to) next.set('tot', to);
    if (mine) next.set('mijn-organisatie', 'ja');
    if (overdue) next.set('te-laat', 'ja');
    if (!open) next.set('open', 'nee');
    onApply(next);
  }

  return (
    <search className="wr-card wr-filters" aria-label="Signalen filteren">
      <form id={FILTER_ID} onSubmit={onSubmit}>
        <div className="wr-filters__fields">
          <FormField id={`${FILTER_ID}-q`} label="Zoeken" description="In omschrijving en adres">
            {(control) => (
              <Textbox {...control} type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
            )}
          </FormField>
          <FormField id={`${FILTER_ID}-status`} label="Status">
            {(control) => (
              <Select
                {...control}
                name="status"
                placeholder="Alle statussen"
                options={STATUS_OPTIONS}
                value={status}
                onChange={(e) => setStatus(e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${FILTER_ID}-category`} label="Categorie">
            {(control) => (
              <Select
                {...control}
                name="categorie"
                placeholder="Alle categorieën"
                options={categoryOptions}
                value={category}
                onChange={(e) => setCategory(e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${FILTER_ID}-source`} label="Bron">
            {(control) => (
              <Select
                {...control}
                name="bron"
                placeholder="Alle bronnen"
                options={SOURCE_OPTIONS}
                value={source}
                onChange={(e) => setSource(e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${FILTER_ID}-creditor`} label="Soort schuldeiser">
            {(control) => (
              <Select
                {...control}
                name="schuldeiser"
                placeholder="Alle schuldeisers"
                options={CREDITOR_OPTIONS}
                value={creditor}
                onChange={(e) => setCreditor(e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${FILTER_ID}-area`} label="Wijk of buurt">
            {(control) => (
              <Select
                {...control}
                name="gebied"
                placeholder="Alle wijken en buurten"
                options={[]}
                groups={areaGroupsList}
                value={area}
                onChange={(e) => setArea(e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${FILTER_ID}-from`} label="Gemeld vanaf">
            {(control) => (
              <Textbox
                {...control}
                type="date"
                name="van"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${FILTER_ID}-to`} label="Gemeld tot en met">
            {(control) => (
              <Textbox
                {...control}
                type="date"
                name="tot"
                value={to}
                onChange={(e) => setTo(e.target.value)}
              />
            )}
          </FormField>
        </div>
        <div className="wr-radio-row">
          <Checkbox
            id={`${FILTER_ID}-mine`}
            name="mijn-organisatie"
            label="Naar mijn organisatie gerouteerd"
            checked={mine}
            onChange={(e) => setMine(e.target.checked)}
          />
          <Checkbox
            id={`${FILTER_ID}-overdue`}
            name="te-laat"
            label="Te laat (termijn eerste contact verstreken)"
            checked={overdue}
            onChange={(e) => setOverdue(e.target.checked)}
          />
          <Checkbox
            id={`${FILTER_ID}-open`}
            name="open"
            label="Alleen open signalen (als er geen status is gekozen)"
            checked={open}
            onChange={(e) => setOpen(e.target.checked)}
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action">
            Filteren
          </Button>
          <Button appearance="secondary-action" onClick={() => onApply(new URLSearchParams())}>
            Filters wissen
          </Button>
        </ButtonGroup>
      </form>
    </search>
  );
}

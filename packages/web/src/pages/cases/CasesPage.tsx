import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  type Case,
  type CaseStatus,
  type CaseType,
  hasPermission,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type CaseFilter } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { FormField } from '../../components/FormField.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Select } from '../../components/Select.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/Table.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAreas } from '../../lib/reference.ts';
import { subjectText } from '../../lib/subjects.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { NoAccessPage } from '../NotFoundPage.tsx';

export const CASES_PAGE_SIZE = 25;

const TYPE_OPTIONS = CASE_TYPES.map((type) => ({ value: type, label: CASE_TYPE_LABELS[type] }));
const STATUS_OPTIONS = CASE_STATUSES.map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] }));

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

function offsetFromParams(params: URLSearchParams): number {
  const offset = Number(params.get('vanaf') ?? 0);
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

export function CasesPage() {
  usePageTitle('Casussen');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the search string is the whole input.
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listCases(
        filterFromParams(params),
        { limit: CASES_PAGE_SIZE, offset: offsetFromParams(params) },
        signal,
      ),
    [key],
  );
  const cases = useApiData(loader);

  if (!hasPermission(user, 'cases.read')) return <NoAccessPage title="Casussen" />;

  const offset = offsetFromParams(params);
  const filtered = ['q', 'soort', 'status', 'wijk', 'mijn'].some((name) => params.has(name));

  function goToPage(next: number) {
    const copy = new URLSearchParams(params);
    if (next > 0) copy.set('vanaf', String(next));
    else copy.delete('vanaf');
    setParams(copy);
  }

  return (
    <>
      <PageHeading>Casussen</PageHeading>
      <Paragraph>
        De casussen die je mag zien: waaraan je organisatie deelneemt of waarvan je casusregisseur bent.
      </Paragraph>
      {hasPermission(user, 'cases.write') && (
        <Paragraph>
          <Link
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action wr-button-link"
            to="/casussen/nieuw"
          >
            Nieuwe casus
          </Link>
        </Paragraph>
      )}
      <CaseFilters key={key} params={params} onApply={setParams} />
      {cases.error && (
        <Alert type="error" role="alert">
          {cases.error}
        </Alert>
      )}
      {cases.loading && !cases.data && <Paragraph>Casussen worden geladen…</Paragraph>}
      {cases.data && (
        <div aria-busy={cases.loading || undefined}>
          <DataTable
            caption={`Casussen (${cases.data.total})${filtered ? ', gefilterd' : ''}, laatst gewijzigd eerst`}
            rows={cases.data.items}
            rowKey={(c) => c.id}
            empty={
              filtered
                ? 'Geen casussen gevonden met deze filters.'
                : 'Er zijn nog geen casussen die je mag zien.'
            }
            columns={caseColumns}
          />
          <Pagination
            label="Paginering casussen"
            total={cases.data.total}
            limit={CASES_PAGE_SIZE}
            offset={offset}
            onPage={goToPage}
          />
        </div>
      )}
    </>
  );
}

const caseColumns = [
  {
    header: 'Kenmerk',
    cell: (c: Case) => (
      <Link className="utrecht-link utrecht-link--html-a wr-nowrap" to={`/casussen/${c.id}`}>
        {c.reference}
      </Link>
    ),
  },
  { header: 'Titel', cell: (c: Case) => c.title },
  { header: 'Soort', cell: (c: Case) => CASE_TYPE_LABELS[c.type] ?? c.type },
  { header: 'Status', cell: (c: Case) => <StatusBadge status={c.status} /> },
  {
    header: 'Betrokkenen',
    cell: (c: Case) => (c.subjects.length === 0 ? '–' : c.subjects.map(subjectText).join(', ')),
  },
  {
    header: 'Gewijzigd',
    cell: (c: Case) => <span className="wr-nowrap">{formatDateTime(c.updatedAt)}</span>,
  },
];

const FILTER_ID = 'case-filter';

function CaseFilters({
  params,
  onApply,
}: {
  params: URLSearchParams;
  onApply: (next: URLSearchParams) => void;
}) {
  const areas = useAreas();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [type, setType] = useState(params.get('soort') ?? '');
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [area, setArea] = useState(params.get('wijk') ?? '');
  const [mine, setMine] = useState(params.get('mijn') === 'ja');

  const wijken = (areas.data?.items ?? [])
    .filter((a) => a.kind === 'wijk')
    .map((a) => ({ value: a.id, label: a.name }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (type) next.set('soort', type);
    if (status) next.set('status', status);
    if (area) next.set('wijk', area);
    if (mine) next.set('mijn', 'ja');
    onApply(next);
  }

  return (
    <search className="wr-card wr-filters" aria-label="Casussen filteren">
      <form id={FILTER_ID} onSubmit={onSubmit}>
        <div className="wr-filters__fields">
          <FormField id={`${FILTER_ID}-q`} label="Zoeken" description="Op kenmerk of titel">
            {(control) => (
              <Textbox {...control} type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
            )}
          </FormField>
          <FormField id={`${FILTER_ID}-type`} label="Soort">
            {(control) => (
              <Select
                {...control}
                name="soort"
                placeholder="Alle soorten"
                options={TYPE_OPTIONS}
                value={type}
                onChange={(e) => setType(e.target.value)}
              />
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
          <FormField id={`${FILTER_ID}-area`} label="Wijk">
            {(control) => (
              <Select
                {...control}
                name="wijk"
                placeholder="Alle wijken"
                options={wijken}
                value={area}
                onChange={(e) => setArea(e.target.value)}
              />
            )}
          </FormField>
        </div>
        <Checkbox
          id={`${FILTER_ID}-mine`}
          name="mijn"
          label="Alleen mijn casussen (waarvan ik casusregisseur ben)"
          checked={mine}
          onChange={(e) => setMine(e.target.checked)}
        />
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

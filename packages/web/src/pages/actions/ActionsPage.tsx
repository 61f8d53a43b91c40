import {
  ACTION_SORT_FIELDS,
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  type ActionStatus,
} from '@wijkregie/shared';
import { useCallback, useState } from 'react';
import { type ActionFilter, api } from '../../api/endpoints.ts';
import { ActionTable } from '../../components/ActionTable.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { FilterSelect } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { orderedCaption, useSortParams } from '../../components/Sorting.tsx';
import { SubNav } from '../../components/SubNav.tsx';
import { codeOptions } from '../../lib/format.ts';
import { usePartners } from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePagedParams } from '../../lib/usePaging.ts';

export const ACTIONS_PAGE_SIZE = 25;

interface View {
  key: string;
  label: string;
  filter: ActionFilter;
  /** Overdue actions are open by definition: no status choice there. */
  statusChoice: boolean;
  describe: string;
}

const VIEWS: readonly View[] = [
  {
    key: 'mijn',
    label: 'Mijn acties',
    filter: { mine: true },
    statusChoice: true,
    describe: 'Acties die aan jou zijn toegewezen',
  },
  {
    key: 'organisatie',
    label: 'Mijn organisatie',
    filter: { partner: true },
    statusChoice: true,
    describe: 'Acties waarvoor jouw organisatie verantwoordelijk is',
  },
  {
    key: 'te-laat',
    label: 'Te laat',
    filter: { overdue: true },
    statusChoice: false,
    describe: 'Open acties waarvan de termijn verstreken is',
  },
  {
    key: 'deze-week',
    label: 'Deze week',
    filter: { dueThisWeek: true },
    statusChoice: true,
    describe: 'Acties met een termijn in deze week',
  },
];

const STATUS_OPTIONS = codeOptions(ACTION_STATUSES, ACTION_STATUS_LABELS);
/** How GET /actions orders without `sort`. */
const USUAL_ORDER = 'vroegste termijn eerst';

export function ActionsPage() {
  return (
    <Permitted permission="actions.read" title="Acties">
      <Actions />
    </Permitted>
  );
}

function Actions() {
  usePageTitle('Acties');
  const { params, setParams, offset, paging } = usePagedParams(ACTIONS_PAGE_SIZE);
  const view = VIEWS.find((v) => v.key === params.get('weergave')) ?? (VIEWS[0] as View);
  const statusParam = params.get('status');
  const status: ActionStatus | '' =
    statusParam === null
      ? 'open'
      : ACTION_STATUSES.includes(statusParam as ActionStatus)
        ? (statusParam as ActionStatus)
        : '';
  const sort = useSortParams(ACTION_SORT_FIELDS);
  const { sort: field, order } = sort.query;
  const partners = usePartners();
  const [message, setMessage] = useState<string | null>(null);

  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listActions(
        { ...view.filter, status: view.statusChoice && status ? status : undefined, sort: field, order },
        { limit: ACTIONS_PAGE_SIZE, offset },
        signal,
      ),
    [view, status, offset, field, order],
  );
  const actions = useApiData(loader);

  function viewHref(key: string): string {
    const next = new URLSearchParams();
    next.set('weergave', key);
    if (statusParam !== null) next.set('status', statusParam);
    // The chosen order stays with the other view.
    for (const name of ['sorteer', 'volgorde']) {
      const value = params.get(name);
      if (value !== null) next.set(name, value);
    }
    return `/acties?${next.toString()}`;
  }

  function setStatus(value: string) {
    const next = new URLSearchParams(params);
    next.set('status', value || 'alle');
    next.delete('vanaf');
    setParams(next);
  }

  const statusText = view.statusChoice && status ? `, ${ACTION_STATUS_LABELS[status].toLowerCase()}` : '';
  return (
    <>
      <PageHeading>Acties</PageHeading>
      <Paragraph>Wie doet wat en wanneer: de afspraken uit casussen en overleggen.</Paragraph>
      <SubNav
        label="Weergave acties"
        links={VIEWS.map((v) => ({ to: viewHref(v.key), label: v.label, current: v.key === view.key }))}
      />
      <Paragraph>{view.describe}.</Paragraph>
      {view.statusChoice && (
        <FilterSelect
          id="actions-status"
          label="Status"
          placeholder="Alle statussen"
          options={STATUS_OPTIONS}
          value={status}
          onValue={setStatus}
        />
      )}
      <StatusMessage message={message} />
      <Loaded data={actions} loading="De acties worden geladen…">
        {(page) => (
          <>
            <ActionTable
              caption={orderedCaption(`${view.label}${statusText} (${page.total})`, field, USUAL_ORDER)}
              sorting={sort.table}
              usualOrder={USUAL_ORDER}
              actions={page.items}
              partnerNames={partners.names}
              empty="Er zijn geen acties in deze weergave."
              onChanged={(_, text) => {
                setMessage(text);
                actions.reload();
              }}
            />
            <Pagination label="Paginering acties" total={page.total} {...paging} />
          </>
        )}
      </Loaded>
    </>
  );
}

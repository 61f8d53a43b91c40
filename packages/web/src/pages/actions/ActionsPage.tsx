import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus, hasPermission } from '@wijkregie/shared';
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type ActionFilter, api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, StatusMessage } from '../../components/Alert.tsx';
import { cx } from '../../components/classNames.ts';
import { FormField } from '../../components/FormField.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Select } from '../../components/Select.tsx';
import { usePartners } from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { NoAccessPage } from '../NotFoundPage.tsx';
import { ActionTable } from './ActionTable.tsx';

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

const STATUS_OPTIONS = ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }));

export function ActionsPage() {
  const user = useUser();
  if (!hasPermission(user, 'cases.read')) return <NoAccessPage title="Acties" />;
  return <Actions />;
}

function Actions() {
  usePageTitle('Acties');
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v.key === params.get('weergave')) ?? (VIEWS[0] as View);
  const statusParam = params.get('status');
  const status: ActionStatus | '' =
    statusParam === null
      ? 'open'
      : ACTION_STATUSES.includes(statusParam as ActionStatus)
        ? (statusParam as ActionStatus)
        : '';
  const offset = Math.max(0, Number(params.get('vanaf')) || 0);
  const partners = usePartners();
  const [message, setMessage] = useState<string | null>(null);

  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listActions(
        { ...view.filter, status: view.statusChoice && status ? status : undefined },
        { limit: ACTIONS_PAGE_SIZE, offset },
        signal,
      ),
    [view, status, offset],
  );
  const actions = useApiData(loader);

  function viewHref(key: string): string {
    const next = new URLSearchParams();
    next.set('weergave', key);
    if (statusParam !== null) next.set('status', statusParam);
    return `/acties?${next.toString()}`;
  }

  function setStatus(value: string) {
    const next = new URLSearchParams(params);
    next.set('status', value || 'alle');
    next.delete('vanaf');
    setParams(next);
  }

  function setOffset(value: number) {
    const next = new URLSearchParams(params);
    if (value > 0) next.set('vanaf', String(value));
    else next.delete('vanaf');
    setParams(next);
  }

  const statusText = view.statusChoice && status ? `, ${ACTION_STATUS_LABELS[status].toLowerCase()}` : '';
  return (
    <>
      <PageHeading>Acties</PageHeading>
      <Paragraph>Wie doet wat en wanneer: de afspraken uit casussen en overleggen.</Paragraph>
      <nav aria-label="Weergave acties" className="wr-subnav">
        <ul className="wr-subnav__list">
          {VIEWS.map((v) => (
            <li key={v.key}>
              <Link
                to={viewHref(v.key)}
                aria-current={v.key === view.key ? 'page' : undefined}
                className={cx('wr-subnav__link', v.key === view.key && 'wr-subnav__link--current')}
              >
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Paragraph>{view.describe}.</Paragraph>
      {view.statusChoice && (
        <div className="wr-journal__filter">
          <FormField id="actions-status" label="Status">
            {(control) => (
              <Select
                {...control}
                placeholder="Alle statussen"
                options={STATUS_OPTIONS}
                value={status}
                onChange={(e) => setStatus(e.target.value)}
              />
            )}
          </FormField>
        </div>
      )}
      <StatusMessage message={message} />
      {actions.error && (
        <Alert type="error" role="alert">
          {actions.error}
        </Alert>
      )}
      {actions.loading && !actions.data && <Paragraph>De acties worden geladen…</Paragraph>}
      {actions.data && (
        <>
          <ActionTable
            caption={`${view.label}${statusText} (${actions.data.total})`}
            actions={actions.data.items}
            partnerNames={partners.names}
            empty="Er zijn geen acties in deze weergave."
            onChanged={(_, text) => {
              setMessage(text);
              actions.reload();
            }}
          />
          <Pagination
            label="Paginering acties"
            total={actions.data.total}
            limit={ACTIONS_PAGE_SIZE}
            offset={offset}
            onPage={setOffset}
          />
        </>
      )}
    </>
  );
}

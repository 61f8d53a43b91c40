import { DEFAULT_SIGNAL_CATEGORIES, hasPermission } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api, type SignalRoute } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Select } from '../../components/Select.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { DataTable } from '../../components/Table.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { useAreas, usePartners } from '../../lib/reference.ts';
import { useSignalCategories } from '../../lib/signals.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import type { FieldErrors } from '../../lib/validation.ts';
import { areaGroups } from '../cases/NewCasePage.tsx';
import { NoAccessPage } from '../NotFoundPage.tsx';
import { byName } from './PartnersPage.tsx';

const loadRoutes = (signal: AbortSignal) => api.listSignalRoutes(signal);

export function RoutingPage() {
  const user = useUser();
  if (!hasPermission(user, 'signals.configure')) return <NoAccessPage title="Routering" />;
  return <Routing />;
}

function Routing() {
  usePageTitle('Routering');
  const routes = useApiData(loadRoutes);
  const categories = useSignalCategories();
  const areas = useAreas();
  const partners = usePartners();
  const [status, setStatus] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  // The categories of the municipality; the defaults when the list may not be read (functioneel beheer).
  const categoryList = categories.data?.items ?? (categories.error ? DEFAULT_SIGNAL_CATEGORIES : []);
  const categoryNames = new Map(categoryList.map((c) => [c.key, c.label]));
  const categoryName = (key: string) => categoryNames.get(key) ?? key;
  const areaName = (id: string | null) => (id ? (areas.names.get(id) ?? 'Onbekend gebied') : 'Hele gemeente');
  const rows = [...(routes.data?.items ?? [])].sort(
    (a, b) =>
      categoryName(a.category).localeCompare(categoryName(b.category), 'nl') ||
      areaName(a.areaId).localeCompare(areaName(b.areaId), 'nl'),
  );

  async function remove(route: SignalRoute) {
    setStatus(null);
    setDeleteError(null);
    try {
      await api.deleteSignalRoute(route.id);
      routes.setData((current) =>
        current
          ? { items: current.items.filter((r) => r.id !== route.id), total: current.total - 1 }
          : current,
      );
      setStatus(
        `De regel voor „${categoryName(route.category)}” in ${areaName(route.areaId)} is verwijderd.`,
      );
      requestAnimationFrame(() => document.getElementById('routing-table-heading')?.focus());
    } catch (error) {
      setDeleteError(error instanceof ApiError ? error.problem.detail : 'Verwijderen is niet gelukt.');
    }
  }

  return (
    <>
      <PageHeading>Routering</PageHeading>
      <Paragraph>
        Naar welke partner een signaal gaat, per categorie en gebied. Een regel voor een buurt gaat voor die
        van de wijk, en die voor de hele gemeente; zonder passende regel beoordeelt de regisseur het signaal.
      </Paragraph>
      <StatusMessage message={status} />
      {deleteError && (
        <Alert type="error" role="alert">
          {deleteError}
        </Alert>
      )}
      {routes.error && (
        <Alert type="error" role="alert">
          {routes.error}
        </Alert>
      )}
      {routes.loading && !routes.data && <Paragraph>De regels worden geladen…</Paragraph>}
      {routes.data && (
        <section aria-labelledby="routing-table-heading">
          <Heading level={2} id="routing-table-heading" tabIndex={-1} className="wr-focus-target">
            Regels ({rows.length})
          </Heading>
          <DataTable
            caption="Routeringsregels: categorie × gebied → partner"
            rows={rows}
            rowKey={(r) => r.id}
            empty="Er zijn nog geen regels; alle signalen gaan naar de regisseur."
            columns={[
              { header: 'Categorie', cell: (r) => categoryName(r.category) },
              { header: 'Gebied', cell: (r) => areaName(r.areaId) },
              { header: 'Partner', cell: (r) => partners.names.get(r.partnerId) ?? 'Onbekende partner' },
              {
                header: 'Verwijderen',
                cell: (r) => (
                  <Button appearance="subtle" onClick={() => void remove(r)}>
                    Verwijderen
                    <VisuallyHidden>
                      {' '}
                      regel {categoryName(r.category)}, {areaName(r.areaId)}
                    </VisuallyHidden>
                  </Button>
                ),
              },
            ]}
          />
        </section>
      )}
      <AddRouteForm
        categories={categoryList.map((c) => ({ value: c.key, label: c.label }))}
        areaGroupsList={areaGroups(areas.data?.items ?? [])}
        partners={[...(partners.data?.items ?? [])].sort(byName).map((p) => ({ value: p.id, label: p.name }))}
        onStart={() => setStatus(null)}
        onCreated={(route) => {
          routes.setData((current) =>
            current ? { items: [...current.items, route], total: current.total + 1 } : current,
          );
          setStatus(
            `De regel voor „${categoryName(route.category)}” in ${areaName(route.areaId)} is toegevoegd.`,
          );
        }}
      />
    </>
  );
}

const FORM_ID = 'route';
const FIELDS = ['category', 'areaId', 'partnerId'] as const;

interface AddRouteFormProps {
  categories: { value: string; label: string }[];
  areaGroupsList: ReturnType<typeof areaGroups>;
  partners: { value: string; label: string }[];
  onStart: () => void;
  onCreated: (route: SignalRoute) => void;
}

function AddRouteForm({ categories, areaGroupsList, partners, onStart, onCreated }: AddRouteFormProps) {
  const [category, setCategory] = useState('');
  const [areaId, setAreaId] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const { busy, formError, errors, validate, submit } = useFormSubmit(FORM_ID, FIELDS);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const e: FieldErrors = {};
    if (!category) e.category = 'Kies een categorie';
    if (!partnerId) e.partnerId = 'Kies een partner';
    if (!validate(e)) return;
    await submit(async () => {
      const route = await api.createSignalRoute({ category, areaId: areaId || null, partnerId });
      setCategory('');
      setAreaId('');
      setPartnerId('');
      onCreated(route);
    });
  }

  return (
    <section className="wr-card wr-form-card">
      <Heading level={2} id="route-form-heading">
        Regel toevoegen
      </Heading>
      <SubmitForm id={FORM_ID} labelledBy="route-form-heading" error={formError} onSubmit={onSubmit}>
        <FormField id={`${FORM_ID}-category`} label="Categorie" error={errors.category}>
          {(control) => (
            <Select
              {...control}
              name="category"
              placeholder="Kies een categorie"
              options={categories}
              value={category}
              onChange={(e) => setCategory(e.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${FORM_ID}-areaId`} label="Gebied" error={errors.areaId}>
          {(control) => (
            <Select
              {...control}
              name="areaId"
              placeholder="Hele gemeente"
              options={[]}
              groups={areaGroupsList}
              value={areaId}
              onChange={(e) => setAreaId(e.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${FORM_ID}-partnerId`} label="Partner" error={errors.partnerId}>
          {(control) => (
            <Select
              {...control}
              name="partnerId"
              placeholder="Kies een partner"
              options={partners}
              value={partnerId}
              onChange={(e) => setPartnerId(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          Regel toevoegen
        </Button>
      </SubmitForm>
    </section>
  );
}

import { DEFAULT_SIGNAL_CATEGORIES, type SignalRoute } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import { Button, SubmitButton } from '../../components/Button.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { SelectField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import type { SelectOption, SelectOptionGroup } from '../../components/Select.tsx';
import { DataTable } from '../../components/Table.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { areaGroups } from '../../lib/areas.ts';
import { focusSoon } from '../../lib/focus.ts';
import { keyedOptions } from '../../lib/format.ts';
import { partnerName, useAreas, usePartners } from '../../lib/reference.ts';
import { useSignalCategories } from '../../lib/signals.ts';
import { nameOptions } from '../../lib/sort.ts';
import { useApiData, withItem } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import type { FieldErrors } from '../../lib/validation.ts';

const loadRoutes = (signal: AbortSignal) => api.listSignalRoutes(signal);

export function RoutingPage() {
  return (
    <Permitted permission="signals.configure" title="Routering">
      <Routing />
    </Permitted>
  );
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
      focusSoon('routing-table-heading');
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
      <ErrorAlert message={deleteError} />
      <Loaded data={routes} loading="De regels worden geladen…">
        {() => (
          <Section id="routing-table" title={`Regels (${rows.length})`} focusable>
            <DataTable
              caption="Routeringsregels: categorie × gebied → partner"
              rows={rows}
              empty="Er zijn nog geen regels; alle signalen gaan naar de regisseur."
              columns={[
                { header: 'Categorie', cell: (r) => categoryName(r.category) },
                { header: 'Gebied', cell: (r) => areaName(r.areaId) },
                { header: 'Partner', cell: (r) => partnerName(partners.names, r.partnerId) },
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
          </Section>
        )}
      </Loaded>
      <AddRouteForm
        categories={keyedOptions(categoryList)}
        areaGroupsList={areaGroups(areas.data?.items)}
        partners={nameOptions(partners.data?.items)}
        onStart={() => setStatus(null)}
        onCreated={(route) => {
          routes.setData((current) => withItem(current, route));
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
  categories: readonly SelectOption[];
  areaGroupsList: readonly SelectOptionGroup[];
  partners: readonly SelectOption[];
  onStart: () => void;
  onCreated: (route: SignalRoute) => void;
}

function AddRouteForm({ categories, areaGroupsList, partners, onStart, onCreated }: AddRouteFormProps) {
  const empty = { category: '', areaId: '', partnerId: '' };
  const { busy, formError, validate, submit, values, setValues, field } = useForm(FORM_ID, FIELDS, empty);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const { category, areaId, partnerId } = values;
    const found: FieldErrors = {};
    if (!category) found.category = 'Kies een categorie';
    if (!partnerId) found.partnerId = 'Kies een partner';
    if (!validate(found)) return;
    await submit(async () => {
      const route = await api.createSignalRoute({ category, areaId: areaId || null, partnerId });
      setValues(empty);
      onCreated(route);
    });
  }

  return (
    <FormCard id={FORM_ID} title="Regel toevoegen" error={formError} onSubmit={onSubmit}>
      <SelectField
        {...field('category')}
        label="Categorie"
        placeholder="Kies een categorie"
        options={categories}
      />
      <SelectField
        {...field('areaId')}
        label="Gebied"
        placeholder="Hele gemeente"
        options={[]}
        groups={areaGroupsList}
      />
      <SelectField
        {...field('partnerId')}
        label="Partner"
        placeholder="Kies een partner"
        options={partners}
      />
      <SubmitButton busy={busy}>Regel toevoegen</SubmitButton>
    </FormCard>
  );
}

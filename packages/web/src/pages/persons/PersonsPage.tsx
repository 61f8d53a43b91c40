import { hasPermission, type Person } from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { DataTable } from '../../components/Table.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { formatDate, formatPostalCode } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { personName } from '../cases/PersonSearch.tsx';
import { NoAccessPage } from '../NotFoundPage.tsx';

const PAGE_SIZE = 25;

export function PersonsPage() {
  usePageTitle('Personen');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const offsetParam = Number(params.get('vanaf') ?? 0);
  const offset = Number.isInteger(offsetParam) && offsetParam > 0 ? offsetParam : 0;
  const loader = useCallback(
    (signal: AbortSignal) =>
      q ? api.searchPersons(q, { limit: PAGE_SIZE, offset }, signal) : Promise.resolve(null),
    [q, offset],
  );
  const persons = useApiData(loader);
  const [input, setInput] = useState(q);
  const [inputError, setInputError] = useState<string | undefined>();

  if (!hasPermission(user, 'subjects.read')) return <NoAccessPage title="Personen" />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (input.trim() === '') {
      setInputError('Vul een naam, geboortedatum of postcode in');
      document.getElementById('person-search-q')?.focus();
      return;
    }
    setInputError(undefined);
    setParams(new URLSearchParams({ q: input.trim() }));
  }

  function goToPage(next: number) {
    const copy = new URLSearchParams(params);
    if (next > 0) copy.set('vanaf', String(next));
    else copy.delete('vanaf');
    setParams(copy);
  }

  return (
    <>
      <PageHeading>Personen</PageHeading>
      <Paragraph>
        Zoek een persoon op naam, geboortedatum of postcode. Je vindt de personen die je organisatie heeft
        geregistreerd en de betrokkenen van casussen die je mag zien.
      </Paragraph>
      {hasPermission(user, 'subjects.write') && (
        <Paragraph>
          <Link
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action wr-button-link"
            to="/personen/nieuw"
          >
            Persoon registreren
          </Link>
        </Paragraph>
      )}
      <search className="wr-card wr-filters" aria-label="Personen zoeken">
        <form noValidate onSubmit={onSubmit} className="wr-form">
          <FormField
            id="person-search-q"
            label="Zoeken"
            description="Bijvoorbeeld: Jansen, 03-02-1980, 1234 AB, of een combinatie"
            error={inputError}
          >
            {(control) => (
              <div className="wr-inline-control">
                <Textbox
                  {...control}
                  type="search"
                  name="q"
                  autoComplete="off"
                  value={input}
                  onChange={(e) => setInput(e.target.value)}
                />
                <Button type="submit" appearance="primary-action">
                  Zoeken
                </Button>
              </div>
            )}
          </FormField>
        </form>
      </search>
      {persons.error && (
        <Alert type="error" role="alert">
          {persons.error}
        </Alert>
      )}
      {q && persons.loading && !persons.data && <Paragraph>Er wordt gezocht…</Paragraph>}
      {q && persons.data && (
        <div aria-busy={persons.loading || undefined}>
          <DataTable
            caption={`Zoekresultaten voor „${q}” (${persons.data.total})`}
            rows={persons.data.items}
            rowKey={(p) => p.id}
            empty="Geen personen gevonden. Controleer de spelling of zoek op geboortedatum of postcode."
            columns={personColumns}
          />
          <Pagination
            label="Paginering zoekresultaten"
            total={persons.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onPage={goToPage}
          />
        </div>
      )}
    </>
  );
}

const personColumns = [
  {
    header: 'Naam',
    cell: (p: Person) => (
      <Link className="utrecht-link utrecht-link--html-a" to={`/personen/${p.id}`}>
        {personName(p)}
      </Link>
    ),
  },
  { header: 'Geboortedatum', cell: (p: Person) => formatDate(p.birthDate) },
  { header: 'Postcode', cell: (p: Person) => (p.address ? formatPostalCode(p.address.postalCode) : '–') },
  { header: 'Woonplaats', cell: (p: Person) => p.address?.city ?? '–' },
];

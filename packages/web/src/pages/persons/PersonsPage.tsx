import { hasPermission, PERSON_SORT_FIELDS, type Person } from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Button } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { PrimaryLink, TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { orderedCaption, useSortParams } from '../../components/Sorting.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { formatDate, formatPostalCode } from '../../lib/format.ts';
import { personName } from '../../lib/subjects.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePagedParams } from '../../lib/usePaging.ts';
import { OtherSubjectsSearch } from './OtherSubjectsSearch.tsx';

const PAGE_SIZE = 25;
/** How GET /persons orders the matches of a search without `sort`. */
const USUAL_ORDER = 'beste overeenkomst eerst';

/** Searching persons, for the roles that work with subjects; anyone else reads why not (and loads nothing). */
export function PersonsPage() {
  return (
    <Permitted permission="subjects.read" title="Personen">
      <PersonsSearch />
    </Permitted>
  );
}

function PersonsSearch() {
  usePageTitle('Personen');
  const user = useUser();
  const { params, setParams, offset, paging } = usePagedParams(PAGE_SIZE);
  const q = params.get('q')?.trim() ?? '';
  const sort = useSortParams(PERSON_SORT_FIELDS);
  const { sort: field, order } = sort.query;
  const loader = useCallback(
    (signal: AbortSignal) =>
      q
        ? api.searchPersons(q, { limit: PAGE_SIZE, offset, sort: field, order }, signal)
        : Promise.resolve(null),
    [q, offset, field, order],
  );
  const persons = useApiData(loader);
  const [input, setInput] = useState(q);
  const [inputError, setInputError] = useState<string | undefined>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (input.trim() === '') {
      setInputError('Vul een naam, geboortedatum of postcode in');
      document.getElementById('person-search-q')?.focus();
      return;
    }
    setInputError(undefined);
    // A new search starts on its first page; the chosen order and the other search stay.
    const next = new URLSearchParams(params);
    next.set('q', input.trim());
    next.delete('vanaf');
    setParams(next);
  }

  return (
    <>
      <PageHeading>Personen</PageHeading>
      <Paragraph>
        Zoek een persoon op naam, geboortedatum of postcode. Je vindt de personen die je organisatie heeft
        geregistreerd en de betrokkenen van casussen die je mag zien.
      </Paragraph>
      {hasPermission(user, 'subjects.write') && (
        <PrimaryLink to="/personen/nieuw">Persoon registreren</PrimaryLink>
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
      {q && (
        <Loaded data={persons} loading="Er wordt gezocht…" busy>
          {(page) => (
            <>
              {page.more && (
                <Paragraph>
                  Er passen meer dan {page.total} personen bij „{q}”; hieronder staan de {page.total} die het
                  best passen. Maak je zoekvraag preciezer met een voornaam, geboortedatum of postcode.
                </Paragraph>
              )}
              <PagedTable
                caption={orderedCaption(
                  `Zoekresultaten voor „${q}” (${page.more ? `meer dan ${page.total}` : page.total})`,
                  field,
                  USUAL_ORDER,
                )}
                sorting={sort.table}
                usualOrder={USUAL_ORDER}
                page={page}
                empty="Geen personen gevonden. Controleer de spelling of zoek op geboortedatum of postcode."
                columns={personColumns}
                pagingLabel="Paginering zoekresultaten"
                paging={paging}
              />
            </>
          )}
        </Loaded>
      )}
      <OtherSubjectsSearch canRegister={hasPermission(user, 'subjects.write')} />
    </>
  );
}

const personColumns = [
  {
    // Sorted on the surname, then the first name.
    header: 'Naam',
    sort: 'name',
    cell: (p: Person) => <TextLink to={`/personen/${p.id}`}>{personName(p)}</TextLink>,
  },
  { header: 'Geboortedatum', sort: 'birthDate', cell: (p: Person) => formatDate(p.birthDate) },
  {
    header: 'Postcode',
    sort: 'postalCode',
    cell: (p: Person) => (p.address ? formatPostalCode(p.address.postalCode) : '–'),
  },
  { header: 'Woonplaats', sort: 'city', cell: (p: Person) => p.address?.city ?? '–' },
];

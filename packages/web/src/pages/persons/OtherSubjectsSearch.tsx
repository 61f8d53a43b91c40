import { type OtherSubjectKind, SUBJECT_SORT_FIELDS, type Subject } from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Section } from '../../components/Section.tsx';
import { orderedCaption, useSortParams } from '../../components/Sorting.tsx';
import { DataTable } from '../../components/Table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { subjectPath } from '../../lib/subjects.ts';
import { useApiData } from '../../lib/useApiData.ts';

const KINDS: { value: OtherSubjectKind; label: string }[] = [
  { value: 'household', label: 'Huishoudens' },
  { value: 'group', label: 'Groepen' },
  { value: 'location', label: 'Locaties' },
];

const LIMIT = 50;
/** How the lists of households, groups and locations are ordered without `sort`. */
const USUAL_ORDER = 'op naam';
/**
 * The search is in the URL beside the persons' search (`overig` the kind, `overig-naam` the name,
 * `overig-sorteer` and `overig-volgorde` the order), so a reload or the back button keeps it.
 */
const PREFIX = 'overig';
const KIND_PARAM = PREFIX;
const NAME_PARAM = `${PREFIX}-naam`;

const kindOf = (value: string | null): OtherSubjectKind | undefined =>
  KINDS.find((k) => k.value === value)?.value;
const labelOf = (kind: OtherSubjectKind) => KINDS.find((k) => k.value === kind)?.label ?? kind;

/** Finds households, groups and locations by part of their name (the ones the user may see). */
export function OtherSubjectsSearch({ canRegister }: { canRegister: boolean }) {
  const [params, setParams] = useSearchParams();
  const searched = kindOf(params.get(KIND_PARAM));
  const searchedName = params.get(NAME_PARAM)?.trim() || undefined;
  const sort = useSortParams(SUBJECT_SORT_FIELDS, PREFIX);
  const { sort: field, order } = sort.query;
  const [kind, setKind] = useState<OtherSubjectKind>(searched ?? 'household');
  const [q, setQ] = useState(searchedName ?? '');

  const loader = useCallback(
    (signal: AbortSignal) =>
      searched
        ? api.listSubjects(searched, { limit: LIMIT, offset: 0, sort: field, order }, signal, searchedName)
        : Promise.resolve(null),
    [searched, searchedName, field, order],
  );
  const found = useApiData(loader, 'Zoeken is niet gelukt.');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.set(KIND_PARAM, kind);
    if (q.trim()) next.set(NAME_PARAM, q.trim());
    else next.delete(NAME_PARAM);
    setParams(next);
  }

  const list = searched ? found.data : null;
  return (
    <Section id="other-subjects" title="Huishoudens, groepen en locaties" className="wr-card">
      {canRegister && (
        <ul className="wr-plain-list wr-inline-links">
          <li>
            <TextLink to="/huishoudens/nieuw">Huishouden registreren</TextLink>
          </li>
          <li>
            <TextLink to="/groepen/nieuw">Groep registreren</TextLink>
          </li>
          <li>
            <TextLink to="/locaties/nieuw">Locatie registreren</TextLink>
          </li>
        </ul>
      )}
      <form
        noValidate
        onSubmit={onSubmit}
        className="wr-form"
        aria-label="Huishoudens, groepen en locaties zoeken"
      >
        <SelectField
          id="other-subjects-kind"
          label="Soort"
          options={KINDS}
          value={kind}
          onValue={(v) => setKind(kindOf(v) ?? 'household')}
        />
        <TextField
          id="other-subjects-q"
          label="Naam (of een deel ervan)"
          description="Leeg laten toont alles wat je mag zien"
          type="search"
          autoComplete="off"
          value={q}
          error={(searched && found.error) || undefined}
          onValue={setQ}
        />
        <Button type="submit" appearance="secondary-action" busy={Boolean(searched) && found.loading}>
          Zoeken
        </Button>
      </form>
      <div role="status">
        {searched && list && (
          <Paragraph>
            {list.total === 0
              ? `Geen ${labelOf(searched).toLowerCase()} gevonden.`
              : `${list.total} gevonden${list.total > list.items.length ? `; de eerste ${list.items.length} staan hieronder` : ''}.`}
          </Paragraph>
        )}
      </div>
      {searched && (
        <Loaded data={{ ...found, error: null }} loading="Er wordt gezocht…" busy>
          {(page) =>
            page.items.length > 0 && (
              <DataTable
                caption={orderedCaption(
                  `Gevonden: ${labelOf(searched).toLowerCase()} (${page.total})`,
                  field,
                  USUAL_ORDER,
                )}
                sorting={sort.table}
                usualOrder={USUAL_ORDER}
                rows={page.items}
                columns={subjectColumns}
              />
            )
          }
        </Loaded>
      )}
    </Section>
  );
}

const subjectColumns = [
  {
    header: 'Naam',
    sort: 'name',
    cell: (s: Subject) => <TextLink to={subjectPath(s) ?? '/personen'}>{s.name}</TextLink>,
  },
  {
    header: 'Geregistreerd',
    sort: 'createdAt',
    cell: (s: Subject) => <span className="wr-nowrap">{formatDateTime(s.createdAt)}</span>,
  },
];

import type { Person, SubjectKind, SubjectRef } from '@wijkregie/shared';
import { type KeyboardEvent, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api, type OtherSubjectKind, type Subject } from '../../api/endpoints.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { cx } from '../../components/classNames.ts';
import { FormField } from '../../components/FormField.tsx';
import { Select } from '../../components/Select.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDate, formatPostalCode } from '../../lib/format.ts';
import { subjectKindLabel } from '../../lib/subjects.ts';
import { useApiData } from '../../lib/useApiData.ts';

/** A chosen subject with the name to show. */
export interface ChosenSubject extends SubjectRef {
  label: string;
}

const LIST_LIMIT = 200;
const loadOthers = (signal: AbortSignal) =>
  Promise.all(
    (['household', 'group', 'location'] as const).map((kind) =>
      api.listSubjects(kind, { limit: LIST_LIMIT, offset: 0 }, signal),
    ),
  ).then(([household, group, location]) => ({ household, group, location }));

const OTHER_LABELS: Record<OtherSubjectKind, { label: string; placeholder: string; none: string }> = {
  household: {
    label: 'Huishouden',
    placeholder: 'Kies een huishouden',
    none: 'Er zijn geen huishoudens die je mag zien.',
  },
  group: { label: 'Groep', placeholder: 'Kies een groep', none: 'Er zijn geen groepen die je mag zien.' },
  location: {
    label: 'Locatie',
    placeholder: 'Kies een locatie',
    none: 'Er zijn geen locaties die je mag zien.',
  },
};

export function personName(p: Pick<Person, 'firstName' | 'lastName'>): string {
  return `${p.firstName} ${p.lastName}`;
}

export interface SubjectPickerProps {
  id: string;
  chosen: readonly ChosenSubject[];
  onChange: (next: ChosenSubject[]) => void;
  error?: string | undefined;
}

/**
 * Betrokkenen kiezen: persons through a search, households, groups and locations from a list.
 * Lives inside the case form, so it has no form of its own: Enter in the search box searches.
 */
export function SubjectPicker({ id, chosen, onChange, error }: SubjectPickerProps) {
  const others = useApiData(loadOthers);
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Person[] | null>(null);
  const [total, setTotal] = useState(0);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<Record<OtherSubjectKind, string>>({
    household: '',
    group: '',
    location: '',
  });
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  const isChosen = (kind: SubjectKind, subjectId: string) =>
    chosen.some((c) => c.kind === kind && c.id === subjectId);

  function add(subject: ChosenSubject) {
    if (isChosen(subject.kind, subject.id)) return;
    onChange([...chosen, subject]);
    setAnnouncement(`${subject.label} is toegevoegd als betrokkene.`);
  }

  function remove(subject: ChosenSubject) {
    onChange(chosen.filter((c) => !(c.kind === subject.kind && c.id === subject.id)));
    setAnnouncement(`${subject.label} is verwijderd als betrokkene.`);
    summaryRef.current?.focus();
  }

  async function search() {
    setSearchError(null);
    if (q.trim() === '') {
      setSearchError('Vul een naam, geboortedatum of postcode in');
      return;
    }
    setSearching(true);
    try {
      const found = await api.searchPersons(q.trim(), { limit: 20, offset: 0 });
      setResults(found.items);
      setTotal(found.total);
    } catch (e) {
      setSearchError(e instanceof ApiError ? e.problem.detail : 'Zoeken is niet gelukt.');
    } finally {
      setSearching(false);
    }
  }

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void search();
    }
  }

  const errorId = error ? `${id}-error` : undefined;
  return (
    <div
      className={cx(
        'utrecht-form-fieldset',
        'wr-field',
        'wr-picker',
        error && 'utrecht-form-fieldset--invalid',
      )}
    >
      <fieldset
        id={id}
        aria-describedby={errorId}
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          Betrokkenen
        </legend>
        {error && (
          <div id={errorId} className="utrecht-form-field-error-message">
            {error}
          </div>
        )}
        <p ref={summaryRef} tabIndex={-1} className="utrecht-paragraph wr-picker__summary">
          {chosen.length === 0 ? 'Nog geen betrokkenen gekozen.' : `Gekozen betrokkenen (${chosen.length}):`}
        </p>
        {chosen.length > 0 && (
          <ul className="wr-chosen">
            {chosen.map((subject) => (
              <li key={`${subject.kind}-${subject.id}`} className="wr-chosen__item">
                <span>
                  <span className="wr-chosen__kind">{subjectKindLabel(subject.kind)}:</span> {subject.label}
                </span>
                <Button appearance="subtle" onClick={() => remove(subject)}>
                  Verwijderen<VisuallyHidden> {subject.label}</VisuallyHidden>
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="wr-picker__search">
          <FormField
            id={`${id}-person-q`}
            label="Persoon zoeken"
            description="Naam, geboortedatum (bijv. 03-02-1980) of postcode"
            error={searchError ?? undefined}
          >
            {(control) => (
              <div className="wr-inline-control">
                <Textbox
                  {...control}
                  type="search"
                  value={q}
                  autoComplete="off"
                  onChange={(e) => setQ(e.target.value)}
                  onKeyDown={onSearchKey}
                />
                <Button appearance="secondary-action" busy={searching} onClick={() => void search()}>
                  Zoek persoon
                </Button>
              </div>
            )}
          </FormField>
          {results && (
            <div className="wr-picker__results">
              <p className="utrecht-paragraph" role="status">
                {results.length === 0
                  ? 'Geen personen gevonden.'
                  : total > results.length
                    ? `${total} personen gevonden; de eerste ${results.length} staan hieronder. Zoek specifieker.`
                    : `${total} ${total === 1 ? 'persoon' : 'personen'} gevonden.`}
              </p>
              {results.length > 0 && (
                <ul className="wr-chosen wr-chosen--results" aria-label="Gevonden personen">
                  {results.map((p) => {
                    const name = personName(p);
                    const already = isChosen('person', p.id);
                    return (
                      <li key={p.id} className="wr-chosen__item">
                        <span>
                          {name}
                          <span className="wr-muted">
                            {' '}
                            · {p.birthDate ? formatDate(p.birthDate) : 'geboortedatum onbekend'}
                            {p.address ? ` · ${formatPostalCode(p.address.postalCode)}` : ''}
                          </span>
                        </span>
                        <Button
                          appearance="secondary-action"
                          aria-disabled={already || undefined}
                          className={already ? 'wr-button--inert' : undefined}
                          onClick={() => add({ kind: 'person', id: p.id, label: name })}
                        >
                          {already ? 'Toegevoegd' : 'Toevoegen'}
                          <VisuallyHidden> {name}</VisuallyHidden>
                        </Button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          )}
        </div>
        {others.error && (
          <Alert type="error" role="alert">
            {others.error}
          </Alert>
        )}
        {others.data && (
          <div className="wr-picker__others">
            {(['household', 'group', 'location'] as const).map((kind) => {
              const list: Subject[] = others.data?.[kind]?.items ?? [];
              const text = OTHER_LABELS[kind];
              if (list.length === 0) {
                return (
                  <p key={kind} className="utrecht-paragraph wr-muted">
                    {text.none}
                  </p>
                );
              }
              return (
                <FormField key={kind} id={`${id}-${kind}`} label={text.label}>
                  {(control) => (
                    <div className="wr-inline-control">
                      <Select
                        {...control}
                        placeholder={text.placeholder}
                        options={list.map((s) => ({ value: s.id, label: s.name }))}
                        value={picked[kind]}
                        onChange={(e) => setPicked((current) => ({ ...current, [kind]: e.target.value }))}
                      />
                      <Button
                        appearance="secondary-action"
                        onClick={() => {
                          const subject = list.find((s) => s.id === picked[kind]);
                          if (subject) add({ kind, id: subject.id, label: subject.name });
                          else setAnnouncement(`Kies eerst een ${text.label.toLowerCase()}.`);
                        }}
                      >
                        {text.label} toevoegen
                      </Button>
                    </div>
                  )}
                </FormField>
              );
            })}
          </div>
        )}
        <div role="status" className="wr-visually-hidden">
          {announcement}
        </div>
      </fieldset>
    </div>
  );
}

import type { Person } from '@wijkregie/shared';
import { type KeyboardEvent, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { Button } from '../../components/Button.tsx';
import { cx } from '../../components/classNames.ts';
import { FormField } from '../../components/FormField.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDate, formatPostalCode } from '../../lib/format.ts';
import { personName } from '../cases/SubjectPicker.tsx';

export interface ChosenPerson {
  id: string;
  label: string;
}

export interface PersonPickerProps {
  id: string;
  chosen: readonly ChosenPerson[];
  onChange: (next: ChosenPerson[]) => void;
  error?: string | undefined;
}

/**
 * "Betrokken personen": search persons (GET /persons?q=) and add them. Lives inside the signal form, so it
 * has no form of its own: Enter in the search box searches.
 */
export function PersonPicker({ id, chosen, onChange, error }: PersonPickerProps) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Person[] | null>(null);
  const [total, setTotal] = useState(0);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  function add(person: ChosenPerson) {
    if (chosen.some((c) => c.id === person.id)) return;
    onChange([...chosen, person]);
    setAnnouncement(`${person.label} is toegevoegd.`);
  }

  function remove(person: ChosenPerson) {
    onChange(chosen.filter((c) => c.id !== person.id));
    setAnnouncement(`${person.label} is verwijderd.`);
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
          Betrokken personen (niet verplicht)
        </legend>
        {error && (
          <div id={errorId} className="utrecht-form-field-error-message">
            {error}
          </div>
        )}
        <p ref={summaryRef} tabIndex={-1} className="utrecht-paragraph wr-picker__summary">
          {chosen.length === 0 ? 'Nog geen personen gekozen.' : `Gekozen personen (${chosen.length}):`}
        </p>
        {chosen.length > 0 && (
          <ul className="wr-chosen">
            {chosen.map((person) => (
              <li key={person.id} className="wr-chosen__item">
                <span>{person.label}</span>
                <Button appearance="subtle" onClick={() => remove(person)}>
                  Verwijderen<VisuallyHidden> {person.label}</VisuallyHidden>
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="wr-picker__search">
          <FormField
            id={`${id}-q`}
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
                    const already = chosen.some((c) => c.id === p.id);
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
                          onClick={() => add({ id: p.id, label: name })}
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
        <div role="status" className="wr-visually-hidden">
          {announcement}
        </div>
      </fieldset>
    </div>
  );
}

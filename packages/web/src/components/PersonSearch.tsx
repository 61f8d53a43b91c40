import type { Person } from '@wijkregie/shared';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { formatDate, formatPostalCode } from '../lib/format.ts';
import { personName } from '../lib/subjects.ts';
import { Button } from './Button.tsx';
import { Fieldset } from './Fieldset.tsx';
import { FormField } from './FormField.tsx';
import { Textbox } from './Textbox.tsx';
import { VisuallyHidden } from './VisuallyHidden.tsx';

export interface PickerFieldsetProps<T> {
  id: string;
  legend: string;
  error?: string | undefined;
  /** "Nog geen … gekozen." or "Gekozen … (n):"; it gets the focus when a chosen item is removed. */
  summary: string;
  chosen: readonly T[];
  itemKey: (item: T) => string;
  itemText: (item: T) => ReactNode;
  itemLabel: (item: T) => string;
  onRemove: (item: T) => void;
  /** Said by screen readers: what was added or removed. */
  announcement: string | null;
  children: ReactNode;
}

/**
 * The group of a picker inside a form: the chosen items with a remove button each, then the ways to add
 * (children). A picker has no form of its own.
 */
export function PickerFieldset<T>({
  id,
  legend,
  error,
  summary,
  chosen,
  itemKey,
  itemText,
  itemLabel,
  onRemove,
  announcement,
  children,
}: PickerFieldsetProps<T>) {
  const summaryRef = useRef<HTMLParagraphElement>(null);
  return (
    <Fieldset id={id} legend={legend} error={error} className="wr-picker">
      <p ref={summaryRef} tabIndex={-1} className="utrecht-paragraph wr-picker__summary">
        {summary}
      </p>
      {chosen.length > 0 && (
        <ul className="wr-chosen">
          {chosen.map((item) => (
            <li key={itemKey(item)} className="wr-chosen__item">
              <span>{itemText(item)}</span>
              <Button
                appearance="subtle"
                onClick={() => {
                  onRemove(item);
                  summaryRef.current?.focus();
                }}
              >
                Verwijderen<VisuallyHidden> {itemLabel(item)}</VisuallyHidden>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {children}
      <div role="status" className="wr-visually-hidden">
        {announcement}
      </div>
    </Fieldset>
  );
}

export interface PersonSearchProps {
  /** The id of the search box. */
  id: string;
  isChosen: (personId: string) => boolean;
  onAdd: (person: Person, name: string) => void;
}

/** Search persons (GET /persons?q=) and add one; Enter in the search box searches. */
export function PersonSearch({ id, isChosen, onAdd }: PersonSearchProps) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Person[] | null>(null);
  const [total, setTotal] = useState(0);
  // Past the search's cap the server ranks `total` persons and says `more` fit.
  const [more, setMore] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

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
      setMore(found.more);
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

  return (
    <div className="wr-picker__search">
      <FormField
        id={id}
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
              : more || total > results.length
                ? `${more ? `Meer dan ${total}` : total} personen gevonden; de ${results.length} die het best passen staan hieronder. Zoek specifieker.`
                : `${total} ${total === 1 ? 'persoon' : 'personen'} gevonden.`}
          </p>
          {results.length > 0 && (
            <ul className="wr-chosen wr-chosen--results" aria-label="Gevonden personen">
              {results.map((p) => {
                const name = personName(p);
                const already = isChosen(p.id);
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
                      onClick={() => onAdd(p, name)}
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
  );
}

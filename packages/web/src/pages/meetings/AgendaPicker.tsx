import type { Case } from '@wijkregie/shared';
import { type KeyboardEvent, useCallback, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Choice.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { useApiData } from '../../lib/useApiData.ts';

const CASE_SEARCH_LIMIT = 50;

export type CaseChoice = Pick<Case, 'id' | 'reference' | 'title'>;

function caseLabel(c: CaseChoice): string {
  return `${c.reference} ${c.title}`;
}

interface AgendaPickerProps {
  /** The form's id: the group is `<formId>-caseIds`. */
  formId: string;
  chosen: readonly CaseChoice[];
  onChange: (chosen: CaseChoice[]) => void;
  error: string | undefined;
}

/** The cases on the agenda: search the cases the user may see and tick them (a new meeting, or a change of its agenda). */
export function AgendaPicker({ formId, chosen, onChange, error }: AgendaPickerProps) {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listCases({ q: search || undefined }, { limit: CASE_SEARCH_LIMIT, offset: 0 }, signal),
    [search],
  );
  const cases = useApiData(loader, 'De casussen konden niet worden geladen.');
  const results = cases.data?.items ?? null;
  const total = cases.data?.total ?? 0;

  // A case once ticked stays in the list when unticked (also outside the current search results), so
  // taking one off the agenda by mistake is undone with one more tick.
  const [kept, setKept] = useState<CaseChoice[]>(() => [...chosen]);
  const chosenIds = new Set(chosen.map((c) => c.id));
  const shown = [...kept, ...chosen.filter((c) => !kept.some((k) => k.id === c.id))];
  const shownIds = new Set(shown.map((c) => c.id));
  const others = (results ?? []).filter((c) => !shownIds.has(c.id));

  function toggle(c: CaseChoice, checked: boolean) {
    if (checked && !kept.some((k) => k.id === c.id)) setKept([...kept, c]);
    onChange(checked ? [...chosen, c] : chosen.filter((x) => x.id !== c.id));
  }

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      setSearch(q.trim());
    }
  }

  return (
    <Fieldset
      id={`${formId}-caseIds`}
      legend="Casussen op de agenda"
      description="Alleen casussen die je mag zien. Zoek op kenmerk of titel."
      error={error}
    >
      <div className="wr-inline-control">
        <label className="wr-visually-hidden" htmlFor={`${formId}-case-search`}>
          Casus zoeken
        </label>
        <Textbox
          id={`${formId}-case-search`}
          type="search"
          autoComplete="off"
          placeholder="Kenmerk of titel"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <Button onClick={() => setSearch(q.trim())}>
          Zoeken<span className="wr-visually-hidden"> casussen</span>
        </Button>
      </div>
      {cases.error && <Alert type="error">{cases.error}</Alert>}
      <p className="utrecht-paragraph wr-muted" aria-live="polite">
        {results === null
          ? 'De casussen worden geladen…'
          : `${chosen.length} gekozen. ${total > CASE_SEARCH_LIMIT ? `De eerste ${CASE_SEARCH_LIMIT} van ${total} casussen; zoek om te verfijnen.` : `${total} ${total === 1 ? 'casus' : 'casussen'} gevonden.`}`}
      </p>
      <div className="wr-case-choices">
        {[...shown, ...others].map((c) => (
          <Checkbox
            key={c.id}
            id={`${formId}-case-${c.id}`}
            name="caseIds"
            value={c.id}
            label={caseLabel(c)}
            checked={chosenIds.has(c.id)}
            onChange={(e) => toggle({ id: c.id, reference: c.reference, title: c.title }, e.target.checked)}
          />
        ))}
      </div>
    </Fieldset>
  );
}

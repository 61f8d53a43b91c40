import type { OtherSubjectKind, Subject, SubjectKind, SubjectRef } from '@wijkregie/shared';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { PersonSearch, PickerFieldset } from '../../components/PersonSearch.tsx';
import { Select } from '../../components/Select.tsx';
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
  const [picked, setPicked] = useState<Record<OtherSubjectKind, string>>({
    household: '',
    group: '',
    location: '',
  });
  const [announcement, setAnnouncement] = useState<string | null>(null);

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
  }

  return (
    <PickerFieldset
      id={id}
      legend="Betrokkenen"
      error={error}
      summary={
        chosen.length === 0 ? 'Nog geen betrokkenen gekozen.' : `Gekozen betrokkenen (${chosen.length}):`
      }
      chosen={chosen}
      itemKey={(subject) => `${subject.kind}-${subject.id}`}
      itemText={(subject) => (
        <>
          <span className="wr-chosen__kind">{subjectKindLabel(subject.kind)}:</span> {subject.label}
        </>
      )}
      itemLabel={(subject) => subject.label}
      onRemove={remove}
      announcement={announcement}
    >
      <PersonSearch
        id={`${id}-person-q`}
        isChosen={(personId) => isChosen('person', personId)}
        onAdd={(p, name) => add({ kind: 'person', id: p.id, label: name })}
      />
      <ErrorAlert message={others.error} />
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
    </PickerFieldset>
  );
}

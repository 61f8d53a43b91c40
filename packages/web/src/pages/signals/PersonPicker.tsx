import { useState } from 'react';
import { PersonSearch, PickerFieldset } from '../../components/PersonSearch.tsx';

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
  const [announcement, setAnnouncement] = useState<string | null>(null);

  function add(person: ChosenPerson) {
    if (chosen.some((c) => c.id === person.id)) return;
    onChange([...chosen, person]);
    setAnnouncement(`${person.label} is toegevoegd.`);
  }

  function remove(person: ChosenPerson) {
    onChange(chosen.filter((c) => c.id !== person.id));
    setAnnouncement(`${person.label} is verwijderd.`);
  }

  return (
    <PickerFieldset
      id={id}
      legend="Betrokken personen (niet verplicht)"
      error={error}
      summary={chosen.length === 0 ? 'Nog geen personen gekozen.' : `Gekozen personen (${chosen.length}):`}
      chosen={chosen}
      itemKey={(person) => person.id}
      itemText={(person) => person.label}
      itemLabel={(person) => person.label}
      onRemove={remove}
      announcement={announcement}
    >
      <PersonSearch
        id={`${id}-q`}
        isChosen={(personId) => chosen.some((c) => c.id === personId)}
        onAdd={(p, name) => add({ id: p.id, label: name })}
      />
    </PickerFieldset>
  );
}

import type { Area } from '@wijkregie/shared';
import { useState } from 'react';
import { AreaMap, centreOf, type Point } from './AreaMap.tsx';
import { SelectField } from './fields.tsx';

export interface PinOrBuurtProps {
  /** The form's id: the buurt choice is `${formId}-buurt`. */
  formId: string;
  areas: readonly Area[];
  value: Point | null;
  onChange: (point: Point | null) => void;
}

/**
 * Where something happened: a pin on the map of the buurten, or — for whoever does not use the map and
 * knows no address — the middle of a buurt chosen from a list. Choosing on the map clears the list.
 */
export function PinOrBuurt({ formId, areas, value, onChange }: PinOrBuurtProps) {
  const [buurtId, setBuurtId] = useState('');
  const buurten = areas.filter((a) => a.kind === 'buurt').sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <>
      <AreaMap
        areas={areas}
        value={value}
        onChange={(next) => {
          onChange(next);
          setBuurtId('');
        }}
      />
      <SelectField
        id={`${formId}-buurt`}
        label="Of zet de speld midden in een buurt"
        description="Voor wie de kaart niet gebruikt en geen adres weet"
        placeholder="Geen buurt gekozen"
        options={buurten.map((b) => ({ value: b.id, label: b.name }))}
        value={buurtId}
        onChange={(e) => {
          setBuurtId(e.target.value);
          const area = buurten.find((b) => b.id === e.target.value);
          const centre = area ? centreOf(area) : null;
          onChange(
            centre ? { lat: Number(centre.lat.toFixed(6)), lng: Number(centre.lng.toFixed(6)) } : null,
          );
        }}
      />
    </>
  );
}

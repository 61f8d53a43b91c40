import { createIncidentSchema, type Incident } from '@wijkregie/shared';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { Alert } from '../../components/Alert.tsx';
import type { Point } from '../../components/AreaMap.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormPage } from '../../components/FormCard.tsx';
import { SelectField, TextareaField, TextField } from '../../components/fields.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { PinOrBuurt } from '../../components/PinOrBuurt.tsx';
import { keyedOptions } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

const FORM_ID = 'incident';
const FIELDS = [
  'category',
  'occurredAt',
  'address',
  'lat',
  'lng',
  'description',
  'source',
  'externalId',
] as const;
const EMPTY = {
  category: '',
  occurredAt: '',
  address: '',
  description: '',
  source: 'Eigen waarneming',
  externalId: '',
};

const loadAreas = (signal: AbortSignal) => api.listAreas(signal);
const loadCategories = (signal: AbortSignal) => api.listIncidentCategories(signal);

export function NewIncidentPage() {
  return (
    <Permitted permission="incidents.write" title="Incident vastleggen">
      <NewIncident />
    </Permitted>
  );
}

/**
 * An incident entered by hand: what kind, when, where (an address or a pin) — a place, never a person.
 * After saving the form is empty again for the next one, with where the last one landed.
 */
function NewIncident() {
  usePageTitle('Incident vastleggen');
  const areas = useApiData(loadAreas);
  const categories = useApiData(loadCategories);
  const [point, setPoint] = useState<Point | null>(null);
  const [saved, setSaved] = useState<Incident | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const { busy, formError, errors, checked, submit, values, setValues, field } = useForm(
    FORM_ID,
    FIELDS,
    EMPTY,
    { leaf: true },
  );
  const areaItems = areas.data?.items ?? [];
  const savedArea = saved?.areaId ? areaItems.find((a) => a.id === saved.areaId) : undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const optional = (v: string) => (v.trim() ? v : undefined);
    const body = checked(createIncidentSchema, {
      category: values.category,
      occurredAt: values.occurredAt ? new Date(values.occurredAt).toISOString() : undefined,
      address: optional(values.address),
      ...(point ?? {}),
      description: optional(values.description),
      source: values.source,
      externalId: optional(values.externalId),
    });
    if (!body) return;
    await submit(async () => {
      const created = await api.createIncident(body);
      setSaved(created);
      setValues({ ...EMPTY, source: values.source });
      setPoint(null);
      // The confirmation takes focus, so that it is read out and the next one starts from there.
      window.setTimeout(() => savedRef.current?.focus(), 0);
    });
  }

  return (
    <FormPage
      id={FORM_ID}
      title="Incident vastleggen"
      back={{ to: '/wijkbeeld', label: 'Wijkbeeld' }}
      intro={
        <>
          Leg een gebeurtenis op een plek vast, zoals overlast, een inbraak of vernieling. Een incident gaat
          over een plek, nooit over een persoon: noem geen namen.
        </>
      }
      error={formError}
      onSubmit={onSubmit}
    >
      <div ref={savedRef} tabIndex={-1} className="wr-focus-target" role="status">
        {saved && (
          <Alert type="ok" heading="Het incident is vastgelegd">
            {savedArea ? (
              <>
                In buurt {savedArea.name}.{' '}
                <Link to={`/wijkbeeld?gebied=${savedArea.id}`}>
                  Bekijk het wijkbeeld van {savedArea.name}
                </Link>
              </>
            ) : (
              'Zonder punt op de kaart telt het niet mee in het beeld van een buurt.'
            )}
          </Alert>
        )}
      </div>
      <SelectField
        {...field('category')}
        label="Soort incident"
        placeholder="Kies een soort"
        options={keyedOptions(categories.data?.items)}
      />
      <TextField
        {...field('occurredAt')}
        label="Wanneer"
        description="Datum en tijd waarop het gebeurde"
        type="datetime-local"
      />
      <Fieldset
        id={`${FORM_ID}-place`}
        legend="Waar"
        description="Een adres of een speld op de kaart; de buurt volgt uit de speld."
        error={errors.lat ?? errors.lng}
      >
        <TextField {...field('address')} label="Adres (niet verplicht met een speld)" autoComplete="off" />
        {areas.error && <Alert type="warning">De kaart kon niet worden geladen: {areas.error}</Alert>}
        {areaItems.length > 0 && (
          <PinOrBuurt formId={FORM_ID} areas={areaItems} value={point} onChange={setPoint} />
        )}
      </Fieldset>
      <TextareaField
        {...field('description')}
        label="Omschrijving (niet verplicht)"
        description="Wat er gebeurde, zonder namen"
      />
      <TextField
        {...field('source')}
        label="Bron"
        description="Wie het zag of registreerde, bijvoorbeeld ‘Politie’ of ‘Handhaving’"
      />
      <TextField
        {...field('externalId')}
        label="Nummer bij de bron (niet verplicht)"
        description="Het registratienummer van de bron: hetzelfde nummer twee keer wordt geweigerd"
      />
      <SubmitButton busy={busy}>Incident vastleggen</SubmitButton>
    </FormPage>
  );
}

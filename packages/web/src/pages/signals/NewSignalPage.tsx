import { createSignalSchema, SIGNAL_SOURCE_LABELS, SIGNAL_SOURCES } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import {
  ADDRESS_FIELDS,
  AddressFields,
  addressInput,
  EMPTY_ADDRESS,
} from '../../components/AddressFields.tsx';
import { Alert } from '../../components/Alert.tsx';
import type { Point } from '../../components/AreaMap.tsx';
import { FileField, useFileChoice } from '../../components/Attachments.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choice.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormPage } from '../../components/FormCard.tsx';
import { SelectField, TextareaField, TextField } from '../../components/fields.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { PinOrBuurt } from '../../components/PinOrBuurt.tsx';
import { codeOptions, keyedOptions } from '../../lib/format.ts';
import { useSignalCategories } from '../../lib/signals.ts';
import { DOCUMENT_RULES } from '../../lib/uploads.ts';
import { useApiData } from '../../lib/useApiData.ts';
import type { FlashState } from '../../lib/useFlashMessage.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';
import { type ChosenPerson, PersonPicker } from './PersonPicker.tsx';
import { SignalsNav } from './SignalParts.tsx';

const FORM_ID = 'signal';
const FIELDS = [
  'category',
  'description',
  'source',
  'occurredAt',
  ...ADDRESS_FIELDS,
  'lat',
  'lng',
  'personIds',
  'file',
] as const;

const SOURCE_OPTIONS = codeOptions(SIGNAL_SOURCES, SIGNAL_SOURCE_LABELS);

const loadAreas = (signal: AbortSignal) => api.listAreas(signal);

export function NewSignalPage() {
  return (
    <Permitted permission="signals.write" title="Nieuw signaal">
      <NewSignal />
    </Permitted>
  );
}

function NewSignal() {
  usePageTitle('Nieuw signaal');
  const navigate = useNavigate();
  const categories = useSignalCategories();
  const areas = useApiData(loadAreas);

  const [point, setPoint] = useState<Point | null>(null);
  const [persons, setPersons] = useState<ChosenPerson[]>([]);
  // Photos or documents go with the signal in one request: stored together, or not at all.
  const attachments = useFileChoice(DOCUMENT_RULES);
  // The form gives way to what comes next, so it stays busy after a success.
  const { busy, formError, errors, validate, submit, values, field } = useForm(
    FORM_ID,
    FIELDS,
    { category: '', description: '', source: 'professional', occurredAt: '', ...EMPTY_ADDRESS },
    { leaf: true, keepBusyOnSuccess: true },
  );

  const areaItems = areas.data?.items ?? [];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { category, description, source, occurredAt } = values;
    const location = { ...addressInput(values), ...(point ?? {}) };
    const parsed = createSignalSchema.safeParse({
      category,
      description,
      source,
      occurredAt: occurredAt ? new Date(occurredAt).toISOString() : undefined,
      location: Object.keys(location).length > 0 ? location : undefined,
      personIds: persons.length > 0 ? persons.map((p) => p.id) : undefined,
    });
    const fileProblem = attachments.problem();
    if (!parsed.success || fileProblem) {
      validate({
        ...(parsed.success ? {} : issuesToFieldErrors(parsed.error, { leaf: true })),
        ...(fileProblem ? { file: fileProblem } : {}),
      });
      return;
    }
    validate({});
    await submit(async () => {
      const created = await api.createSignal(parsed.data, attachments.files);
      const state: FlashState = { message: 'Het signaal is gemeld.' };
      void navigate(`/signalen/${created.id}`, { state });
    });
  }

  return (
    <>
      <SignalsNav />
      <FormPage
        id={FORM_ID}
        title="Nieuw signaal"
        back={{ to: '/signalen', label: 'Signalen' }}
        intro={
          <>
            Leg vast wat je hebt gezien of gehoord. Het signaal wordt naar de juiste partner gerouteerd en
            krijgt een termijn voor het eerste contact.
          </>
        }
        error={formError}
        onSubmit={onSubmit}
      >
        <SelectField
          {...field('category')}
          label="Categorie"
          placeholder="Kies een categorie"
          options={keyedOptions(categories.data?.items)}
        />
        <TextareaField
          {...field('description')}
          label="Omschrijving"
          description="Wat is er aan de hand? Alleen wat nodig is om het op te volgen."
        />
        <RadioGroup {...field('source')} legend="Bron" layout="row" options={SOURCE_OPTIONS} />
        <TextField
          {...field('occurredAt')}
          label="Wanneer (niet verplicht)"
          description="Datum en tijd waarop het gebeurde of werd opgemerkt"
          type="datetime-local"
        />
        <Fieldset
          id={`${FORM_ID}-location`}
          legend="Waar (niet verplicht)"
          description="Geef het adres en wijs de plek aan op de kaart: de buurt, en daarmee de partner naar wie het signaal gaat, volgt uit de speld."
          error={errors.lat ?? errors.lng}
        >
          <AddressFields field={field} />
          {areas.error && <Alert type="warning">De kaart kon niet worden geladen: {areas.error}</Alert>}
          {areaItems.length > 0 && (
            <PinOrBuurt formId={FORM_ID} areas={areaItems} value={point} onChange={setPoint} />
          )}
        </Fieldset>
        <PersonPicker
          id={`${FORM_ID}-personIds`}
          chosen={persons}
          onChange={setPersons}
          error={errors.personIds}
        />
        <FileField
          id={`${FORM_ID}-file`}
          label="Foto's of documenten (niet verplicht)"
          error={errors.file}
          {...attachments.field}
        />
        <SubmitButton busy={busy}>Signaal melden</SubmitButton>
      </FormPage>
    </>
  );
}

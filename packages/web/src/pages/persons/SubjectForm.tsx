import {
  createGroupSchema,
  createHouseholdSchema,
  createLocationSchema,
  GROUP_CLASSIFICATIONS,
  type OtherSubjectKind,
  type Subject,
  updateGroupSchema,
  updateHouseholdSchema,
  updateLocationSchema,
} from '@wijkregie/shared';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ADDRESS_FIELDS, AddressFields } from '../../components/AddressFields.tsx';
import { ErrorAlert } from '../../components/Alert.tsx';
import { AreaMap, type Point } from '../../components/AreaMap.tsx';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import type { AddressLike } from '../../lib/format.ts';
import { useAreas } from '../../lib/reference.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';

const FIELDS = ['name', 'classification', 'contactPersonId', ...ADDRESS_FIELDS, 'lat', 'lng'] as const;
type Field = (typeof FIELDS)[number];

export const CLASSIFICATION_OPTIONS = GROUP_CLASSIFICATIONS.map((c) => ({
  value: c,
  label: c.charAt(0).toUpperCase() + c.slice(1),
}));

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function valuesOf(subject: Subject | undefined): Record<Field, string> {
  const d = subject?.details ?? {};
  const address = (d.address ?? null) as AddressLike | null;
  return {
    name: subject?.name ?? '',
    classification: text(d.classification),
    contactPersonId: text(d.contactPersonId),
    street: address?.street ?? '',
    houseNumber: address?.houseNumber ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    lat: '',
    lng: '',
  };
}

function pointOf(subject: Subject | undefined): Point | null {
  const d = subject?.details ?? {};
  return typeof d.lat === 'number' && typeof d.lng === 'number' ? { lat: d.lat, lng: d.lng } : null;
}

export interface SubjectFormProps {
  kind: OtherSubjectKind;
  /** The subject to change; without it the form registers a new one. */
  subject?: Subject;
  /** A household's current members, to choose the contact person from. */
  members?: readonly { id: string; name: string }[];
  submitLabel: string;
  onSaved: (subject: Subject) => void;
  onCancel?: () => void;
  /** Stay busy after saving (the page goes away). */
  keepBusyOnSuccess?: boolean;
}

/** Registers or changes a household, group or location: the fields of its kind. */
export function SubjectForm({
  kind,
  subject,
  members = [],
  submitLabel,
  onSaved,
  onCancel,
  keepBusyOnSuccess = false,
}: SubjectFormProps) {
  const formId = subject ? `${kind}-edit` : `${kind}-new`;
  const { busy, formError, validate, submit, values, field, errors } = useForm(
    formId,
    FIELDS,
    () => valuesOf(subject),
    { leaf: true, keepBusyOnSuccess, aliases: { lat: 'street', lng: 'street' } },
  );
  const [point, setPoint] = useState<Point | null>(() => pointOf(subject));
  const areas = useAreas();

  function address() {
    const hasAddress = ADDRESS_FIELDS.some((f) => values[f].trim() !== '');
    return hasAddress
      ? {
          street: values.street,
          houseNumber: values.houseNumber,
          postalCode: values.postalCode,
          city: values.city,
        }
      : null;
  }

  /** The request the form makes, checked with its kind's schema first; or the fields' errors. */
  function request(): { send: () => Promise<Subject> } | { errors: ReturnType<typeof issuesToFieldErrors> } {
    const addr = address();
    const id = subject?.id;
    const failed = (error: Parameters<typeof issuesToFieldErrors>[0]) => ({
      errors: issuesToFieldErrors(error, { leaf: true }),
    });
    if (kind === 'household') {
      if (id) {
        const body = updateHouseholdSchema.safeParse({
          name: values.name,
          address: addr,
          contactPersonId: values.contactPersonId || null,
        });
        return body.success ? { send: () => api.updateHousehold(id, body.data) } : failed(body.error);
      }
      const body = createHouseholdSchema.safeParse({ name: values.name, address: addr ?? undefined });
      return body.success ? { send: () => api.createHousehold(body.data) } : failed(body.error);
    }
    if (kind === 'group') {
      const classification = values.classification || null;
      if (id) {
        const body = updateGroupSchema.safeParse({ name: values.name, classification });
        return body.success ? { send: () => api.updateGroup(id, body.data) } : failed(body.error);
      }
      const body = createGroupSchema.safeParse({
        name: values.name,
        classification: classification ?? undefined,
      });
      return body.success ? { send: () => api.createGroup(body.data) } : failed(body.error);
    }
    if (!addr && !point) return { errors: { street: 'Geef een adres of wijs de plek aan op de kaart' } };
    if (id) {
      const body = updateLocationSchema.safeParse({
        name: values.name,
        address: addr,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
      });
      return body.success ? { send: () => api.updateLocation(id, body.data) } : failed(body.error);
    }
    const body = createLocationSchema.safeParse({
      name: values.name,
      address: addr ?? undefined,
      lat: point?.lat,
      lng: point?.lng,
    });
    return body.success ? { send: () => api.createLocation(body.data) } : failed(body.error);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = request();
    if ('errors' in checked) {
      validate(checked.errors);
      return;
    }
    validate({});
    await submit(async () => {
      onSaved(await checked.send());
    });
  }

  return (
    <SubmitForm id={formId} label={submitLabel} error={formError} onSubmit={onSubmit}>
      <TextField {...field('name')} label="Naam" autoComplete="off" />
      {kind === 'group' && (
        <SelectField
          {...field('classification')}
          label="Classificatie"
          description="Volgens de shortlistmethode; leeg laten als het nog niet bepaald is"
          placeholder="Nog niet bepaald"
          options={CLASSIFICATION_OPTIONS}
        />
      )}
      {kind === 'household' && subject && (
        <SelectField
          {...field('contactPersonId')}
          label="Contactpersoon"
          description={
            members.length === 0 ? 'Voeg eerst leden toe bij Relaties' : 'Een van de leden van het huishouden'
          }
          placeholder="Geen contactpersoon"
          options={members.map((m) => ({ value: m.id, label: m.name }))}
        />
      )}
      {kind !== 'group' && (
        <Fieldset
          id={`${formId}-address`}
          legend="Adres"
          description={
            kind === 'location'
              ? 'Geef een adres, wijs de plek aan op de kaart, of allebei'
              : 'Niet verplicht; vul het hele adres in of laat alle velden leeg'
          }
        >
          <AddressFields field={field} />
        </Fieldset>
      )}
      {kind === 'location' && (
        <Fieldset id={`${formId}-point`} legend="Plek op de kaart" error={errors.lat ?? errors.lng}>
          <ErrorAlert message={areas.error && `De kaart kon niet worden geladen: ${areas.error}`} />
          {areas.data && areas.data.items.length > 0 && (
            <AreaMap areas={areas.data.items} value={point} onChange={setPoint} />
          )}
        </Fieldset>
      )}
      <ButtonGroup>
        <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
        {onCancel && (
          <Button appearance="subtle" onClick={onCancel}>
            Annuleren
          </Button>
        )}
      </ButtonGroup>
    </SubmitForm>
  );
}

import {
  type Area,
  createSocialMapEntrySchema,
  type Partner,
  SOCIAL_MAP_ROLE_LABELS,
  SOCIAL_MAP_ROLES,
  type SocialMapEntry,
  updateSocialMapEntrySchema,
} from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { CheckboxGroup, toggled } from '../../components/Choice.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { EmailField, SelectField, TextareaField, TextField } from '../../components/fields.tsx';
import { codeOptions } from '../../lib/format.ts';
import type { Names } from '../../lib/reference.ts';
import { filledIn, useForm } from '../../lib/useFormSubmit.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';

const FORM_ID = 'sociale-kaart-persoon';
const FIELDS = ['name', 'partnerId', 'role', 'areaIds', 'phone', 'email', 'availability'] as const;
const ROLE_OPTIONS = codeOptions(SOCIAL_MAP_ROLES, SOCIAL_MAP_ROLE_LABELS);

export interface SocialMapEntryFormProps {
  /** The person to change, or null for a new one. */
  entry: SocialMapEntry | null;
  areas: readonly Area[];
  areaNames: Names;
  /** The organisations whose people the user keeps: their own, or every one for the regisseur. */
  partners: readonly Partner[];
  /** The area chosen on the map, ticked for a new person. */
  defaultAreaId: string | undefined;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** Puts a professional on the sociale kaart, changes them, or takes them off it. */
export function SocialMapEntryForm({
  entry,
  areas,
  areaNames,
  partners,
  defaultAreaId,
  onDone,
  onClose,
}: SocialMapEntryFormProps) {
  const { busy, formError, errors, validate, submit, values, field } = useForm(FORM_ID, FIELDS, {
    name: entry?.name ?? '',
    partnerId: entry?.partnerId ?? (partners.length === 1 ? (partners[0]?.id ?? '') : ''),
    role: entry?.role ?? '',
    phone: entry?.phone ?? '',
    email: entry?.email ?? '',
    availability: entry?.availability ?? '',
  });
  const [areaIds, setAreaIds] = useState<string[]>(
    entry ? entry.areas.map((a) => a.id) : defaultAreaId ? [defaultAreaId] : [],
  );
  const areaOptions = [...areas]
    .sort((a, b) => (areaNames.get(a.id) ?? a.name).localeCompare(areaNames.get(b.id) ?? b.name, 'nl'))
    .map((a) => ({
      value: a.id,
      label: a.kind === 'wijk' ? `${a.name} (hele wijk)` : (areaNames.get(a.id) ?? a.name),
    }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      name: values.name,
      partnerId: values.partnerId,
      role: values.role,
      areaIds,
      ...filledIn(values, ['phone', 'email', 'availability']),
    };
    const parsed = createSocialMapEntrySchema.safeParse(input);
    if (!parsed.success) {
      const found = issuesToFieldErrors(parsed.error);
      if (values.partnerId === '') found.partnerId = 'Kies een organisatie';
      if (values.role === '') found.role = 'Kies een rol';
      validate(found);
      return;
    }
    validate({});
    await submit(async () => {
      if (entry === null) {
        const created = await api.createSocialMapEntry(parsed.data);
        onDone(`${created.name} staat op de sociale kaart.`);
        return;
      }
      const change = updateSocialMapEntrySchema.parse({
        ...parsed.data,
        phone: parsed.data.phone ?? null,
        email: parsed.data.email ?? null,
        availability: parsed.data.availability ?? null,
      });
      const updated = await api.updateSocialMapEntry(entry.id, change);
      onDone(`De gegevens van ${updated.name} zijn gewijzigd.`);
    });
  }

  const remove = (e: SocialMapEntry) =>
    submit(async () => {
      await api.deleteSocialMapEntry(e.id);
      onDone(`${e.name} staat niet meer op de sociale kaart.`);
    });

  return (
    <FormCard
      id={FORM_ID}
      title={entry ? `${entry.name} wijzigen` : 'Persoon op de sociale kaart zetten'}
      error={formError}
      onSubmit={onSubmit}
    >
      <TextField {...field('name')} label="Naam" autoComplete="off" />
      <SelectField
        {...field('partnerId')}
        label="Organisatie"
        placeholder="Kies een organisatie"
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
      />
      <SelectField {...field('role')} label="Rol" placeholder="Kies een rol" options={ROLE_OPTIONS} />
      <CheckboxGroup
        id={`${FORM_ID}-areaIds`}
        legend="Werkgebied"
        description="Een wijk geldt ook voor haar buurten."
        name="areaIds"
        layout="columns"
        error={errors.areaIds}
        options={areaOptions}
        value={areaIds}
        onToggle={(id, checked) => setAreaIds((current) => toggled(current, id, checked))}
      />
      <TextField {...field('phone')} label="Telefoon (optioneel)" type="tel" autoComplete="off" />
      <EmailField {...field('email')} label="E-mailadres (optioneel)" autoComplete="off" />
      <TextareaField
        {...field('availability')}
        label="Bereikbaar (optioneel)"
        description="Bijvoorbeeld: di en do 9–17 uur, spreekuur wijkcentrum wo 10–12 uur"
        rows={2}
      />
      <ButtonGroup>
        <SubmitButton busy={busy}>{entry ? 'Opslaan' : 'Op de kaart zetten'}</SubmitButton>
        <Button onClick={onClose}>Annuleren</Button>
        {entry && (
          <Button busy={busy} disabled={busy} onClick={() => void remove(entry)}>
            Van de kaart halen
          </Button>
        )}
      </ButtonGroup>
    </FormCard>
  );
}

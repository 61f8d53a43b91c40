import { type Person, updatePersonSchema } from '@wijkregie/shared';
import type { FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import { AddressFields } from '../../components/AddressFields.tsx';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { DateField, TextField } from '../../components/fields.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { usePersonForm } from './person-form.ts';

const FORM_ID = 'person-edit';
export interface PersonEditFormProps {
  person: Person;
  onSaved: (person: Person) => void;
  onCancel: () => void;
}

/**
 * The person's own fields, to change. Everything is sent; the server keeps what did not change and
 * writes the earlier value of what did into the history. Emptying a field that may be empty clears it.
 */
export function PersonEditForm({ person, onSaved, onCancel }: PersonEditFormProps) {
  const { busy, formError, submit, field, parse } = usePersonForm(FORM_ID, person);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = parse(updatePersonSchema, null);
    if (!data) return;
    await submit(async () => {
      onSaved(await api.updatePerson(person.id, data));
    });
  }

  return (
    <SubmitForm id={FORM_ID} label="Gegevens wijzigen" error={formError} onSubmit={onSubmit}>
      <TextField {...field('firstName')} label="Voornaam" autoComplete="off" />
      <TextField {...field('lastName')} label="Achternaam" autoComplete="off" />
      <DateField {...field('birthDate')} label="Geboortedatum" description="Niet verplicht" />
      <TextField
        {...field('bsn')}
        label="BSN"
        inputMode="numeric"
        autoComplete="off"
        className="wr-number"
        description="Niet verplicht; 9 cijfers"
      />
      <Fieldset id={`${FORM_ID}-address`} legend="Adres (vul het hele adres in of maak alle velden leeg)">
        <AddressFields field={field} />
      </Fieldset>
      <ButtonGroup>
        <SubmitButton busy={busy}>Opslaan</SubmitButton>
        <Button appearance="subtle" onClick={onCancel}>
          Annuleren
        </Button>
      </ButtonGroup>
    </SubmitForm>
  );
}

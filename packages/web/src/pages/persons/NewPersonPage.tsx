import { createPersonSchema } from '@wijkregie/shared';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { SubmitButton } from '../../components/Button.tsx';
import { FormPage } from '../../components/FormCard.tsx';
import { TextField } from '../../components/fields.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import type { FlashState } from '../../lib/useFlashMessage.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { type PersonField, usePersonForm } from './person-form.ts';

const FORM_ID = 'person';
const LABELS: Record<PersonField, string> = {
  firstName: 'Voornaam',
  lastName: 'Achternaam',
  birthDate: 'Geboortedatum',
  bsn: 'BSN',
  street: 'Straat',
  houseNumber: 'Huisnummer',
  postalCode: 'Postcode',
  city: 'Plaats',
};

export function NewPersonPage() {
  return (
    <Permitted permission="subjects.write" title="Persoon registreren">
      <NewPerson />
    </Permitted>
  );
}

function NewPerson() {
  usePageTitle('Persoon registreren');
  const navigate = useNavigate();
  // The form gives way to the new person's page, so it stays busy after a success.
  const { busy, formError, submit, field, parse } = usePersonForm(FORM_ID, undefined, {
    keepBusyOnSuccess: true,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = parse(createPersonSchema, undefined);
    if (!data) return;
    await submit(async () => {
      const person = await api.createPerson(data);
      const state: FlashState = {
        message: `${person.firstName} ${person.lastName} is geregistreerd.`,
      };
      void navigate(`/personen/${person.id}`, { state });
    });
  }

  const input = (
    name: PersonField,
    props: { description?: string; autoComplete?: string; inputMode?: 'numeric'; type?: string } = {},
  ) => (
    <TextField
      {...field(name)}
      label={LABELS[name]}
      description={props.description}
      type={props.type ?? 'text'}
      autoComplete={props.autoComplete ?? 'off'}
      inputMode={props.inputMode}
    />
  );

  return (
    <FormPage
      id={FORM_ID}
      title="Persoon registreren"
      back={{ to: '/personen', label: 'Personen' }}
      intro={<>Zoek eerst of de persoon al bekend is. Registreer alleen wat nodig is voor de aanpak.</>}
      error={formError}
      onSubmit={onSubmit}
    >
      {input('firstName')}
      {input('lastName')}
      {input('birthDate', { type: 'date', description: 'Niet verplicht' })}
      {input('bsn', { inputMode: 'numeric', description: 'Niet verplicht; 9 cijfers' })}
      <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset wr-field wr-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          Adres <span className="wr-muted">(niet verplicht; vul het hele adres in of niets)</span>
        </legend>
        <div className="wr-address">
          {input('street', { autoComplete: 'off' })}
          {input('houseNumber', { description: 'Bijv. 12, 12a of 12-3' })}
          {input('postalCode', { description: 'Bijv. 1234 AB' })}
          {input('city')}
        </div>
      </fieldset>
      <SubmitButton busy={busy}>Persoon registreren</SubmitButton>
    </FormPage>
  );
}

import { createPersonSchema, hasPermission } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { ErrorAlert } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb } from '../../components/Links.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import type { FlashState } from '../../lib/useFlashMessage.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import {
  apiErrorToSubmitErrors,
  type FieldErrors,
  focusFirstError,
  issuesToFieldErrors,
} from '../../lib/validation.ts';

const FORM_ID = 'person';
const FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'bsn',
  'street',
  'houseNumber',
  'postalCode',
  'city',
] as const;
type Field = (typeof FIELDS)[number];
const ADDRESS_FIELDS = ['street', 'houseNumber', 'postalCode', 'city'] as const;

const LABELS: Record<Field, string> = {
  firstName: 'Voornaam',
  lastName: 'Achternaam',
  birthDate: 'Geboortedatum',
  bsn: 'BSN',
  street: 'Straat',
  houseNumber: 'Huisnummer',
  postalCode: 'Postcode',
  city: 'Plaats',
};

const EMPTY: Record<Field, string> = {
  firstName: '',
  lastName: '',
  birthDate: '',
  bsn: '',
  street: '',
  houseNumber: '',
  postalCode: '',
  city: '',
};

export function NewPersonPage() {
  usePageTitle('Persoon registreren');
  const user = useUser();
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!hasPermission(user, 'subjects.write')) return <NoAccessPage title="Persoon registreren" />;

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const hasAddress = ADDRESS_FIELDS.some((f) => values[f].trim() !== '');
    const parsed = createPersonSchema.safeParse({
      firstName: values.firstName,
      lastName: values.lastName,
      birthDate: values.birthDate || undefined,
      bsn: values.bsn.replace(/\s/g, '') || undefined,
      address: hasAddress
        ? {
            street: values.street,
            houseNumber: values.houseNumber,
            postalCode: values.postalCode,
            city: values.city,
          }
        : undefined,
    });
    if (!parsed.success) {
      const errors = issuesToFieldErrors(parsed.error, { leaf: true });
      setFieldErrors(errors);
      focusFirstError(FORM_ID, FIELDS, errors);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const person = await api.createPerson(parsed.data);
      const state: FlashState = {
        message: `${person.firstName} ${person.lastName} is geregistreerd.`,
      };
      void navigate(`/personen/${person.id}`, { state });
    } catch (error) {
      const errors = apiErrorToSubmitErrors(error, FIELDS, { leaf: true });
      setFormError(errors.form);
      setFieldErrors(errors.fields);
      focusFirstError(FORM_ID, FIELDS, errors.fields);
      setBusy(false);
    }
  }

  const field = (
    name: Field,
    props: { description?: string; autoComplete?: string; inputMode?: 'numeric'; type?: string } = {},
  ) => (
    <TextField
      id={`${FORM_ID}-${name}`}
      label={LABELS[name]}
      description={props.description}
      error={fieldErrors[name]}
      name={name}
      type={props.type ?? 'text'}
      autoComplete={props.autoComplete ?? 'off'}
      inputMode={props.inputMode}
      value={values[name]}
      onChange={(e) => set(name)(e.target.value)}
    />
  );

  return (
    <>
      <Breadcrumb to="/personen">Personen</Breadcrumb>
      <PageHeading>Persoon registreren</PageHeading>
      <Paragraph>
        Zoek eerst of de persoon al bekend is. Registreer alleen wat nodig is voor de aanpak.
      </Paragraph>
      <ErrorAlert message={formError} />
      <form
        id={FORM_ID}
        aria-label="Persoon registreren"
        noValidate
        onSubmit={onSubmit}
        className="wr-form wr-card"
      >
        {field('firstName')}
        {field('lastName')}
        {field('birthDate', { type: 'date', description: 'Niet verplicht' })}
        {field('bsn', { inputMode: 'numeric', description: 'Niet verplicht; 9 cijfers' })}
        <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset wr-field wr-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            Adres <span className="wr-muted">(niet verplicht; vul het hele adres in of niets)</span>
          </legend>
          <div className="wr-address">
            {field('street', { autoComplete: 'off' })}
            {field('houseNumber', { description: 'Bijv. 12, 12a of 12-3' })}
            {field('postalCode', { description: 'Bijv. 1234 AB' })}
            {field('city')}
          </div>
        </fieldset>
        <SubmitButton busy={busy}>Persoon registreren</SubmitButton>
      </form>
    </>
  );
}

import { publicReportSchema } from '@wijkregie/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import {
  ADDRESS_FIELDS,
  AddressFields,
  addressInput,
  EMPTY_ADDRESS,
} from '../../components/AddressFields.tsx';
import { Alert, ErrorAlert } from '../../components/Alert.tsx';
import { AreaMap, areaAt } from '../../components/AreaMap.tsx';
import { FileField, useFileChoice } from '../../components/Attachments.tsx';
import { Button, SubmitButton } from '../../components/Button.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormField } from '../../components/FormField.tsx';
import { HoneypotField, SelectField, TextareaField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Section } from '../../components/Section.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { keyedOptions } from '../../lib/format.ts';
import { PHOTO_RULES } from '../../lib/uploads.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { filledIn, useForm } from '../../lib/useFormSubmit.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';
import { usePublicTitle } from './PublicLayout.tsx';

const FORM_ID = 'report';
const FIELDS = [
  'category',
  'description',
  ...ADDRESS_FIELDS,
  'lat',
  'name',
  'email',
  'phone',
  'file',
] as const;

const loadCategories = (signal: AbortSignal) => api.publicCategories(signal);
const loadAreas = (signal: AbortSignal) => api.publicAreas(signal);

/** /melden: a resident reports something, without logging in, and gets a code to follow it. */
export function ReportPage() {
  const [trackingCode, setTrackingCode] = useState<string | null>(null);
  usePublicTitle(trackingCode ? 'Melding ontvangen' : 'Melding doen');
  return trackingCode ? <Receipt code={trackingCode} /> : <ReportForm onDone={setTrackingCode} />;
}

function Receipt({ code }: { code: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className="utrecht-heading-1 wr-page-heading">
        Melding ontvangen
      </h1>
      <Alert type="ok" heading="Dank u wel">
        Uw melding is ontvangen. Bewaar deze code om uw melding te volgen:
      </Alert>
      <p className="utrecht-paragraph wr-tracking-code">{code}</p>
      <Paragraph>
        <TextLink to={`/melden/${encodeURIComponent(code)}`}>Volg uw melding</TextLink>
      </Paragraph>
      <Paragraph>
        Wij bekijken uw melding en zetten berichten over de voortgang bij deze code. Wij noemen daarin geen
        namen.
      </Paragraph>
    </>
  );
}

function ReportForm({ onDone }: { onDone: (code: string) => void }) {
  const navigate = useNavigate();
  const categories = useApiData(loadCategories);
  const areas = useApiData(loadAreas);
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [locateMessage, setLocateMessage] = useState<string | null>(null);
  // The form gives way to what comes next, so it stays busy after a success.
  const { busy, formError, setFormError, errors, validate, submit, values, field } = useForm(
    FORM_ID,
    FIELDS,
    { category: '', description: '', ...EMPTY_ADDRESS, name: '', email: '', phone: '', website: '' },
    { leaf: true, keepBusyOnSuccess: true },
  );
  const website = field('website');
  // One photo, sent with the report in the same request.
  const photos = useFileChoice(PHOTO_RULES);
  const [code, setCode] = useState('');

  // Where a point lies, in words ("in Binnenstad"): a resident reads no coordinates.
  const inArea = (point: { lat: number; lng: number }) => {
    const area = areaAt(areas.data?.items ?? [], point);
    return area ? `, in ${area.name}` : '';
  };

  function locate() {
    if (!('geolocation' in navigator)) {
      setLocateMessage('Uw browser kan uw locatie niet doorgeven. Vul het adres in.');
      return;
    }
    setLocating(true);
    setLocateMessage(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const next = {
          lat: Number(position.coords.latitude.toFixed(6)),
          lng: Number(position.coords.longitude.toFixed(6)),
        };
        setPoint(next);
        setLocating(false);
        setLocateMessage(`Uw locatie is toegevoegd als plek op de kaart${inArea(next)}.`);
      },
      () => {
        setLocating(false);
        setLocateMessage('Uw locatie kon niet worden bepaald. Vul het adres in.');
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { category, description } = values;
    const location = { ...addressInput(values), ...(point ?? {}) };
    const contact = filledIn(values, ['name', 'email', 'phone']);
    const parsed = publicReportSchema.safeParse({
      category,
      description,
      location: Object.keys(location).length > 0 ? location : undefined,
      contact: Object.keys(contact).length > 0 ? contact : undefined,
      website: values.website || undefined,
    });
    const photoProblem = photos.problem();
    if (!parsed.success || photoProblem) {
      const found = parsed.success ? {} : issuesToFieldErrors(parsed.error, { leaf: true });
      if (category === '') found.category = 'Kies een onderwerp';
      if (photoProblem) found.file = photoProblem;
      validate(found);
      return;
    }
    validate({});
    await submit(
      async () => {
        const created = await api.createPublicReport(parsed.data, photos.files[0]);
        onDone(created.trackingCode);
      },
      (error) => {
        if (!(error instanceof ApiError && error.status === 429)) return false;
        setFormError(
          'U heeft kort na elkaar veel meldingen gedaan. Probeer het over een paar minuten opnieuw.',
        );
        return true;
      },
    );
  }

  function follow(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = code.trim().toUpperCase();
    if (value) void navigate(`/melden/${encodeURIComponent(value)}`);
  }

  return (
    <>
      <PageHeading>Melding doen</PageHeading>
      <Paragraph lead>
        Ziet of hoort u iets in uw buurt dat niet klopt, of maakt u zich zorgen over iemand? Meld het hier. U
        hoeft niet in te loggen.
      </Paragraph>
      <Alert type="warning">Is er spoed of gevaar? Bel dan 112.</Alert>
      <Paragraph>
        Twijfelt u waar u iets moet melden? Lees <TextLink to="/hoe-melden">wat u waar meldt</TextLink>: 112,
        de politie, Meld Misdaad Anoniem of dit formulier.
      </Paragraph>
      <ErrorAlert message={categories.error} />
      <SubmitForm id={FORM_ID} label="Melding doen" error={formError} onSubmit={onSubmit} className="wr-card">
        <SelectField
          {...field('category')}
          label="Onderwerp"
          placeholder="Kies een onderwerp"
          options={keyedOptions(categories.data?.items)}
        />
        <TextareaField
          {...field('description')}
          label="Wat is er aan de hand?"
          description="Beschrijf wat u ziet of hoort, waar en wanneer. Minstens 10 en hoogstens 2.000 tekens."
          maxLength={2000}
        />
        <Fieldset
          id={`${FORM_ID}-location`}
          legend="Waar is het? (niet verplicht)"
          description="Vul een adres in, of geef uw huidige locatie door als u er nu bent."
          error={errors.lat ?? errors.lng}
        >
          <AddressFields field={field} />
          {(areas.data?.items.length ?? 0) > 0 && (
            <AreaMap
              areas={areas.data?.items ?? []}
              value={point}
              onChange={(next) => {
                setPoint(next);
                setLocateMessage(
                  next ? `De plek op de kaart is vastgelegd${inArea(next)}.` : 'De plek is weggehaald.',
                );
              }}
            />
          )}
          <div className="wr-inline-control">
            <Button appearance="secondary-action" busy={locating} onClick={locate}>
              Mijn huidige locatie gebruiken
            </Button>
            {point && (
              <Button
                appearance="subtle"
                onClick={() => {
                  setPoint(null);
                  setLocateMessage('De locatie is weggehaald.');
                }}
              >
                Locatie weghalen
              </Button>
            )}
          </div>
          <p className="utrecht-paragraph" role="status">
            {locateMessage}
          </p>
        </Fieldset>
        <Fieldset
          id={`${FORM_ID}-contact`}
          legend="Uw gegevens (niet verplicht)"
          description="Alleen als wij u mogen benaderen voor vragen. U kunt ook anoniem melden."
        >
          <TextField {...field('name')} label="Naam" autoComplete="name" />
          <TextField {...field('email')} label="E-mailadres" type="email" autoComplete="email" />
          <TextField {...field('phone')} label="Telefoonnummer" type="tel" autoComplete="tel" />
        </Fieldset>
        <FileField
          id={`${FORM_ID}-file`}
          label="Foto (niet verplicht)"
          error={errors.file}
          {...photos.field}
        />
        <HoneypotField field={website} />
        <SubmitButton busy={busy}>Melding versturen</SubmitButton>
      </SubmitForm>
      <Section id="follow" title="Melding volgen" className="wr-card">
        <form aria-labelledby="follow-heading" onSubmit={follow} className="wr-form">
          <FormField id="follow-code" label="Uw code" description="Bijvoorbeeld ABCD-EFGH-JKLM">
            {(control) => (
              <div className="wr-inline-control">
                <Textbox
                  {...control}
                  name="code"
                  autoComplete="off"
                  spellCheck={false}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
                <Button type="submit" appearance="secondary-action">
                  Bekijk de stand
                </Button>
              </div>
            )}
          </FormField>
        </form>
      </Section>
    </>
  );
}

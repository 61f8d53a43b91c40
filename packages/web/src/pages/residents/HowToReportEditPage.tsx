import { type HowToReport, howToReportContentSchema } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { StatusMessage } from '../../components/Alert.tsx';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormPage } from '../../components/FormCard.tsx';
import { TextareaField, TextField } from '../../components/fields.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

const loadText = (signal: AbortSignal) => api.getHowToReport(signal);

/** /wijkbeeld/hoe-melden — the regisseur edits the public page "Wat meld ik waar?". */
export function HowToReportEditPage() {
  return (
    <Permitted permission="howtoreport.write" title="Wat meld ik waar? bewerken">
      <EditPage />
    </Permitted>
  );
}

function EditPage() {
  usePageTitle('Wat meld ik waar? bewerken');
  const text = useApiData(loadText);
  return (
    <Loaded data={text} loading="De tekst wordt geladen…">
      {(t) => <EditForm initial={t} />}
    </Loaded>
  );
}

const FORM_ID = 'how';
const MAX_CHANNELS = 12;

type ChannelValues = { name: string; when: string; contact: string; url: string };

function EditForm({ initial }: { initial: HowToReport }) {
  const [channels, setChannels] = useState<ChannelValues[]>(
    initial.channels.map((c) => ({ ...c, url: c.url ?? '' })),
  );
  const [saved, setSaved] = useState<string | null>(
    initial.updatedAt ? `Laatst gewijzigd op ${formatDateTime(initial.updatedAt)}.` : null,
  );
  const fields = [
    'intro',
    ...channels.flatMap((_, i) => ['name', 'when', 'contact', 'url'].map((f) => `channels.${i}.${f}`)),
    'channels',
    'afterReport',
    'takePart',
  ];
  const { busy, formError, checked, submit, values, field, errors } = useForm(FORM_ID, fields, {
    intro: initial.intro,
    afterReport: initial.afterReport,
    takePart: initial.takePart,
  });

  function setChannel(i: number, key: keyof ChannelValues, value: string) {
    setChannels((current) => current.map((c, j) => (j === i ? { ...c, [key]: value } : c)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const body = checked(howToReportContentSchema, {
      intro: values.intro,
      channels: channels.map((c) => ({
        name: c.name,
        when: c.when,
        contact: c.contact,
        ...(c.url.trim() ? { url: c.url.trim() } : {}),
      })),
      afterReport: values.afterReport,
      takePart: values.takePart,
    });
    if (!body) return;
    await submit(async () => {
      const result = await api.updateHowToReport(body);
      setSaved(`De tekst is opgeslagen (${formatDateTime(result.updatedAt ?? new Date().toISOString())}).`);
    });
  }

  const channelField = (i: number, key: keyof ChannelValues) => ({
    id: `${FORM_ID}-channels.${i}.${key}`,
    name: `channels.${i}.${key}`,
    value: channels[i]?.[key] ?? '',
    error: errors[`channels.${i}.${key}`],
    onValue: (value: string) => setChannel(i, key, value),
  });

  return (
    <FormPage
      id={FORM_ID}
      title="Wat meld ik waar? bewerken"
      back={{ to: '/wijkbeeld/bewonersgroepen', label: 'Bewonersgroepen' }}
      intro={
        <>
          De tekst van de openbare pagina <TextLink to="/hoe-melden">Wat meld ik waar?</TextLink>, waarnaar
          het meldformulier verwijst. Schrijf in eenvoudige taal (B1).
        </>
      }
      error={formError}
      onSubmit={onSubmit}
    >
      <StatusMessage message={saved} />
      <TextareaField {...field('intro')} label="Inleiding" />
      {channels.map((c, i) => (
        <Fieldset
          // The channels have no ids of their own; their place in the list is what the form edits.
          // biome-ignore lint/suspicious/noArrayIndexKey: a channel's position is its identity here
          key={i}
          id={`${FORM_ID}-channel-${i}`}
          legend={`Manier van melden ${i + 1}${c.name ? `: ${c.name}` : ''}`}
        >
          <TextField {...channelField(i, 'name')} label="Naam" />
          <TextareaField {...channelField(i, 'when')} label="Wanneer" />
          <TextField {...channelField(i, 'contact')} label="Hoe (telefoonnummer of uitleg)" />
          <TextField
            {...channelField(i, 'url')}
            label="Link (niet verplicht)"
            description="Een https-adres, of een pagina van deze site zoals /melden"
          />
          <ButtonGroup>
            <Button
              appearance="subtle"
              disabled={channels.length <= 1}
              onClick={() => setChannels((current) => current.filter((_, j) => j !== i))}
            >
              Deze manier weghalen
            </Button>
          </ButtonGroup>
        </Fieldset>
      ))}
      {errors.channels && (
        <p id={`${FORM_ID}-channels`} tabIndex={-1} className="utrecht-form-field-error-message">
          {errors.channels}
        </p>
      )}
      <ButtonGroup>
        <Button
          disabled={channels.length >= MAX_CHANNELS}
          onClick={() => setChannels((current) => [...current, { name: '', when: '', contact: '', url: '' }])}
        >
          Manier van melden toevoegen
        </Button>
      </ButtonGroup>
      <TextareaField {...field('afterReport')} label="Wat gebeurt er na een melding?" />
      <TextareaField {...field('takePart')} label="Hoe kunnen bewoners meedoen?" />
      <SubmitButton busy={busy}>Opslaan</SubmitButton>
    </FormPage>
  );
}

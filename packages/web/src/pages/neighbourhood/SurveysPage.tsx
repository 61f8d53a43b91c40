import {
  createSurveySchema,
  hasPermission,
  SURVEY_STATUS_LABELS,
  type Survey,
  type SurveySummary,
} from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { surveyApi } from '../../api/surveys.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { CheckboxGroup, toggled } from '../../components/Choice.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { DateField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb, TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAreas } from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

const FORM_ID = 'survey';
const FIELDS = ['title', 'areaIds', 'opensAt', 'closesAt'] as const;

const loadSurveys = (signal: AbortSignal) => surveyApi.listSurveys(signal);

/** The public link of a survey, for the flyer or QR code. */
export const surveyLink = (code: string) => `${window.location.origin}/enquete/${code}`;

export function SurveysPage() {
  return (
    <Permitted permission="areas.read" title="Bewonersenquêtes">
      <Surveys />
    </Permitted>
  );
}

/** Wijkbeeld › Bewonersenquêtes: the surveys with their public link and results; the regisseur opens one. */
function Surveys() {
  usePageTitle('Bewonersenquêtes');
  const user = useUser();
  const surveys = useApiData(loadSurveys);
  const [created, setCreated] = useState<Survey | null>(null);
  return (
    <>
      <Breadcrumb to="/wijkbeeld">Wijkbeeld</Breadcrumb>
      <PageHeading>Bewonersenquêtes</PageHeading>
      <Paragraph lead>
        Bewoners vullen de enquête anoniem in via een link of QR-code op een flyer. De uitkomsten per buurt
        laten zien hoe veilig bewoners zich voelen, hoe zij hun buurt waarderen, hoe sterk de onderlinge band
        is, of buren ingrijpen als er iets gebeurt, en hoeveel bewoners zelf iets willen doen.
      </Paragraph>
      {created && (
        <div role="status">
          <Alert type="ok" heading="De enquête is aangemaakt">
            Deel deze link met de bewoners: <strong>{surveyLink(created.publicCode)}</strong>
          </Alert>
        </div>
      )}
      <Section id="list" title="Enquêtes">
        <Loaded data={surveys} loading="De enquêtes worden geladen…">
          {(list) => (
            <DataTable<SurveySummary>
              caption="Bewonersenquêtes, nieuwste eerst"
              rows={list.items}
              empty="Er zijn nog geen enquêtes."
              columns={[
                {
                  header: 'Enquête',
                  cell: (s) => <TextLink to={`/wijkbeeld/enquetes/${s.id}`}>{s.title}</TextLink>,
                },
                { header: 'Stand', cell: (s) => SURVEY_STATUS_LABELS[s.status] },
                {
                  header: 'Periode',
                  cell: (s) => `${formatDateTime(s.opensAt)} – ${formatDateTime(s.closesAt)}`,
                },
                { header: 'Reacties', cell: (s) => s.responses.toLocaleString('nl-NL') },
                { header: 'Link voor bewoners', cell: (s) => <code>{`/enquete/${s.publicCode}`}</code> },
              ]}
            />
          )}
        </Loaded>
      </Section>
      {hasPermission(user, 'surveys.write') && (
        <NewSurvey
          onCreated={(s) => {
            setCreated(s);
            surveys.setData((current) => (current ? { items: [s, ...current.items] } : current));
          }}
        />
      )}
    </>
  );
}

/** The start of a local day as an instant (00:00), or its end (23:59). */
const dayStart = (date: string) => (date ? new Date(`${date}T00:00`).toISOString() : '');
const dayEnd = (date: string) => (date ? new Date(`${date}T23:59`).toISOString() : '');

function NewSurvey({ onCreated }: { onCreated: (s: Survey) => void }) {
  const areas = useAreas();
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const { busy, formError, errors, checked, submit, values, setValues, field } = useForm(FORM_ID, FIELDS, {
    title: '',
    opensAt: '',
    closesAt: '',
  });
  const options = (areas.data?.items ?? [])
    .map((a) => ({ value: a.id, label: areas.names.get(a.id) ?? a.name, kind: a.kind }))
    .sort((a, b) => (a.kind === b.kind ? a.label.localeCompare(b.label, 'nl') : a.kind === 'wijk' ? -1 : 1));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = checked(createSurveySchema, {
      title: values.title,
      areaIds,
      opensAt: dayStart(values.opensAt),
      closesAt: dayEnd(values.closesAt),
    });
    if (!body) return;
    await submit(async () => {
      const created = await surveyApi.createSurvey(body);
      onCreated(created);
      setValues({ title: '', opensAt: '', closesAt: '' });
      setAreaIds([]);
    });
  }

  return (
    <FormCard id={FORM_ID} title="Nieuwe enquête" error={formError} onSubmit={onSubmit}>
      <Paragraph>
        Elke enquête stelt dezelfde standaardvragen, zodat buurten en metingen te vergelijken zijn. Onder 10
        reacties in een buurt tonen wij geen cijfers voor die buurt.
      </Paragraph>
      <TextField {...field('title')} label="Titel" description="Bewoners zien deze titel boven de vragen." />
      <CheckboxGroup
        id={`${FORM_ID}-areaIds`}
        name="areaIds"
        legend="Voor welke wijken of buurten?"
        error={errors.areaIds}
        layout="columns"
        options={options}
        value={areaIds}
        onToggle={(id, checked) => setAreaIds((current) => toggled(current, id, checked))}
      />
      <DateField {...field('opensAt')} label="Open vanaf" />
      <DateField {...field('closesAt')} label="Open tot en met" />
      <SubmitButton busy={busy}>Enquête aanmaken</SubmitButton>
    </FormCard>
  );
}

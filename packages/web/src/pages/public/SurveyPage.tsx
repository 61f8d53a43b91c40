import {
  type PublicSurvey,
  type SurveyQuestion,
  type SurveyResponseInput,
  surveyResponseSchema,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { surveyApi } from '../../api/surveys.ts';
import { Alert } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choice.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { HoneypotField, SelectField, TextField } from '../../components/fields.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePublicTitle } from './PublicLayout.tsx';
import './SurveyPage.css';

const FORM_ID = 'survey';

/** /enquete/:code: a resident answers the neighbourhood survey, without an account, on a phone. */
export function SurveyPage() {
  const { code = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => surveyApi.publicSurvey(code, signal), [code]);
  const survey = useApiData(load, 'De enquête kon niet worden geladen.');
  const [thanks, setThanks] = useState<string | null>(null);
  usePublicTitle(thanks ? 'Bedankt' : (survey.data?.title ?? 'Bewonersenquête'));
  if (thanks) return <Thanks message={thanks} />;
  return (
    <>
      {!survey.data && <PageHeading>Bewonersenquête</PageHeading>}
      <Loaded data={survey} loading="De enquête wordt geladen…">
        {(s) =>
          s.status === 'open' ? (
            <SurveyForm survey={s} code={code} onDone={setThanks} />
          ) : (
            <NotOpen survey={s} />
          )
        }
      </Loaded>
    </>
  );
}

function Thanks({ message }: { message: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className="utrecht-heading-1 wr-page-heading">
        Bedankt!
      </h1>
      <Alert type="ok" heading="Uw antwoorden zijn ontvangen">
        {message}
      </Alert>
      <Paragraph>
        Uw antwoorden zijn anoniem: wij bewaren niet wie u bent. De gemeente bespreekt de uitkomsten per buurt
        met bewoners en partners, en gebruikt ze om samen de buurt veiliger en prettiger te maken.
      </Paragraph>
      <Paragraph>
        Ziet u iets dat niet klopt in uw buurt? <TextLink to="/melden">Doe een melding</TextLink>.
      </Paragraph>
    </>
  );
}

function NotOpen({ survey }: { survey: PublicSurvey }) {
  return (
    <>
      <PageHeading>{survey.title}</PageHeading>
      {survey.status === 'planned' ? (
        <Alert type="info" heading="Deze enquête is nog niet geopend">
          U kunt de vragen beantwoorden vanaf {formatDateTime(survey.opensAt)}.
        </Alert>
      ) : (
        <Alert type="info" heading="Deze enquête is gesloten">
          Invullen kon tot {formatDateTime(survey.closesAt)}. Bedankt voor uw belangstelling.
        </Alert>
      )}
    </>
  );
}

/** The questions in their groups (one section per group, one fieldset per question), in the survey's order. */
function groupsOf(questions: readonly SurveyQuestion[]): { title: string; questions: SurveyQuestion[] }[] {
  const groups: { title: string; questions: SurveyQuestion[] }[] = [];
  for (const q of questions) {
    const last = groups.at(-1);
    if (last && last.title === q.group) last.questions.push(q);
    else groups.push({ title: q.group, questions: [q] });
  }
  return groups;
}

const optionsOf = (q: SurveyQuestion) =>
  q.options
    ? q.options.map((o) => ({ value: String(o.value), label: o.label }))
    : Array.from({ length: (q.max ?? 10) - (q.min ?? 1) + 1 }, (_, i) => {
        const v = String((q.min ?? 1) + i);
        return { value: v, label: v };
      });

function SurveyForm({
  survey,
  code,
  onDone,
}: {
  survey: PublicSurvey;
  code: string;
  onDone: (message: string) => void;
}) {
  const keys = survey.questions.map((q) => q.key);
  const fields = ['buurtId', 'postalCode', ...keys, 'contactEmail'];
  const initial = Object.fromEntries([...fields, 'website'].map((k) => [k, ''])) as Record<string, string>;
  const { busy, formError, setFormError, errors, checked, submit, values, field } = useForm(
    FORM_ID,
    fields,
    initial,
    { leaf: true, keepBusyOnSuccess: true },
  );
  const willing = values.willingToAct === 'yes' || values.willingToAct === 'maybe';
  const website = field('website');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const answers: Record<string, string | number> = {};
    for (const q of survey.questions) {
      const v = values[q.key] ?? '';
      if (v !== '') answers[q.key] = q.kind === 'scale' ? Number(v) : v;
    }
    const input: SurveyResponseInput = {
      answers,
      ...(values.buurtId && { buurtId: values.buurtId }),
      ...(values.postalCode?.trim() && { postalCode: values.postalCode.trim() }),
      ...(willing && values.contactEmail?.trim() && { contactEmail: values.contactEmail.trim() }),
      ...(values.website && { website: values.website }),
    };
    if (!checked(surveyResponseSchema, input)) return;
    await submit(
      async () => {
        const receipt = await surveyApi.respond(code, input);
        onDone(receipt.message);
      },
      (error) => {
        if (!(error instanceof ApiError) || (error.status !== 409 && error.status !== 429)) return false;
        setFormError(error.problem.detail);
        return true;
      },
    );
  }

  return (
    <>
      <PageHeading>{survey.title}</PageHeading>
      <Paragraph lead>
        Hoe veilig en prettig is het in uw buurt? Uw antwoorden helpen de gemeente, de politie en andere
        partners om samen met bewoners te kiezen wat de buurt nodig heeft. Invullen duurt ongeveer 5 minuten.
      </Paragraph>
      <Paragraph>
        De enquête is anoniem: wij vragen niet uw naam of adres. Open tot {formatDateTime(survey.closesAt)}.
      </Paragraph>
      <SubmitForm
        id={FORM_ID}
        label="Bewonersenquête"
        error={formError}
        onSubmit={onSubmit}
        className="wr-card wr-survey"
      >
        <section className="wr-survey__group" aria-labelledby={`${FORM_ID}-where-heading`}>
          <Heading level={2} id={`${FORM_ID}-where-heading`}>
            Uw buurt
          </Heading>
          <SelectField
            {...field('buurtId')}
            label="In welke buurt woont u?"
            description="Weet u het niet? Laat dit leeg en vul uw postcode in."
            placeholder="Kies uw buurt"
            options={survey.buurten.map((b) => ({ value: b.id, label: b.name }))}
          />
          {!values.buurtId && (
            <TextField
              {...field('postalCode')}
              label="Uw postcode (niet verplicht)"
              description="Alleen om uw antwoorden bij de goede buurt te tellen. Bijvoorbeeld 1234 AB."
              autoComplete="postal-code"
              inputMode="text"
            />
          )}
        </section>
        {groupsOf(survey.questions).map((group, g) => (
          <section key={group.title} className="wr-survey__group" aria-labelledby={`${FORM_ID}-group-${g}`}>
            <Heading level={2} id={`${FORM_ID}-group-${g}`}>
              {group.title}
            </Heading>
            {group.questions.map((q) => {
              const f = field(q.key);
              return (
                <RadioGroup
                  key={q.key}
                  id={f.id}
                  name={q.key}
                  legend={q.text}
                  error={errors[q.key]}
                  layout={!q.options && q.kind === 'scale' ? 'row' : 'list'}
                  description={
                    !q.options && q.kind === 'scale' ? '1 is heel slecht, 10 is uitstekend' : undefined
                  }
                  options={optionsOf(q)}
                  value={f.value}
                  onValue={f.onValue}
                />
              );
            })}
          </section>
        ))}
        {willing && (
          <Fieldset
            id={`${FORM_ID}-contact`}
            legend="Mogen wij contact met u opnemen? (niet verplicht)"
            description="Uw e-mailadres bewaren wij los van uw antwoorden: niemand kan zien wat u hebt ingevuld."
          >
            <TextField {...field('contactEmail')} label="E-mailadres" type="email" autoComplete="email" />
          </Fieldset>
        )}
        <HoneypotField field={website} />
        <SubmitButton busy={busy}>Antwoorden versturen</SubmitButton>
      </SubmitForm>
    </>
  );
}

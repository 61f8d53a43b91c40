import {
  type Partner,
  VISIT_OUTCOME_LABELS,
  VISIT_OUTCOMES,
  type Visit,
  type VisitOutcome,
  type WorklistItem,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { Alert, ErrorAlert } from '../../components/Alert.tsx';
import { Button, SubmitButton } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choice.tsx';
import { DateField, SelectField, TextareaField, TextField } from '../../components/fields.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { DATE_PATTERN, todayIso } from '../../lib/dates.ts';
import { codeOptions, formatDate, formatPostalCode, labelOf } from '../../lib/format.ts';
import { type Names, usePartners } from '../../lib/reference.ts';
import { formatDistance } from '../../lib/signals.ts';
import { byName } from '../../lib/sort.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { filledIn, useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import type { FieldErrors } from '../../lib/validation.ts';
import { SignalsNav } from './SignalParts.tsx';

const OUTCOME_OPTIONS = codeOptions(VISIT_OUTCOMES, VISIT_OUTCOME_LABELS);

export function OutreachPage() {
  return (
    <Permitted permission="signals.read" title="Huisbezoeken">
      <Outreach />
    </Permitted>
  );
}

function Outreach() {
  usePageTitle('Huisbezoeken');
  const [params, setParams] = useSearchParams();
  const param = params.get('datum') ?? '';
  const date = DATE_PATTERN.test(param) ? param : todayIso();
  const [picked, setPicked] = useState(date);
  const loader = useCallback((signal: AbortSignal) => api.worklist(date, signal), [date]);
  const worklist = useApiData(loader);
  const partners = usePartners();
  // Outcomes recorded on this page: the card keeps showing them (the worklist lists only open visits).
  const [recorded, setRecorded] = useState<Record<string, Visit>>({});

  function onDate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (picked && picked !== todayIso()) next.set('datum', picked);
    else next.delete('datum');
    setParams(next);
  }

  const items = worklist.data?.items ?? [];
  const today = date === todayIso();
  return (
    <>
      <SignalsNav />
      <PageHeading>Huisbezoeken</PageHeading>
      <Paragraph>
        De bezoeken van {today ? 'vandaag' : formatDate(date)} voor jou en je organisatie, in loopvolgorde.
        Leg per bezoek de uitkomst vast; ook „niet thuis” telt als poging.
      </Paragraph>
      <form className="wr-card wr-outreach-date" aria-label="Datum kiezen" onSubmit={onDate}>
        <div className="wr-inline-control">
          <DateField id="outreach-date" label="Datum" name="datum" value={picked} onValue={setPicked} />
          <Button type="submit" appearance="secondary-action">
            Toon werklijst
          </Button>
        </div>
      </form>
      <Loaded data={worklist} loading="De werklijst wordt geladen…">
        {() => (
          <>
            <Heading level={2} id="worklist-heading">
              Werklijst {today ? 'van vandaag' : formatDate(date)} ({items.length})
            </Heading>
            {items.length === 0 ? (
              <Paragraph>Er staan geen open huisbezoeken op deze dag.</Paragraph>
            ) : (
              <ol className="wr-worklist" aria-labelledby="worklist-heading">
                {items.map((item) => (
                  <VisitCard
                    key={item.visitId}
                    item={item}
                    recorded={recorded[item.visitId] ?? null}
                    partners={partners.data?.items ?? []}
                    partnerNames={partners.names}
                    onRecorded={(visit) => setRecorded((current) => ({ ...current, [visit.id]: visit }))}
                  />
                ))}
              </ol>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

interface VisitCardProps {
  item: WorklistItem;
  recorded: Visit | null;
  partners: readonly Partner[];
  partnerNames: Names;
  onRecorded: (visit: Visit) => void;
}

function VisitCard({ item, recorded, partners, partnerNames, onRecorded }: VisitCardProps) {
  const headingId = `visit-${item.visitId}-heading`;
  const place = [item.postalCode ? formatPostalCode(item.postalCode) : '', item.city]
    .filter(Boolean)
    .join(' ');
  const address = item.address || 'Adres onbekend';
  return (
    <li className="wr-card wr-visit">
      <Heading level={3} id={headingId} className="wr-visit__heading">
        <span className="wr-visit__order">{item.order}.</span> {address}
        {place && <span className="wr-visit__place">, {place}</span>}
      </Heading>
      <p className="utrecht-paragraph wr-visit__reason">{item.reason}</p>
      <ul className="wr-plain-list wr-visit__facts">
        <li>
          {item.metresFromPrevious === null
            ? item.order === 1
              ? 'Eerste adres van de ronde'
              : 'Afstand tot het vorige adres onbekend'
            : `${formatDistance(item.metresFromPrevious)} vanaf het vorige adres`}
        </li>
        <li>
          {item.earlierAttempts === 0
            ? 'Geen eerdere pogingen'
            : `${item.earlierAttempts} eerdere ${item.earlierAttempts === 1 ? 'poging' : 'pogingen'}`}
        </li>
        {item.signalId !== null && (
          <li>
            <TextLink to={`/signalen/${item.signalId}`}>
              Signaal bekijken<span className="wr-visually-hidden"> van {address}</span>
            </TextLink>
          </li>
        )}
      </ul>
      {recorded ? (
        <div role="status">
          <Alert type="ok" heading="Uitkomst vastgelegd">
            {labelOf(VISIT_OUTCOME_LABELS, recorded.outcome ?? '')}
            {recorded.referredPartnerId &&
              ` naar ${partnerNames.get(recorded.referredPartnerId) ?? 'een partner'}`}
            {recorded.nextStep && `. Vervolg: ${recorded.nextStep}`}
            {recorded.nextDate && ` (${formatDate(recorded.nextDate)})`}.
          </Alert>
        </div>
      ) : (
        <OutcomeForm item={item} partners={partners} onRecorded={onRecorded} />
      )}
    </li>
  );
}

const FIELDS = ['outcome', 'referredPartnerId', 'nextStep', 'nextDate', 'notes'] as const;

function OutcomeForm({
  item,
  partners,
  onRecorded,
}: {
  item: WorklistItem;
  partners: readonly Partner[];
  onRecorded: (visit: Visit) => void;
}) {
  const formId = `visit-${item.visitId}`;
  // The form gives way to the recorded outcome, so it stays busy after a success.
  const { busy, formError, validate, submit, values, field } = useForm(
    formId,
    FIELDS,
    { outcome: '', referredPartnerId: '', nextStep: '', nextDate: '', notes: '' },
    { keepBusyOnSuccess: true },
  );
  const { outcome, referredPartnerId } = values;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const e: FieldErrors = {};
    if (!outcome) e.outcome = 'Kies de uitkomst van het bezoek';
    if (outcome === 'referred' && !referredPartnerId) e.referredPartnerId = 'Kies naar welke partner';
    if (!validate(e)) return;
    await submit(async () => {
      const visit = await api.recordVisitOutcome(item.visitId, {
        outcome: outcome as VisitOutcome,
        ...(outcome === 'referred' ? { referredPartnerId } : {}),
        ...filledIn(values, ['nextStep', 'nextDate', 'notes']),
      });
      onRecorded(visit);
    });
  }

  return (
    <form
      id={formId}
      aria-label={`Uitkomst bezoek ${item.order}`}
      noValidate
      onSubmit={onSubmit}
      className="wr-form wr-visit__form"
    >
      <ErrorAlert message={formError} />
      {/* The radios are named after the form: the worklist shows a form per visit. */}
      <RadioGroup
        {...field('outcome')}
        name={`${formId}-outcome`}
        legend="Uitkomst"
        options={OUTCOME_OPTIONS}
      />
      {outcome === 'referred' && (
        <SelectField
          {...field('referredPartnerId')}
          label="Doorverwezen naar"
          placeholder="Kies een partner"
          options={[...partners].sort(byName).map((p) => ({ value: p.id, label: p.name }))}
        />
      )}
      <TextField
        {...field('nextStep')}
        label="Vervolgstap (niet verplicht)"
        autoComplete="off"
        maxLength={500}
      />
      <DateField {...field('nextDate')} label="Datum vervolg (niet verplicht)" />
      <TextareaField {...field('notes')} label="Aantekeningen (niet verplicht)" rows={3} maxLength={2000} />
      <SubmitButton busy={busy}>Uitkomst opslaan</SubmitButton>
    </form>
  );
}

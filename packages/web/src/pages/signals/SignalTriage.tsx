import {
  CASE_TYPE_LABELS,
  CASE_TYPES,
  type Partner,
  SIGNAL_STATUS_LABELS,
  SIGNAL_STATUSES,
  type SignalDetail,
  signalTransition,
} from '@wijkregie/shared';
import { type FormEvent, type ReactNode, useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, ErrorAlert } from '../../components/Alert.tsx';
import { Button, SubmitButton } from '../../components/Button.tsx';
import { DateField, SelectField, TextareaField, TextField } from '../../components/fields.tsx';
import { Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { PartnerCheckboxes } from '../../components/PartnerCheckboxes.tsx';
import { Section } from '../../components/Section.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { todayIso } from '../../lib/dates.ts';
import { codeOptions, formatDateTime, labelOf } from '../../lib/format.ts';
import { useColleagues } from '../../lib/reference.ts';
import { excerpt, formatSignalLocation } from '../../lib/signals.ts';
import { useApiData } from '../../lib/useApiData.ts';
import type { FlashState } from '../../lib/useFlashMessage.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import type { FieldErrors } from '../../lib/validation.ts';
import { SignalStatusBadge } from './SignalParts.tsx';

export interface SignalTriageProps {
  signal: SignalDetail;
  partners: readonly Partner[];
  onChanged: (message: string) => void;
}

/** What the regisseur or the routed partner can do with a signal (shown only when `canTriage`). */
export function SignalTriage({ signal, partners, onChanged }: SignalTriageProps) {
  const user = useUser();
  const regisseur = user.roles.includes('regisseur');
  const next = SIGNAL_STATUSES.filter((to) => {
    const kind = signalTransition(signal.status, to);
    return kind !== 'invalid' && (kind !== 'reopen' || regisseur);
  });
  const mayDismiss = next.includes('dismissed');
  const closed = signal.status === 'closed' || signal.status === 'dismissed';

  return (
    <Section id="signal-triage" title="Behandelen" className="wr-triage">
      <StatusForm signal={signal} options={next.filter((s) => s !== 'dismissed')} onChanged={onChanged} />
      {mayDismiss && <DismissForm signal={signal} onChanged={onChanged} />}
      {!closed && <PlanVisitForm signal={signal} onChanged={onChanged} />}
      {!closed && <Duplicates signal={signal} onChanged={onChanged} />}
      {!signal.caseId && !closed && <AttachCaseForm signal={signal} onChanged={onChanged} />}
      {!signal.caseId && !closed && <StartCaseForm signal={signal} partners={partners} />}
    </Section>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Section id={id} title={title} level={3} className="wr-card wr-triage__part">
      {children}
    </Section>
  );
}

interface PartProps {
  signal: SignalDetail;
  onChanged: (message: string) => void;
}

function StatusForm({ signal, options, onChanged }: PartProps & { options: readonly string[] }) {
  const formId = 'signal-status';
  const { busy, formError, validate, submit, values, setValues, field } = useForm(
    formId,
    ['status', 'publicUpdate'],
    { status: '', publicUpdate: '' },
  );
  const { status } = values;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = values.publicUpdate.trim();
    const missing = !status && !text;
    if (
      !validate(missing ? { status: 'Kies een nieuwe status of schrijf een bericht voor de melder' } : {})
    ) {
      return;
    }
    await submit(async () => {
      await api.updateSignal(signal.id, {
        ...(status ? { status: status as (typeof SIGNAL_STATUSES)[number] } : {}),
        ...(text ? { publicUpdate: text } : {}),
      });
      setValues({ status: '', publicUpdate: '' });
      onChanged(
        status
          ? `De status is gewijzigd in „${labelOf(SIGNAL_STATUS_LABELS, status)}”.`
          : 'Het bericht voor de melder is opgeslagen.',
      );
    });
  }

  return (
    <Part id={formId} title="Status en bericht voor de melder">
      <SubmitForm id={formId} error={formError} onSubmit={onSubmit}>
        <SelectField
          {...field('status')}
          label="Nieuwe status"
          description={`Nu: ${SIGNAL_STATUS_LABELS[signal.status].toLowerCase()}. Alleen de stappen die vanaf hier kunnen.`}
          placeholder="Status niet wijzigen"
          options={options.map((s) => ({ value: s, label: labelOf(SIGNAL_STATUS_LABELS, s) }))}
        />
        <TextareaField
          {...field('publicUpdate')}
          label="Bericht voor de melder (niet verplicht)"
          description="Een bewoner die dit meldde leest dit bij de code. Noem geen namen van mensen of organisaties. Max. 500 tekens."
          rows={3}
          maxLength={500}
        />
        <SubmitButton busy={busy}>Status wijzigen</SubmitButton>
      </SubmitForm>
    </Part>
  );
}

function DismissForm({ signal, onChanged }: PartProps) {
  const formId = 'signal-dismiss';
  const { busy, formError, validate, submit, values, field } = useForm(
    formId,
    ['outcome'],
    { outcome: '' },
    { focusServerErrors: false, keepBusyOnSuccess: true },
  );
  const reason = values.outcome;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!validate(reason.trim() ? {} : { outcome: 'Geef de reden waarom het signaal niet wordt opgepakt' })) {
      return;
    }
    await submit(async () => {
      await api.updateSignal(signal.id, { status: 'dismissed', outcome: reason.trim() });
      onChanged('Het signaal wordt niet opgepakt; de reden is vastgelegd.');
    });
  }

  return (
    <Part id={formId} title="Niet oppakken">
      <SubmitForm id={formId} error={formError} onSubmit={onSubmit}>
        <TextareaField
          {...field('outcome')}
          label="Reden"
          description="Waarom dit signaal niet wordt opgepakt (blijft in de geschiedenis staan)"
          rows={3}
        />
        <SubmitButton appearance="secondary-action" busy={busy}>
          Niet oppakken
        </SubmitButton>
      </SubmitForm>
    </Part>
  );
}

function PlanVisitForm({ signal, onChanged }: PartProps) {
  const formId = 'signal-visit';
  const colleagues = useColleagues();
  const { busy, formError, validate, submit, values, field } = useForm(
    formId,
    ['plannedDate', 'visitorUserId'],
    () => ({ plannedDate: todayIso(), visitorUserId: '' }),
  );
  const { plannedDate, visitorUserId } = values;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!validate(plannedDate ? {} : { plannedDate: 'Kies de datum van het bezoek' })) return;
    await submit(async () => {
      await api.planVisit(signal.id, { plannedDate, ...(visitorUserId ? { visitorUserId } : {}) });
      onChanged('Het huisbezoek is gepland.');
    });
  }

  return (
    <Part id={formId} title="Huisbezoek plannen">
      <SubmitForm id={formId} error={formError} onSubmit={onSubmit}>
        <div className="wr-field-row">
          <DateField {...field('plannedDate')} label="Datum" />
          <SelectField
            {...field('visitorUserId')}
            label="Bezoeker (niet verplicht)"
            description="Zonder bezoeker staat het op de werklijst van je organisatie"
            placeholder="Iemand van mijn organisatie"
            options={colleagues.sorted.map((c) => ({ value: c.id, label: c.name }))}
          />
        </div>
        <SubmitButton appearance="secondary-action" busy={busy}>
          Huisbezoek plannen
        </SubmitButton>
      </SubmitForm>
    </Part>
  );
}

function Duplicates({ signal, onChanged }: PartProps) {
  const loader = useCallback((abort: AbortSignal) => api.signalDuplicates(signal.id, abort), [signal.id]);
  const duplicates = useApiData(loader);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function merge(intoId: string) {
    setError(null);
    setBusy(intoId);
    try {
      await api.mergeSignal(signal.id, intoId);
      onChanged('Dit signaal is samengevoegd met het andere signaal; beide geschiedenissen blijven bewaard.');
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : 'Samenvoegen is niet gelukt.');
      setBusy(null);
    }
  }

  const items = duplicates.data?.items ?? [];
  return (
    <Part id="signal-duplicates" title="Waarschijnlijk dubbel">
      <Paragraph className="wr-muted">
        Signalen van dezelfde categorie, dichtbij en recent. Samenvoegen sluit dit signaal en zet de opvolging
        voort bij het andere.
      </Paragraph>
      {duplicates.error && <Alert type="error">{duplicates.error}</Alert>}
      <ErrorAlert message={error} />
      {duplicates.loading && !duplicates.data && <Paragraph>Wordt gezocht…</Paragraph>}
      {duplicates.data && items.length === 0 && <Paragraph>Geen waarschijnlijke dubbele signalen.</Paragraph>}
      {items.length > 0 && (
        <ul className="wr-chosen">
          {items.map((d) => {
            const name = excerpt(d.description, 60);
            return (
              <li key={d.id} className="wr-chosen__item">
                <span>
                  <TextLink to={`/signalen/${d.id}`}>{name}</TextLink>
                  <span className="wr-muted">
                    {' '}
                    · {formatDateTime(d.createdAt)}
                    {formatSignalLocation(d.location) ? ` · ${formatSignalLocation(d.location)}` : ''}
                  </span>{' '}
                  <SignalStatusBadge status={d.status} prefix />
                </span>
                <Button appearance="secondary-action" busy={busy === d.id} onClick={() => void merge(d.id)}>
                  Samenvoegen<VisuallyHidden> met „{name}”</VisuallyHidden>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </Part>
  );
}

const loadCases = (signal: AbortSignal) => api.listCases({}, { limit: 100, offset: 0 }, signal);

function AttachCaseForm({ signal, onChanged }: PartProps) {
  const formId = 'signal-attach';
  const cases = useApiData(loadCases);
  const { busy, formError, validate, submit, values, field } = useForm(
    formId,
    ['caseId'],
    { caseId: '' },
    { focusServerErrors: false, keepBusyOnSuccess: true },
  );
  const { caseId } = values;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!validate(caseId ? {} : { caseId: 'Kies een casus' })) return;
    await submit(async () => {
      await api.updateSignal(signal.id, { caseId });
      onChanged('Het signaal is aan de casus gekoppeld.');
    });
  }

  return (
    <Part id={formId} title="Koppelen aan een casus">
      {cases.error && <Alert type="error">{cases.error}</Alert>}
      <SubmitForm id={formId} error={formError} onSubmit={onSubmit}>
        <SelectField
          {...field('caseId')}
          label="Casus"
          description="De casussen die je mag zien, laatst gewijzigd eerst"
          placeholder="Kies een casus"
          options={(cases.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.reference} ${c.title}`,
          }))}
        />
        <SubmitButton appearance="secondary-action" busy={busy}>
          Koppelen aan casus
        </SubmitButton>
      </SubmitForm>
    </Part>
  );
}

const CASE_TYPE_OPTIONS = codeOptions(CASE_TYPES, CASE_TYPE_LABELS);

function StartCaseForm({ signal, partners }: { signal: SignalDetail; partners: readonly Partner[] }) {
  const formId = 'signal-case';
  const fields = ['title', 'type', 'partnerIds'] as const;
  const user = useUser();
  const navigate = useNavigate();
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const { busy, formError, errors, validate, submit, values, field } = useForm(
    formId,
    fields,
    { title: '', type: '' },
    { keepBusyOnSuccess: true },
  );
  const { title, type } = values;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const e: FieldErrors = {};
    if (!title.trim()) e.title = 'Titel is verplicht';
    if (!type) e.type = 'Kies een soort casus';
    if (!validate(e)) return;
    await submit(async () => {
      const created = await api.startCaseFromSignal(signal.id, {
        title: title.trim(),
        type: type as (typeof CASE_TYPES)[number],
        partnerIds: partnerIds.filter((id) => id !== user.partnerId),
      });
      const state: FlashState = { message: `Casus ${created.case.reference} is gestart vanuit het signaal.` };
      void navigate(`/casussen/${created.case.id}`, { state });
    });
  }

  return (
    <Part id={formId} title="Casus starten">
      <Paragraph className="wr-muted">
        De betrokken personen van het signaal gaan mee naar de casus.
      </Paragraph>
      <SubmitForm id={formId} error={formError} onSubmit={onSubmit}>
        <TextField
          {...field('title')}
          label="Titel"
          description="Kort en zonder gevoelige details"
          autoComplete="off"
        />
        <SelectField
          {...field('type')}
          label="Soort casus"
          placeholder="Kies een soort"
          options={CASE_TYPE_OPTIONS}
        />
        <PartnerCheckboxes
          formId={formId}
          legend="Deelnemende partners"
          error={errors.partnerIds}
          partners={partners}
          value={partnerIds}
          onChange={setPartnerIds}
          ownPartnerId={user.partnerId}
          ownFixed
        />
        <SubmitButton appearance="secondary-action" busy={busy}>
          Casus starten
        </SubmitButton>
      </SubmitForm>
    </Part>
  );
}

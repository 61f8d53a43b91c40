import {
  type Case,
  createMeetingSchema,
  hasPermission,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
} from '@wijkregie/shared';
import { type FormEvent, type KeyboardEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormField } from '../../components/FormField.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Select } from '../../components/Select.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { useColleagues, usePartners } from '../../lib/reference.ts';
import type { FlashState } from '../../lib/useFlashMessage.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import {
  apiErrorToSubmitErrors,
  type FieldErrors,
  focusFirstError,
  issuesToFieldErrors,
} from '../../lib/validation.ts';
import { isoDate } from '../actions/ActionForm.tsx';
import { byName } from '../admin/PartnersPage.tsx';
import { NoAccessPage } from '../NotFoundPage.tsx';

const FORM_ID = 'meeting';
const FIELDS = [
  'title',
  'kind',
  'date',
  'time',
  'startsAt',
  'place',
  'chairUserId',
  'partnerIds',
  'caseIds',
  'intervalWeeks',
  'count',
  'recurrence',
] as const;
const KIND_OPTIONS = MEETING_KINDS.map((kind) => ({ value: kind, label: MEETING_KIND_LABELS[kind] }));
const CASE_SEARCH_LIMIT = 50;

type CaseChoice = Pick<Case, 'id' | 'reference' | 'title'>;

function caseLabel(c: CaseChoice): string {
  return `${c.reference} ${c.title}`;
}

export function NewMeetingPage() {
  const user = useUser();
  if (!hasPermission(user, 'cases.write')) return <NoAccessPage title="Nieuw overleg" />;
  return <NewMeetingForm />;
}

function NewMeetingForm() {
  usePageTitle('Nieuw overleg');
  const user = useUser();
  const navigate = useNavigate();
  const partners = usePartners();
  const colleagues = useColleagues();

  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('case');
  const [date, setDate] = useState(() => isoDate(new Date(Date.now() + 24 * 3600 * 1000)));
  const [time, setTime] = useState('10:00');
  const [place, setPlace] = useState('');
  const [chairUserId, setChairUserId] = useState(user.id);
  const [partnerIds, setPartnerIds] = useState<string[]>([user.partnerId]);
  const [chosen, setChosen] = useState<CaseChoice[]>([]);
  const [repeat, setRepeat] = useState(false);
  const [intervalWeeks, setIntervalWeeks] = useState('2');
  const [count, setCount] = useState('4');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const partnerList = partners.data ? [...partners.data.items].sort(byName) : [];

  function togglePartner(id: string, checked: boolean) {
    setPartnerIds((current) => (checked ? [...current, id] : current.filter((p) => p !== id)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const errors: FieldErrors = {};
    const start = date && time ? new Date(`${date}T${time}`) : null;
    if (!date) errors.date = 'Vul een datum in';
    if (!time) errors.time = 'Vul een tijd in';
    else if (start && Number.isNaN(start.getTime())) errors.date = 'Geen geldige datum of tijd';
    const parsed = createMeetingSchema.safeParse({
      title,
      kind,
      startsAt: start && !Number.isNaN(start.getTime()) ? start.toISOString() : '',
      place: place.trim() || null,
      chairUserId,
      partnerIds,
      caseIds: chosen.map((c) => c.id),
      recurrence: repeat ? { intervalWeeks: Number(intervalWeeks), count: Number(count) } : null,
    });
    if (!parsed.success) {
      const issues = issuesToFieldErrors(parsed.error, { leaf: true });
      for (const [key, value] of Object.entries(issues)) {
        if (key === 'startsAt') {
          if (!errors.date && !errors.time) errors.date = value;
        } else if (errors[key] === undefined) errors[key] = value;
      }
    }
    if (chairUserId === '') errors.chairUserId = 'Kies een voorzitter';
    setFieldErrors(errors);
    if (!parsed.success || Object.keys(errors).length > 0) {
      focusFirstError(FORM_ID, FIELDS, errors);
      return;
    }
    setBusy(true);
    try {
      const created = await api.createMeeting(parsed.data);
      const state: FlashState = {
        message: repeat
          ? `Het overleg „${created.title}” is gepland, met ${count} keer in totaal.`
          : `Het overleg „${created.title}” is gepland.`,
      };
      void navigate(`/overleggen/${created.id}`, { state });
    } catch (error) {
      const submitErrors = apiErrorToSubmitErrors(error, FIELDS, { leaf: true });
      if (submitErrors.fields.startsAt) submitErrors.fields.date = submitErrors.fields.startsAt;
      setFormError(submitErrors.form);
      setFieldErrors(submitErrors.fields);
      focusFirstError(FORM_ID, FIELDS, submitErrors.fields);
      setBusy(false);
    }
  }

  return (
    <>
      <Paragraph className="wr-breadcrumb">
        <Link className="utrecht-link utrecht-link--html-a" to="/overleggen">
          Overleggen
        </Link>
      </Paragraph>
      <PageHeading>Nieuw overleg</PageHeading>
      <Paragraph>
        Plan een overleg, nodig de partners uit en zet de casussen op de agenda die besproken worden.
      </Paragraph>
      {formError && (
        <Alert type="error" role="alert">
          {formError}
        </Alert>
      )}
      <form
        id={FORM_ID}
        aria-label="Nieuw overleg"
        noValidate
        onSubmit={onSubmit}
        className="wr-form wr-card"
      >
        <FormField id={`${FORM_ID}-title`} label="Titel" error={fieldErrors.title}>
          {(control) => (
            <Textbox
              {...control}
              name="title"
              autoComplete="off"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${FORM_ID}-kind`} label="Soort overleg" error={fieldErrors.kind}>
          {(control) => (
            <Select
              {...control}
              name="kind"
              options={KIND_OPTIONS}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
            />
          )}
        </FormField>
        <div className="wr-field-row">
          <FormField id={`${FORM_ID}-date`} label="Datum" error={fieldErrors.date}>
            {(control) => (
              <Textbox
                {...control}
                type="date"
                name="date"
                className="wr-date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${FORM_ID}-time`} label="Begintijd" error={fieldErrors.time}>
            {(control) => (
              <Textbox
                {...control}
                type="time"
                name="time"
                className="wr-time"
                value={time}
                onChange={(e) => setTime(e.target.value)}
              />
            )}
          </FormField>
        </div>
        <FormField
          id={`${FORM_ID}-place`}
          label="Plaats (optioneel)"
          description="Een zaal of een link naar het online overleg"
          error={fieldErrors.place}
        >
          {(control) => (
            <Textbox
              {...control}
              name="place"
              autoComplete="off"
              value={place}
              onChange={(e) => setPlace(e.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${FORM_ID}-chairUserId`} label="Voorzitter" error={fieldErrors.chairUserId}>
          {(control) => (
            <Select
              {...control}
              name="chairUserId"
              placeholder={colleagues.data ? 'Kies een voorzitter' : 'Collega’s worden geladen…'}
              options={colleagues.sorted.map((c) => ({
                value: c.id,
                label: `${c.id === user.id ? `${c.name} (jij)` : c.name} – ${partners.names.get(c.partnerId) ?? 'onbekende partner'}`,
              }))}
              value={colleagues.data ? chairUserId : ''}
              onChange={(e) => setChairUserId(e.target.value)}
            />
          )}
        </FormField>
        <Fieldset id={`${FORM_ID}-partnerIds`} legend="Uitgenodigde partners" error={fieldErrors.partnerIds}>
          {partners.error && <Alert type="error">{partners.error}</Alert>}
          <div className="wr-checkbox-columns">
            {partnerList.map((partner) => (
              <Checkbox
                key={partner.id}
                id={`${FORM_ID}-partner-${partner.id}`}
                name="partnerIds"
                value={partner.id}
                label={
                  partner.id === user.partnerId ? `${partner.name} (je eigen organisatie)` : partner.name
                }
                checked={partnerIds.includes(partner.id)}
                onChange={(e) => togglePartner(partner.id, e.target.checked)}
              />
            ))}
          </div>
        </Fieldset>
        <AgendaPicker chosen={chosen} onChange={setChosen} error={fieldErrors.caseIds} />
        <Fieldset
          id={`${FORM_ID}-recurrence`}
          legend="Herhaling"
          error={fieldErrors.recurrence}
          description="Een vast overleg plan je in één keer als reeks."
        >
          <Checkbox
            id={`${FORM_ID}-repeat`}
            label="Dit overleg herhalen"
            checked={repeat}
            onChange={(e) => setRepeat(e.target.checked)}
          />
          {repeat && (
            <div className="wr-field-row">
              <FormField
                id={`${FORM_ID}-intervalWeeks`}
                label="Elke … weken"
                error={fieldErrors.intervalWeeks}
              >
                {(control) => (
                  <Textbox
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={12}
                    name="intervalWeeks"
                    className="wr-number"
                    value={intervalWeeks}
                    onChange={(e) => setIntervalWeeks(e.target.value)}
                  />
                )}
              </FormField>
              <FormField id={`${FORM_ID}-count`} label="Aantal keer in totaal" error={fieldErrors.count}>
                {(control) => (
                  <Textbox
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={2}
                    max={52}
                    name="count"
                    className="wr-number"
                    value={count}
                    onChange={(e) => setCount(e.target.value)}
                  />
                )}
              </FormField>
            </div>
          )}
        </Fieldset>
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          Overleg plannen
        </Button>
      </form>
    </>
  );
}

interface AgendaPickerProps {
  chosen: readonly CaseChoice[];
  onChange: (chosen: CaseChoice[]) => void;
  error: string | undefined;
}

/** The cases on the agenda: search the cases the user may see and tick them. */
function AgendaPicker({ chosen, onChange, error }: AgendaPickerProps) {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<CaseChoice[] | null>(null);
  const [total, setTotal] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoadError(null);
    api
      .listCases({ q: search || undefined }, { limit: CASE_SEARCH_LIMIT, offset: 0 }, controller.signal)
      .then((page) => {
        setResults(page.items);
        setTotal(page.total);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setLoadError(
          reason instanceof ApiError ? reason.problem.detail : 'De casussen konden niet worden geladen.',
        );
      });
    return () => controller.abort();
  }, [search]);

  const chosenIds = new Set(chosen.map((c) => c.id));
  const others = (results ?? []).filter((c) => !chosenIds.has(c.id));

  function toggle(c: CaseChoice, checked: boolean) {
    onChange(checked ? [...chosen, c] : chosen.filter((x) => x.id !== c.id));
  }

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      setSearch(q.trim());
    }
  }

  return (
    <Fieldset
      id={`${FORM_ID}-caseIds`}
      legend="Casussen op de agenda"
      description="Alleen casussen die je mag zien. Zoek op kenmerk of titel."
      error={error}
    >
      <div className="wr-inline-control">
        <label className="wr-visually-hidden" htmlFor={`${FORM_ID}-case-search`}>
          Casus zoeken
        </label>
        <Textbox
          id={`${FORM_ID}-case-search`}
          type="search"
          autoComplete="off"
          placeholder="Kenmerk of titel"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <Button onClick={() => setSearch(q.trim())}>
          Zoeken<span className="wr-visually-hidden"> casussen</span>
        </Button>
      </div>
      {loadError && <Alert type="error">{loadError}</Alert>}
      <p className="utrecht-paragraph wr-muted" aria-live="polite">
        {results === null
          ? 'De casussen worden geladen…'
          : `${chosen.length} gekozen. ${total > CASE_SEARCH_LIMIT ? `De eerste ${CASE_SEARCH_LIMIT} van ${total} casussen; zoek om te verfijnen.` : `${total} ${total === 1 ? 'casus' : 'casussen'} gevonden.`}`}
      </p>
      <div className="wr-case-choices">
        {chosen.map((c) => (
          <Checkbox
            key={c.id}
            id={`${FORM_ID}-case-${c.id}`}
            name="caseIds"
            value={c.id}
            label={caseLabel(c)}
            checked
            onChange={(e) => toggle(c, e.target.checked)}
          />
        ))}
        {others.map((c) => (
          <Checkbox
            key={c.id}
            id={`${FORM_ID}-case-${c.id}`}
            name="caseIds"
            value={c.id}
            label={caseLabel(c)}
            checked={false}
            onChange={(e) => toggle({ id: c.id, reference: c.reference, title: c.title }, e.target.checked)}
          />
        ))}
      </div>
    </Fieldset>
  );
}

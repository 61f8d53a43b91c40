import { createMeetingSchema, MEETING_KIND_LABELS, MEETING_KINDS } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Choice.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormPage } from '../../components/FormCard.tsx';
import { DateField, NumberField, SelectField, TextField } from '../../components/fields.tsx';
import { PartnerCheckboxes } from '../../components/PartnerCheckboxes.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { codeOptions } from '../../lib/format.ts';
import { useColleagues, usePartners } from '../../lib/reference.ts';
import { useNavigateWithMessage } from '../../lib/useFlashMessage.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { nameOrYou } from '../../lib/users.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';
import { AgendaPicker, type CaseChoice } from './AgendaPicker.tsx';
import { amsterdamDateTime, fromAmsterdam } from './amsterdamTime.ts';

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
const KIND_OPTIONS = codeOptions(MEETING_KINDS, MEETING_KIND_LABELS);

export function NewMeetingPage() {
  return (
    <Permitted permission="meetings.write" title="Nieuw overleg">
      <NewMeetingForm />
    </Permitted>
  );
}

function NewMeetingForm() {
  usePageTitle('Nieuw overleg');
  const user = useUser();
  const navigate = useNavigateWithMessage();
  const partners = usePartners();
  const colleagues = useColleagues();
  const { busy, formError, errors, validate, submit, values, field } = useForm(
    FORM_ID,
    FIELDS,
    () => ({
      title: '',
      kind: 'case',
      // Tomorrow in Amsterdam, not in the browser's time zone.
      date: amsterdamDateTime(new Date(Date.now() + 86_400_000).toISOString()).date,
      time: '10:00',
      place: '',
      chairUserId: user.id,
      intervalWeeks: '2',
      count: '4',
    }),
    { leaf: true, keepBusyOnSuccess: true, aliases: { startsAt: 'date' } },
  );
  const [partnerIds, setPartnerIds] = useState<string[]>([user.partnerId]);
  const [chosen, setChosen] = useState<CaseChoice[]>([]);
  const [repeat, setRepeat] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { title, kind, date, time, place, chairUserId, intervalWeeks, count } = values;
    const errors: FieldErrors = {};
    // The date and time are Dutch local time, whatever the browser's time zone (fault 6 of issue 11).
    const startsAt = date && time ? fromAmsterdam(date, time) : null;
    if (!date) errors.date = 'Vul een datum in';
    if (!time) errors.time = 'Vul een tijd in';
    else if (date && !startsAt) errors.date = 'Geen geldige datum of tijd';
    const parsed = createMeetingSchema.safeParse({
      title,
      kind,
      startsAt: startsAt ?? '',
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
    if (!validate(errors) || !parsed.success) return;
    await submit(async () => {
      const created = await api.createMeeting(parsed.data);
      navigate(
        `/overleggen/${created.id}`,
        repeat
          ? `Het overleg „${created.title}” is gepland, met ${count} keer in totaal.`
          : `Het overleg „${created.title}” is gepland.`,
      );
    });
  }

  return (
    <FormPage
      id={FORM_ID}
      title="Nieuw overleg"
      back={{ to: '/overleggen', label: 'Overleggen' }}
      intro={
        <>Plan een overleg, nodig de partners uit en zet de casussen op de agenda die besproken worden.</>
      }
      error={formError}
      onSubmit={onSubmit}
    >
      <TextField {...field('title')} label="Titel" autoComplete="off" />
      <SelectField {...field('kind')} label="Soort overleg" options={KIND_OPTIONS} />
      <div className="wr-field-row">
        <DateField {...field('date')} label="Datum" />
        <TextField {...field('time')} label="Begintijd" type="time" className="wr-time" />
      </div>
      <TextField
        {...field('place')}
        label="Plaats (optioneel)"
        description="Een zaal of een link naar het online overleg"
        autoComplete="off"
      />
      <SelectField
        {...field('chairUserId')}
        label="Voorzitter"
        placeholder={colleagues.data ? 'Kies een voorzitter' : 'Collega’s worden geladen…'}
        options={colleagues.sorted.map((c) => ({
          value: c.id,
          label: `${nameOrYou(c, user)} – ${partners.names.get(c.partnerId) ?? 'onbekende partner'}`,
        }))}
        value={colleagues.data ? values.chairUserId : ''}
      />
      <PartnerCheckboxes
        formId={FORM_ID}
        legend="Uitgenodigde partners"
        error={errors.partnerIds}
        partners={(partners.data?.items ?? []).filter((p) => p.active)}
        value={partnerIds}
        onChange={setPartnerIds}
        ownPartnerId={user.partnerId}
        loadError={partners.error}
      />
      <AgendaPicker formId={FORM_ID} chosen={chosen} onChange={setChosen} error={errors.caseIds} />
      <Fieldset
        id={`${FORM_ID}-recurrence`}
        legend="Herhaling"
        error={errors.recurrence}
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
            <NumberField {...field('intervalWeeks')} label="Elke … weken" min={1} max={12} />
            <NumberField {...field('count')} label="Aantal keer in totaal" min={2} max={52} />
          </div>
        )}
      </Fieldset>
      <SubmitButton busy={busy}>Overleg plannen</SubmitButton>
    </FormPage>
  );
}

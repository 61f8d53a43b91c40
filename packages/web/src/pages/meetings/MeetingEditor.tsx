import { type Colleague, type Meeting, updateMeetingSchema } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Choice.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { DateField, TextField } from '../../components/fields.tsx';
import { Heading, Paragraph } from '../../components/Heading.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import type { Names } from '../../lib/reference.ts';
import { sortedByName } from '../../lib/sort.ts';
import { useForm, useFormSubmit } from '../../lib/useFormSubmit.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';
import { AgendaPicker, type CaseChoice } from './AgendaPicker.tsx';
import { amsterdamDateTime, fromAmsterdam } from './amsterdamTime.ts';

export interface MeetingEditorProps {
  meeting: Meeting;
  /** Staff with case access, to offer for the attendance list. */
  colleagues: readonly Colleague[];
  partnerNames: Names;
  onChanged: (meeting: Meeting, message: string) => void;
}

/**
 * What the chair (or a regisseur) changes on a planned meeting: title, time and place, the agenda,
 * who attended, or cancelling it. Each part saves on its own, so a chair who only ticks the
 * attendance list does not resend the rest.
 */
export function MeetingEditor({ meeting, colleagues, partnerNames, onChanged }: MeetingEditorProps) {
  return (
    <>
      <DetailsForm meeting={meeting} onChanged={onChanged} />
      <AgendaForm meeting={meeting} onChanged={onChanged} />
      <AttendanceForm
        meeting={meeting}
        colleagues={colleagues}
        partnerNames={partnerNames}
        onChanged={onChanged}
      />
      <CancelMeeting meeting={meeting} onChanged={onChanged} />
    </>
  );
}

interface PartProps {
  meeting: Meeting;
  onChanged: (meeting: Meeting, message: string) => void;
}

const DETAILS_ID = 'meeting-details';
const DETAILS_FIELDS = ['title', 'date', 'time', 'place'] as const;

function DetailsForm({ meeting, onChanged }: PartProps) {
  const local = amsterdamDateTime(meeting.startsAt);
  const { busy, formError, validate, submit, values, field } = useForm(
    DETAILS_ID,
    DETAILS_FIELDS,
    { title: meeting.title, date: local.date, time: local.time, place: meeting.place ?? '' },
    { aliases: { startsAt: 'date' } },
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    const startsAt = fromAmsterdam(values.date, values.time);
    if (!values.date) errors.date = 'Vul een datum in';
    if (!values.time) errors.time = 'Vul een tijd in';
    else if (!startsAt) errors.date = 'Geen geldige datum of tijd';
    const parsed = updateMeetingSchema.safeParse({
      title: values.title,
      startsAt: startsAt ?? '',
      place: values.place.trim() || null,
    });
    if (!parsed.success) {
      for (const [key, value] of Object.entries(issuesToFieldErrors(parsed.error))) {
        if (key !== 'startsAt' && errors[key] === undefined) errors[key] = value;
      }
    }
    if (!validate(errors) || !parsed.success) return;
    await submit(async () => {
      const updated = await api.updateMeeting(meeting.id, parsed.data);
      const moved = updated.startsAt !== meeting.startsAt;
      onChanged(updated, moved ? 'Het overleg is gewijzigd en verplaatst.' : 'Het overleg is gewijzigd.');
    });
  }

  return (
    <div className="wr-card">
      <Heading level={3} id={`${DETAILS_ID}-heading`}>
        Titel, tijd en plaats
      </Heading>
      <SubmitForm id={DETAILS_ID} error={formError} onSubmit={onSubmit}>
        <TextField {...field('title')} label="Titel" autoComplete="off" />
        <div className="wr-field-row">
          <DateField {...field('date')} label="Datum" />
          <TextField {...field('time')} label="Begintijd" type="time" className="wr-time" />
        </div>
        <TextField {...field('place')} label="Plaats (optioneel)" autoComplete="off" />
        <SubmitButton busy={busy}>Wijzigingen opslaan</SubmitButton>
      </SubmitForm>
    </div>
  );
}

const AGENDA_ID = 'meeting-agenda';

function AgendaForm({ meeting, onChanged }: PartProps) {
  const { busy, formError, errors, submit } = useFormSubmit(AGENDA_ID, ['caseIds'], { leaf: true });
  const [chosen, setChosen] = useState<CaseChoice[]>(() =>
    meeting.agenda.map((a) => ({ id: a.caseId, reference: a.caseReference ?? '', title: a.caseTitle ?? '' })),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(async () => {
      const updated = await api.updateMeeting(meeting.id, { caseIds: chosen.map((c) => c.id) });
      onChanged(updated, 'De agenda is opgeslagen.');
    });
  }

  return (
    <div className="wr-card">
      <Heading level={3} id={`${AGENDA_ID}-heading`}>
        Agenda aanpassen
      </Heading>
      <Paragraph className="wr-muted">
        Vink een casus uit om hem van de agenda te halen. Casussen die je niet mag zien, blijven staan.
      </Paragraph>
      <SubmitForm id={AGENDA_ID} error={formError} onSubmit={onSubmit}>
        <AgendaPicker formId={AGENDA_ID} chosen={chosen} onChange={setChosen} error={errors.caseIds} />
        <SubmitButton busy={busy}>Agenda opslaan</SubmitButton>
      </SubmitForm>
    </div>
  );
}

const ATTENDANCE_ID = 'meeting-attendance';

interface AttendanceProps extends PartProps {
  colleagues: readonly Colleague[];
  partnerNames: Names;
}

/**
 * The attendance list: the chair and the colleagues of the invited partners, and whoever was
 * recorded before (also somebody deactivated since). Ticked is present; somebody unticked who was
 * recorded before is recorded absent; the others are not recorded at all.
 */
function AttendanceForm({ meeting, colleagues, partnerNames, onChanged }: AttendanceProps) {
  const { busy, formError, submit } = useFormSubmit(ATTENDANCE_ID, ['attendance']);
  const recorded = new Map(meeting.attendance.map((a) => [a.userId, a]));
  const people = sortedByName([
    ...meeting.attendance.map((a) => ({ id: a.userId, name: a.name, partnerId: a.partnerId })),
    ...colleagues.filter(
      (c) =>
        !recorded.has(c.id) && (c.id === meeting.chairUserId || meeting.partnerIds.includes(c.partnerId)),
    ),
  ]);
  const [present, setPresent] = useState<Set<string>>(
    () => new Set(meeting.attendance.filter((a) => a.present).map((a) => a.userId)),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const attendance = people
      .filter((p) => present.has(p.id) || recorded.has(p.id))
      .map((p) => ({ userId: p.id, present: present.has(p.id) }));
    await submit(async () => {
      const updated = await api.updateMeeting(meeting.id, { attendance });
      const count = updated.attendance.filter((a) => a.present).length;
      onChanged(updated, `De aanwezigheid is vastgelegd: ${count} aanwezig.`);
    });
  }

  return (
    <div className="wr-card">
      <Heading level={3} id={`${ATTENDANCE_ID}-heading`}>
        Aanwezigheid
      </Heading>
      <SubmitForm id={ATTENDANCE_ID} error={formError} onSubmit={onSubmit}>
        <Fieldset
          id={`${ATTENDANCE_ID}-attendance`}
          legend="Wie was er aanwezig?"
          description="De voorzitter en de medewerkers van de uitgenodigde partners."
        >
          {people.length === 0 ? (
            <Paragraph>Er zijn geen deelnemers om aan te vinken.</Paragraph>
          ) : (
            <div className="wr-case-choices">
              {people.map((p) => (
                <Checkbox
                  key={p.id}
                  id={`${ATTENDANCE_ID}-${p.id}`}
                  label={`${p.name} (${partnerNames.get(p.partnerId) ?? 'partner wordt geladen…'})`}
                  checked={present.has(p.id)}
                  onChange={(e) => {
                    const checked = e.target.checked;
                    setPresent((current) => {
                      const next = new Set(current);
                      if (checked) next.add(p.id);
                      else next.delete(p.id);
                      return next;
                    });
                  }}
                />
              ))}
            </div>
          )}
        </Fieldset>
        <SubmitButton busy={busy}>Aanwezigheid opslaan</SubmitButton>
      </SubmitForm>
    </div>
  );
}

function CancelMeeting({ meeting, onChanged }: PartProps) {
  const { busy, formError, submit } = useFormSubmit('meeting-cancel', []);
  const [confirming, setConfirming] = useState(false);

  // `submit` turns a failure into the message above, so this promise never rejects.
  async function cancel() {
    await submit(async () => {
      const updated = await api.updateMeeting(meeting.id, { status: 'cancelled' });
      onChanged(updated, 'Het overleg is geannuleerd.');
    });
  }

  return (
    <div className="wr-card">
      <Heading level={3} id="meeting-cancel-heading">
        Overleg annuleren
      </Heading>
      <ErrorAlert message={formError} />
      {confirming ? (
        <>
          <Paragraph>
            Het overleg blijft zichtbaar als geannuleerd, met het verslag en de acties die er al bij horen.
            Daarna kun je het niet meer wijzigen. Annuleren?
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action" busy={busy} disabled={busy} onClick={() => void cancel()}>
              Ja, overleg annuleren
            </Button>
            <Button onClick={() => setConfirming(false)}>Nee, laten staan</Button>
          </ButtonGroup>
        </>
      ) : (
        <Button onClick={() => setConfirming(true)}>Overleg annuleren…</Button>
      )}
    </div>
  );
}

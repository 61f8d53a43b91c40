import { type Action, type Colleague, createActionSchema, type Partner } from '@wijkregie/shared';
import type { FormEvent } from 'react';
import { api } from '../api/endpoints.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { daysFromNow } from '../lib/dates.ts';
import { nameOptions } from '../lib/sort.ts';
import { useForm } from '../lib/useFormSubmit.ts';
import { nameOrYou } from '../lib/users.ts';
import { type FieldErrors, issuesToFieldErrors } from '../lib/validation.ts';
import { SubmitButton } from './Button.tsx';
import { DateField, SelectField, TextField } from './fields.tsx';
import { Heading } from './Heading.tsx';
import type { SelectOption } from './Select.tsx';
import { SubmitForm } from './SubmitForm.tsx';

const FIELDS = ['caseId', 'title', 'ownerPartnerId', 'assigneeUserId', 'dueDate'] as const;

export interface ActionFormProps {
  /** Prefix of the ids in the form, unique on the page. */
  formId: string;
  heading: string;
  /** The case of the action, or the cases to choose from (the agenda of a meeting). */
  caseId?: string;
  caseOptions?: readonly SelectOption[];
  meetingId?: string;
  /** The organisations to choose from; deactivated ones (`active: false`) are not offered. */
  partners: readonly (Partner & { active?: boolean })[];
  /** Active users of active partners (the server lists no others). */
  colleagues: readonly Colleague[];
  onCreated: (action: Action) => void;
}

/** A new action: what, which organisation is responsible, optionally who, and by when. */
export function ActionForm({
  formId,
  heading,
  caseId: fixedCaseId,
  caseOptions,
  meetingId,
  partners: all,
  colleagues,
  onCreated,
}: ActionFormProps) {
  const user = useUser();
  // A deactivated organisation takes on no new work (the server refuses it too).
  const partners = all.filter((p) => p.active !== false);
  const onlyCase = caseOptions?.length === 1 ? (caseOptions[0]?.value ?? '') : '';
  const ownDefault = partners.some((p) => p.id === user.partnerId) ? user.partnerId : '';
  const { busy, formError, validate, submit, values, setValues, field } = useForm(formId, FIELDS, () => ({
    caseId: fixedCaseId ?? onlyCase,
    title: '',
    ownerPartnerId: ownDefault,
    assigneeUserId: '',
    dueDate: daysFromNow(7),
  }));
  const { caseId, title, ownerPartnerId, assigneeUserId, dueDate } = values;
  const assignees = colleagues.filter((c) => c.partnerId === ownerPartnerId);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createActionSchema.safeParse({
      title,
      ownerPartnerId,
      assigneeUserId: assigneeUserId || undefined,
      dueDate,
      ...(meetingId ? { meetingId } : {}),
    });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (caseId === '') found.caseId = 'Kies een casus';
    if (ownerPartnerId === '') found.ownerPartnerId = 'Kies de verantwoordelijke organisatie';
    if (dueDate === '') found.dueDate = 'Vul een termijn in';
    if (!validate(found) || !parsed.success) return;
    await submit(async () => {
      const action = await api.createAction(caseId, parsed.data);
      setValues((current) => ({ ...current, title: '', assigneeUserId: '' }));
      onCreated(action);
    });
  }

  return (
    <div className="wr-card wr-action-form">
      <Heading level={3} id={`${formId}-heading`}>
        {heading}
      </Heading>
      <SubmitForm id={formId} error={formError} onSubmit={onSubmit}>
        {caseOptions && (
          <SelectField
            {...field('caseId')}
            label="Casus"
            placeholder={onlyCase ? undefined : 'Kies een casus'}
            options={caseOptions}
          />
        )}
        <TextField
          {...field('title')}
          label="Omschrijving"
          description="Wat moet er gebeuren?"
          autoComplete="off"
        />
        <SelectField
          {...field('ownerPartnerId')}
          label="Verantwoordelijke organisatie"
          placeholder="Kies een organisatie"
          options={nameOptions(partners)}
          onValue={(value) =>
            setValues((current) => ({ ...current, ownerPartnerId: value, assigneeUserId: '' }))
          }
        />
        <SelectField
          {...field('assigneeUserId')}
          label="Uitvoerder (optioneel)"
          description="Een medewerker van de verantwoordelijke organisatie"
          placeholder="Nog niemand"
          options={assignees.map((c) => ({ value: c.id, label: nameOrYou(c, user) }))}
        />
        <DateField {...field('dueDate')} label="Termijn" />
        <SubmitButton busy={busy}>Actie toevoegen</SubmitButton>
      </SubmitForm>
    </div>
  );
}

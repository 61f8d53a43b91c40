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

const FIELDS = ['caseId', 'title', 'goalId', 'ownerPartnerId', 'assigneeUserId', 'dueDate'] as const;

/** A goal of a case's plan that an action can work toward. */
export interface GoalOption {
  id: string;
  caseId: string;
  /** "Financiën: schulden in beeld" */
  label: string;
}

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
  /** The open goals of the case(s); the action can be tied to one of its own case ("Werkt aan doel"). */
  goals?: readonly GoalOption[];
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
  goals = [],
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
    goalId: '',
    ownerPartnerId: ownDefault,
    assigneeUserId: '',
    dueDate: daysFromNow(7),
  }));
  const { caseId, title, goalId, ownerPartnerId, assigneeUserId, dueDate } = values;
  const caseGoals = goals.filter((g) => g.caseId === caseId);
  const assignees = colleagues.filter((c) => c.partnerId === ownerPartnerId);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createActionSchema.safeParse({
      title,
      ownerPartnerId,
      assigneeUserId: assigneeUserId || undefined,
      dueDate,
      ...(meetingId ? { meetingId } : {}),
      ...(goalId && caseGoals.some((g) => g.id === goalId) ? { goalId } : {}),
    });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (caseId === '') found.caseId = 'Kies een casus';
    if (ownerPartnerId === '') found.ownerPartnerId = 'Kies de verantwoordelijke organisatie';
    if (dueDate === '') found.dueDate = 'Vul een termijn in';
    if (!validate(found) || !parsed.success) return;
    await submit(async () => {
      const action = await api.createAction(caseId, parsed.data);
      setValues((current) => ({ ...current, title: '', goalId: '', assigneeUserId: '' }));
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
            // Another case has other goals.
            onValue={(value) => setValues((current) => ({ ...current, caseId: value, goalId: '' }))}
          />
        )}
        <TextField
          {...field('title')}
          label="Omschrijving"
          description="Wat moet er gebeuren?"
          autoComplete="off"
        />
        {caseGoals.length > 0 && (
          <SelectField
            {...field('goalId')}
            label="Werkt aan doel (optioneel)"
            description="Een doel uit het plan van aanpak van de casus"
            placeholder="Geen doel"
            options={caseGoals.map((g) => ({ value: g.id, label: g.label }))}
          />
        )}
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

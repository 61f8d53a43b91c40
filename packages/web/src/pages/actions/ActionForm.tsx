import { type Action, createActionSchema, type Partner } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api, type Colleague } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Button } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Select, type SelectOption } from '../../components/Select.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';
import { byName } from '../admin/PartnersPage.tsx';

const FIELDS = ['caseId', 'title', 'ownerPartnerId', 'assigneeUserId', 'dueDate'] as const;

export interface ActionFormProps {
  /** Prefix of the ids in the form, unique on the page. */
  formId: string;
  heading: string;
  /** The case of the action, or the cases to choose from (the agenda of a meeting). */
  caseId?: string;
  caseOptions?: readonly SelectOption[];
  meetingId?: string;
  partners: readonly Partner[];
  colleagues: readonly Colleague[];
  onCreated: (action: Action) => void;
}

/** Today as YYYY-MM-DD in the browser's time zone, a week from now by default for a new action. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A new action: what, which organisation is responsible, optionally who, and by when. */
export function ActionForm({
  formId,
  heading,
  caseId: fixedCaseId,
  caseOptions,
  meetingId,
  partners,
  colleagues,
  onCreated,
}: ActionFormProps) {
  const user = useUser();
  const onlyCase = caseOptions?.length === 1 ? (caseOptions[0]?.value ?? '') : '';
  const [caseId, setCaseId] = useState(fixedCaseId ?? onlyCase);
  const [title, setTitle] = useState('');
  const ownDefault = partners.some((p) => p.id === user.partnerId) ? user.partnerId : '';
  const [ownerPartnerId, setOwnerPartnerId] = useState(ownDefault);
  const [assigneeUserId, setAssigneeUserId] = useState('');
  const [dueDate, setDueDate] = useState(() => isoDate(new Date(Date.now() + 7 * 24 * 3600 * 1000)));
  const { busy, formError, errors: fieldErrors, validate, submit } = useFormSubmit(formId, FIELDS);

  const assignees = colleagues.filter((c) => c.partnerId === ownerPartnerId);
  const headingId = `${formId}-heading`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createActionSchema.safeParse({
      title,
      ownerPartnerId,
      assigneeUserId: assigneeUserId || undefined,
      dueDate,
      ...(meetingId ? { meetingId } : {}),
    });
    const errors: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (caseId === '') errors.caseId = 'Kies een casus';
    if (ownerPartnerId === '') errors.ownerPartnerId = 'Kies de verantwoordelijke organisatie';
    if (dueDate === '') errors.dueDate = 'Vul een termijn in';
    if (!validate(errors) || !parsed.success) return;
    await submit(async () => {
      const action = await api.createAction(caseId, parsed.data);
      setTitle('');
      setAssigneeUserId('');
      onCreated(action);
    });
  }

  return (
    <div className="wr-card wr-action-form">
      <Heading level={3} id={headingId}>
        {heading}
      </Heading>
      <SubmitForm id={formId} labelledBy={headingId} error={formError} onSubmit={onSubmit}>
        {caseOptions && (
          <FormField id={`${formId}-caseId`} label="Casus" error={fieldErrors.caseId}>
            {(control) => (
              <Select
                {...control}
                name="caseId"
                placeholder={onlyCase ? undefined : 'Kies een casus'}
                options={caseOptions}
                value={caseId}
                onChange={(e) => setCaseId(e.target.value)}
              />
            )}
          </FormField>
        )}
        <FormField
          id={`${formId}-title`}
          label="Omschrijving"
          description="Wat moet er gebeuren?"
          error={fieldErrors.title}
        >
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
        <FormField
          id={`${formId}-ownerPartnerId`}
          label="Verantwoordelijke organisatie"
          error={fieldErrors.ownerPartnerId}
        >
          {(control) => (
            <Select
              {...control}
              name="ownerPartnerId"
              placeholder="Kies een organisatie"
              options={[...partners].sort(byName).map((p) => ({ value: p.id, label: p.name }))}
              value={ownerPartnerId}
              onChange={(e) => {
                setOwnerPartnerId(e.target.value);
                setAssigneeUserId('');
              }}
            />
          )}
        </FormField>
        <FormField
          id={`${formId}-assigneeUserId`}
          label="Uitvoerder (optioneel)"
          description="Een medewerker van de verantwoordelijke organisatie"
          error={fieldErrors.assigneeUserId}
        >
          {(control) => (
            <Select
              {...control}
              name="assigneeUserId"
              placeholder="Nog niemand"
              options={assignees.map((c) => ({
                value: c.id,
                label: c.id === user.id ? `${c.name} (jij)` : c.name,
              }))}
              value={assigneeUserId}
              onChange={(e) => setAssigneeUserId(e.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${formId}-dueDate`} label="Termijn" error={fieldErrors.dueDate}>
          {(control) => (
            <Textbox
              {...control}
              type="date"
              name="dueDate"
              className="wr-date"
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          Actie toevoegen
        </Button>
      </SubmitForm>
    </div>
  );
}

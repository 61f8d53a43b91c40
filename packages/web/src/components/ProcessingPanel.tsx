import {
  type AssignProcessingActivity,
  assignProcessingActivitySchema,
  hasPermission,
  type ProcessingActivity,
  type User,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useApiData } from '../lib/useApiData.ts';
import { useForm } from '../lib/useFormSubmit.ts';
import { type FieldErrors, issuesToFieldErrors } from '../lib/validation.ts';
import { ErrorAlert } from './Alert.tsx';
import { SubmitButton } from './Button.tsx';
import { DataList } from './DataList.tsx';
import { SelectField, TextareaField } from './fields.tsx';
import { TextLink } from './Links.tsx';
import { Section } from './Section.tsx';
import { SubmitForm } from './SubmitForm.tsx';

const FIELDS = ['processingActivityId', 'reason'] as const;

export interface ProcessingPanelProps {
  /** What is processed, in the words of the message after a change: "De casus", "Het signaal". */
  what: string;
  /** The activity the record is under now. */
  processingActivityId: string;
  user: User;
  /** Puts the record under another activity (the case's or signal's own endpoint). */
  assign: (body: AssignProcessingActivity) => Promise<unknown>;
  onChanged: (text: string) => void;
}

/**
 * The activity of the register of processing a case or signal falls under (its ground and retention), and
 * for the regisseur a form to put it under another one with a reason (kept in the audit log).
 */
export function ProcessingPanel({
  what,
  processingActivityId,
  user,
  assign,
  onChanged,
}: ProcessingPanelProps) {
  const register = useApiData(useCallback((signal: AbortSignal) => api.listProcessingActivities(signal), []));
  const activities = register.data?.items ?? [];
  const current = activities.find((a) => a.id === processingActivityId);
  return (
    <Section id="processing" title="Verwerking" className="wr-card">
      <ErrorAlert message={register.error} />
      {register.data && (
        <DataList
          items={[
            { key: 'Verwerking', value: current?.name ?? 'Onbekende verwerking' },
            ...(current
              ? [
                  { key: 'Grondslag', value: current.legalBasis },
                  { key: 'Bewaartermijn', value: `${current.retentionDays.toLocaleString('nl-NL')} dagen` },
                ]
              : []),
          ]}
        />
      )}
      <TextLink to="/beheer/verwerkingsregister">Naar het verwerkingsregister</TextLink>
      {hasPermission(user, 'processing.assign') && register.data && (
        <ChangeProcessing
          what={what}
          processingActivityId={processingActivityId}
          activities={activities}
          assign={assign}
          onChanged={onChanged}
        />
      )}
    </Section>
  );
}

function ChangeProcessing({
  what,
  processingActivityId,
  activities,
  assign,
  onChanged,
}: Omit<ProcessingPanelProps, 'user'> & { activities: readonly ProcessingActivity[] }) {
  const [open, setOpen] = useState(false);
  const initial = () => ({ processingActivityId, reason: '' });
  const form = useForm('processing-change', FIELDS, initial);
  const summaryRef = useRef<HTMLElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = assignProcessingActivitySchema.safeParse(form.values);
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (form.values.processingActivityId === processingActivityId) {
      found.processingActivityId = 'Kies een andere verwerking dan de huidige';
    }
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(async () => {
      await assign(parsed.data);
      const name = activities.find((a) => a.id === parsed.data.processingActivityId)?.name ?? '';
      setOpen(false);
      summaryRef.current?.focus();
      onChanged(`${what} valt nu onder de verwerking „${name}”.`);
    });
  }

  return (
    <details
      className="wr-details"
      open={open}
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) {
          form.setValues(initial());
          form.validate({});
        }
      }}
    >
      <summary ref={summaryRef} className="wr-details__summary">
        Verwerking wijzigen
      </summary>
      <SubmitForm
        id="processing-change"
        label="Verwerking wijzigen"
        error={form.formError}
        onSubmit={onSubmit}
      >
        <SelectField
          {...form.field('processingActivityId')}
          label="Verwerking"
          options={activities.map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextareaField
          {...form.field('reason')}
          label="Reden van de wijziging"
          description="Verplicht; de reden komt in het auditlog."
          rows={3}
        />
        <SubmitButton busy={form.busy}>Verwerking wijzigen</SubmitButton>
      </SubmitForm>
    </details>
  );
}

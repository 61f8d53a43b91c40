import {
  assignProcessingActivitySchema,
  type CaseDetail,
  hasPermission,
  type ProcessingActivity,
  type User,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useRef, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { DataList } from '../../components/DataList.tsx';
import { SelectField, TextareaField } from '../../components/fields.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Section } from '../../components/Section.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';

const FORM_ID = 'case-processing';
const FIELDS = ['processingActivityId', 'reason'] as const;

/**
 * The activity of the register of processing the case falls under (its ground and retention), and for
 * the regisseur a form to put the case under another one with a reason (kept in the audit log).
 */
export function CaseProcessing({
  detail,
  user,
  onChanged,
}: {
  detail: CaseDetail;
  user: User;
  onChanged: (text: string) => void;
}) {
  const register = useApiData(useCallback((signal: AbortSignal) => api.listProcessingActivities(signal), []));
  const activities = register.data?.items ?? [];
  const current = activities.find((a) => a.id === detail.processingActivityId);
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
        <ChangeProcessing detail={detail} activities={activities} onChanged={onChanged} />
      )}
    </Section>
  );
}

function ChangeProcessing({
  detail,
  activities,
  onChanged,
}: {
  detail: CaseDetail;
  activities: readonly ProcessingActivity[];
  onChanged: (text: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const initial = () => ({ processingActivityId: detail.processingActivityId, reason: '' });
  const form = useForm(FORM_ID, FIELDS, initial);
  const summaryRef = useRef<HTMLElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = assignProcessingActivitySchema.safeParse(form.values);
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (form.values.processingActivityId === detail.processingActivityId) {
      found.processingActivityId = 'Kies een andere verwerking dan de huidige';
    }
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(async () => {
      await api.assignCaseProcessingActivity(detail.id, parsed.data);
      const name = activities.find((a) => a.id === parsed.data.processingActivityId)?.name ?? '';
      setOpen(false);
      summaryRef.current?.focus();
      onChanged(`De casus valt nu onder de verwerking „${name}”.`);
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
      <SubmitForm id={FORM_ID} label="Verwerking wijzigen" error={form.formError} onSubmit={onSubmit}>
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

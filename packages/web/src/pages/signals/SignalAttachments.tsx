import { hasPermission, type SignalDetail } from '@wijkregie/shared';
import type { FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { AttachmentList, FileField, useFileChoice } from '../../components/Attachments.tsx';
import { ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Heading.tsx';
import { Section } from '../../components/Section.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { DOCUMENT_RULES } from '../../lib/uploads.ts';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';

const FORM_ID = 'signal-photos';
const FIELDS = ['file'] as const;

/**
 * Photos and documents of a signal — a resident's photo, the outreach worker's after a visit — and,
 * for those who may report signals, a form to add more. Whoever sees the signal sees them.
 */
export function SignalAttachments({
  signal,
  onAdded,
}: {
  signal: SignalDetail;
  onAdded: (text: string) => void;
}) {
  const user = useUser();
  const mayAdd = hasPermission(user, 'signals.write');
  const { busy, formError, errors, validate, submit } = useFormSubmit(FORM_ID, FIELDS);
  const attachments = useFileChoice(DOCUMENT_RULES);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = attachments.files.length === 0 ? 'Kies een foto of document.' : attachments.problem();
    if (!validate(problem ? { file: problem } : {})) return;
    await submit(async () => {
      const added = await api.addSignalAttachments(signal.id, attachments.files);
      attachments.clear();
      onAdded(
        added.items.length === 1
          ? 'Het bestand is toegevoegd.'
          : `${added.items.length} bestanden zijn toegevoegd.`,
      );
    });
  }

  return (
    <Section id="signal-attachments" title="Foto's en documenten" className="wr-card">
      {signal.attachments.length === 0 ? (
        <Paragraph>Bij dit signaal zijn nog geen foto's of documenten.</Paragraph>
      ) : (
        <AttachmentList attachments={signal.attachments} label="dit signaal" />
      )}
      {mayAdd && (
        <SubmitForm id={FORM_ID} label="Foto's of documenten toevoegen" error={formError} onSubmit={onSubmit}>
          <FileField
            id={`${FORM_ID}-file`}
            label="Foto's of documenten toevoegen"
            error={errors.file}
            {...attachments.field}
          />
          <ButtonGroup>
            <SubmitButton busy={busy}>Toevoegen</SubmitButton>
          </ButtonGroup>
        </SubmitForm>
      )}
    </Section>
  );
}

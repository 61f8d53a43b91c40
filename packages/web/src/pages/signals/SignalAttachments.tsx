import { hasPermission, type SignalDetail } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { AttachmentList, FileField } from '../../components/Attachments.tsx';
import { ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Heading.tsx';
import { Section } from '../../components/Section.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { checkFiles, DOCUMENT_RULES } from '../../lib/uploads.ts';
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
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = files.length === 0 ? 'Kies een foto of document.' : checkFiles(files, DOCUMENT_RULES);
    if (!validate(problem ? { file: problem } : {})) return;
    await submit(async () => {
      const added = await api.addSignalAttachments(signal.id, files);
      setFiles([]);
      setSent((n) => n + 1);
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
            rules={DOCUMENT_RULES}
            files={files}
            onFiles={setFiles}
            error={errors.file}
            resetKey={sent}
          />
          <ButtonGroup>
            <SubmitButton busy={busy}>Toevoegen</SubmitButton>
          </ButtonGroup>
        </SubmitForm>
      )}
    </Section>
  );
}

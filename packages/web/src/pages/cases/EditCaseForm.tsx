import {
  type CaseDetail,
  type Partner,
  type UpdateCase,
  type User,
  updateCaseSchema,
} from '@wijkregie/shared';
import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { SubmitButton } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PartnerCheckboxes } from '../../components/PartnerCheckboxes.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { useForm } from '../../lib/useFormSubmit.ts';
import { directorCandidates, userOptions } from '../../lib/users.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';

const FORM_ID = 'edit-case';
const FIELDS = ['title', 'partnerIds', 'directorUserId'] as const;

export interface EditCaseFormProps {
  detail: CaseDetail;
  partners: readonly (Partner & { active?: boolean })[];
  /** null when the user may not read users: then the director cannot be changed here. */
  users: readonly (User & { active?: boolean })[] | null;
  onSaved: () => void;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Title, participating partners and director, for the case director and regisseurs. */
export function EditCaseForm({ detail, partners, users, onSaved }: EditCaseFormProps) {
  const [open, setOpen] = useState(false);
  const initial = () => ({ title: detail.title, directorUserId: detail.directorUserId ?? '' });
  const { busy, formError, setFormError, errors, validate, submit, values, setValues, field } = useForm(
    FORM_ID,
    FIELDS,
    initial,
  );
  const [partnerIds, setPartnerIds] = useState<string[]>(detail.partnerIds);
  const summaryRef = useRef<HTMLElement>(null);

  function reset() {
    setValues(initial());
    setPartnerIds(detail.partnerIds);
    validate({});
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const { title, directorUserId } = values;
    const changes: UpdateCase = {};
    if (title.trim() !== detail.title) changes.title = title;
    if (!sameSet(partnerIds, detail.partnerIds)) changes.partnerIds = partnerIds;
    if (users && (directorUserId || null) !== detail.directorUserId)
      changes.directorUserId = directorUserId || null;
    const found: FieldErrors = {};
    if (partnerIds.length === 0) found.partnerIds = 'Kies minstens één partner';
    if (Object.keys(changes).length === 0 && Object.keys(found).length === 0) {
      setFormError('Er is niets gewijzigd.');
      return;
    }
    const parsed = updateCaseSchema.safeParse(changes);
    if (!parsed.success) Object.assign(found, issuesToFieldErrors(parsed.error));
    if (!validate(found) || !parsed.success) return;
    await submit(async () => {
      await api.updateCase(detail.id, parsed.data);
      setOpen(false);
      summaryRef.current?.focus();
      onSaved();
    });
  }

  const partnerNames = new Map(partners.map((p) => [p.id, p.name]));
  return (
    <details
      className="wr-card wr-details"
      open={open}
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) reset();
      }}
    >
      <summary ref={summaryRef} className="wr-details__summary">
        Casusgegevens wijzigen
      </summary>
      <SubmitForm id={FORM_ID} label="Casusgegevens wijzigen" error={formError} onSubmit={onSubmit}>
        <TextField {...field('title')} label="Titel" autoComplete="off" />
        <PartnerCheckboxes
          formId={FORM_ID}
          legend="Deelnemende partners"
          error={errors.partnerIds}
          partners={partners}
          value={partnerIds}
          kept={detail.partnerIds}
          onChange={setPartnerIds}
          columns={false}
        />
        {users && (
          <SelectField
            {...field('directorUserId')}
            label="Casusregisseur"
            placeholder="Nog niet gekozen"
            options={userOptions(directorCandidates(users, partners, detail.directorUserId), partnerNames)}
          />
        )}
        <SubmitButton busy={busy}>Wijzigingen opslaan</SubmitButton>
      </SubmitForm>
    </details>
  );
}

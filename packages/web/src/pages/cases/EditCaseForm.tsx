import {
  type CaseDetail,
  type Partner,
  type UpdateCase,
  type User,
  updateCaseSchema,
} from '@wijkregie/shared';
import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Select } from '../../components/Select.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import {
  apiErrorToSubmitErrors,
  type FieldErrors,
  focusFirstError,
  issuesToFieldErrors,
} from '../../lib/validation.ts';
import { byName } from '../admin/PartnersPage.tsx';
import { directorCandidates } from './NewCasePage.tsx';

const FORM_ID = 'edit-case';
const FIELDS = ['title', 'partnerIds', 'directorUserId'] as const;

export interface EditCaseFormProps {
  detail: CaseDetail;
  partners: readonly Partner[];
  /** null when the user may not read users: then the director cannot be changed here. */
  users: readonly User[] | null;
  onSaved: () => void;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Title, participating partners and director, for the case director and regisseurs. */
export function EditCaseForm({ detail, partners, users, onSaved }: EditCaseFormProps) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(detail.title);
  const [partnerIds, setPartnerIds] = useState<string[]>(detail.partnerIds);
  const [directorUserId, setDirectorUserId] = useState(detail.directorUserId ?? '');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLElement>(null);

  function reset() {
    setTitle(detail.title);
    setPartnerIds(detail.partnerIds);
    setDirectorUserId(detail.directorUserId ?? '');
    setFieldErrors({});
    setFormError(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const changes: UpdateCase = {};
    if (title.trim() !== detail.title) changes.title = title;
    if (!sameSet(partnerIds, detail.partnerIds)) changes.partnerIds = partnerIds;
    if (users && (directorUserId || null) !== detail.directorUserId)
      changes.directorUserId = directorUserId || null;
    const errors: FieldErrors = {};
    if (partnerIds.length === 0) errors.partnerIds = 'Kies minstens één partner';
    if (Object.keys(changes).length === 0 && Object.keys(errors).length === 0) {
      setFormError('Er is niets gewijzigd.');
      return;
    }
    const parsed = updateCaseSchema.safeParse(changes);
    if (!parsed.success) Object.assign(errors, issuesToFieldErrors(parsed.error));
    setFieldErrors(errors);
    if (!parsed.success || Object.keys(errors).length > 0) {
      focusFirstError(FORM_ID, FIELDS, errors);
      return;
    }
    setBusy(true);
    try {
      await api.updateCase(detail.id, parsed.data);
      setOpen(false);
      summaryRef.current?.focus();
      onSaved();
    } catch (error) {
      const submitErrors = apiErrorToSubmitErrors(error, FIELDS);
      setFormError(submitErrors.form);
      setFieldErrors(submitErrors.fields);
      focusFirstError(FORM_ID, FIELDS, submitErrors.fields);
    } finally {
      setBusy(false);
    }
  }

  const sortedPartners = [...partners].sort(byName);
  const directors = users ? directorCandidates(users) : [];
  const partnerName = (id: string) => partners.find((p) => p.id === id)?.name ?? '–';

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
      {formError && (
        <Alert type="error" role="alert">
          {formError}
        </Alert>
      )}
      <form
        id={FORM_ID}
        aria-label="Casusgegevens wijzigen"
        noValidate
        onSubmit={onSubmit}
        className="wr-form"
      >
        <FormField id={`${FORM_ID}-title`} label="Titel" error={fieldErrors.title}>
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
        <Fieldset id={`${FORM_ID}-partnerIds`} legend="Deelnemende partners" error={fieldErrors.partnerIds}>
          {sortedPartners.map((partner) => (
            <Checkbox
              key={partner.id}
              id={`${FORM_ID}-partner-${partner.id}`}
              name="partnerIds"
              value={partner.id}
              label={partner.name}
              checked={partnerIds.includes(partner.id)}
              onChange={(e) =>
                setPartnerIds((current) =>
                  e.target.checked ? [...current, partner.id] : current.filter((id) => id !== partner.id),
                )
              }
            />
          ))}
        </Fieldset>
        {users && (
          <FormField
            id={`${FORM_ID}-directorUserId`}
            label="Casusregisseur"
            error={fieldErrors.directorUserId}
          >
            {(control) => (
              <Select
                {...control}
                name="directorUserId"
                placeholder="Nog niet gekozen"
                options={directors.map((u) => ({
                  value: u.id,
                  label: `${u.name} (${partnerName(u.partnerId)})`,
                }))}
                value={directorUserId}
                onChange={(e) => setDirectorUserId(e.target.value)}
              />
            )}
          </FormField>
        )}
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          Wijzigingen opslaan
        </Button>
      </form>
    </details>
  );
}

import {
  CASE_TYPE_LABELS,
  CASE_TYPE_SUBJECTS,
  CASE_TYPES,
  type CaseType,
  createCaseSchema,
  hasPermission,
} from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { FormPage } from '../../components/FormCard.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PartnerCheckboxes } from '../../components/PartnerCheckboxes.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { areaGroups } from '../../lib/areas.ts';
import { codeOptions } from '../../lib/format.ts';
import { useAreas, usePartners, useUsers } from '../../lib/reference.ts';
import { subjectKindLabel } from '../../lib/subjects.ts';
import { useNavigateWithMessage } from '../../lib/useFlashMessage.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { directorCandidates, userOptions } from '../../lib/users.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';
import { type ChosenSubject, SubjectPicker } from './SubjectPicker.tsx';

const FORM_ID = 'case';
const FIELDS = ['type', 'title', 'subjects', 'partnerIds', 'directorUserId', 'areaId'] as const;
const TYPE_OPTIONS = codeOptions(CASE_TYPES, CASE_TYPE_LABELS);

/** Types whose case must name at least one subject of the matching kind. */
const NEEDS_SUBJECT: readonly CaseType[] = ['person', 'household', 'group'];

export function NewCasePage() {
  usePageTitle('Nieuwe casus');
  const user = useUser();
  const navigate = useNavigateWithMessage();
  const partners = usePartners();
  const users = useUsers();
  const areas = useAreas();

  const { busy, formError, errors, validate, submit, values, field } = useForm(
    FORM_ID,
    FIELDS,
    { type: '', title: '', directorUserId: '', areaId: '' },
    { keepBusyOnSuccess: true },
  );
  const [subjects, setSubjects] = useState<ChosenSubject[]>([]);
  const [partnerIds, setPartnerIds] = useState<string[]>([]);

  if (!hasPermission(user, 'cases.write'))
    return <NoAccessPage title="Nieuwe casus" permission="cases.write" />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { type, title, directorUserId, areaId } = values;
    // The subject that fits the type goes first (the case is "about" it).
    const fits = CASE_TYPE_SUBJECTS[type as CaseType] ?? [];
    const ordered = [
      ...subjects.filter((s) => fits.includes(s.kind)),
      ...subjects.filter((s) => !fits.includes(s.kind)),
    ];
    const parsed = createCaseSchema.safeParse({
      type,
      title,
      subjects: ordered.map(({ kind, id }) => ({ kind, id })),
      partnerIds: partnerIds.filter((id) => id !== user.partnerId),
      directorUserId: directorUserId || undefined,
      areaId: areaId || undefined,
    });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (type === '') found.type = 'Kies een soort casus';
    if (NEEDS_SUBJECT.includes(type as CaseType) && !subjects.some((s) => fits.includes(s.kind))) {
      const kind = subjectKindLabel(fits[0] ?? 'person').toLowerCase();
      found.subjects = `Kies minstens één betrokkene van de soort ${kind}`;
    }
    if (!validate(found) || !parsed.success) return;
    await submit(async () => {
      const created = await api.createCase(parsed.data);
      navigate(`/casussen/${created.id}`, `Casus ${created.reference} is aangemaakt.`);
    });
  }

  return (
    <FormPage
      id={FORM_ID}
      title="Nieuwe casus"
      back={{ to: '/casussen', label: 'Casussen' }}
      intro={
        <>
          Leg vast over wie of wat de casus gaat en welke partners deelnemen. Je eigen organisatie neemt
          altijd deel.
        </>
      }
      error={formError}
      onSubmit={onSubmit}
    >
      <SelectField {...field('type')} label="Soort" placeholder="Kies een soort" options={TYPE_OPTIONS} />
      <TextField
        {...field('title')}
        label="Titel"
        description="Kort en zonder gevoelige details"
        autoComplete="off"
      />
      <SubjectPicker
        id={`${FORM_ID}-subjects`}
        chosen={subjects}
        onChange={setSubjects}
        error={errors.subjects}
      />
      <PartnerCheckboxes
        formId={FORM_ID}
        legend="Deelnemende partners"
        error={errors.partnerIds}
        partners={partners.data?.items ?? []}
        value={partnerIds}
        onChange={setPartnerIds}
        ownPartnerId={user.partnerId}
        ownFixed
        loadError={partners.error}
      />
      {users.allowed && (
        <SelectField
          {...field('directorUserId')}
          label="Casusregisseur"
          description="Wie de casus leidt; kan later worden gekozen"
          placeholder="Nog niet gekozen"
          options={userOptions(
            directorCandidates(users.data?.items ?? [], partners.data?.items ?? []),
            partners.names,
          )}
        />
      )}
      <SelectField
        {...field('areaId')}
        label="Wijk of buurt"
        placeholder="Geen gebied"
        options={[]}
        groups={areaGroups(areas.data?.items)}
      />
      <SubmitButton busy={busy}>Casus aanmaken</SubmitButton>
    </FormPage>
  );
}

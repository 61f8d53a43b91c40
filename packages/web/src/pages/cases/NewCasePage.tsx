import {
  CASE_TYPE_LABELS,
  CASE_TYPE_SUBJECTS,
  CASE_TYPES,
  type CaseType,
  createCaseSchema,
  hasPermission,
  type User,
} from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { type Area, api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormField } from '../../components/FormField.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Select, type SelectOptionGroup } from '../../components/Select.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { useAreas, usePartners, useUsers } from '../../lib/reference.ts';
import { subjectKindLabel } from '../../lib/subjects.ts';
import type { FlashState } from '../../lib/useFlashMessage.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import {
  apiErrorToSubmitErrors,
  type FieldErrors,
  focusFirstError,
  issuesToFieldErrors,
} from '../../lib/validation.ts';
import { byName } from '../admin/PartnersPage.tsx';
import { NoAccessPage } from '../NotFoundPage.tsx';
import { type ChosenSubject, SubjectPicker } from './SubjectPicker.tsx';

const FORM_ID = 'case';
const FIELDS = ['type', 'title', 'subjects', 'partnerIds', 'directorUserId', 'areaId'] as const;
const TYPE_OPTIONS = CASE_TYPES.map((type) => ({ value: type, label: CASE_TYPE_LABELS[type] }));

/** Types whose case must name at least one subject of the matching kind. */
const NEEDS_SUBJECT: readonly CaseType[] = ['person', 'household', 'group'];

/** Users who can work on cases (and so can direct one). */
export function directorCandidates(users: readonly User[]): User[] {
  return users.filter((u) => u.roles.includes('regisseur') || u.roles.includes('professional')).sort(byName);
}

/** Wijken as option groups, each with the whole wijk first and then its buurten. */
export function areaGroups(areas: readonly Area[]): SelectOptionGroup[] {
  return areas
    .filter((a) => a.kind === 'wijk')
    .map((wijk) => ({
      label: `Wijk ${wijk.name}`,
      options: [
        { value: wijk.id, label: `${wijk.name} (hele wijk)` },
        ...areas
          .filter((b) => b.kind === 'buurt' && b.parentId === wijk.id)
          .map((b) => ({ value: b.id, label: b.name })),
      ],
    }));
}

export function NewCasePage() {
  usePageTitle('Nieuwe casus');
  const user = useUser();
  const navigate = useNavigate();
  const partners = usePartners();
  const users = useUsers();
  const areas = useAreas();

  const [type, setType] = useState('');
  const [title, setTitle] = useState('');
  const [subjects, setSubjects] = useState<ChosenSubject[]>([]);
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [directorUserId, setDirectorUserId] = useState('');
  const [areaId, setAreaId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!hasPermission(user, 'cases.write')) return <NoAccessPage title="Nieuwe casus" />;

  const partnerList = partners.data ? [...partners.data.items].sort(byName) : [];

  function togglePartner(id: string, checked: boolean) {
    setPartnerIds((current) => (checked ? [...current, id] : current.filter((p) => p !== id)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
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
    const errors: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (type === '') errors.type = 'Kies een soort casus';
    if (NEEDS_SUBJECT.includes(type as CaseType) && !subjects.some((s) => fits.includes(s.kind))) {
      const kind = subjectKindLabel(fits[0] ?? 'person').toLowerCase();
      errors.subjects = `Kies minstens één betrokkene van de soort ${kind}`;
    }
    setFieldErrors(errors);
    if (!parsed.success || Object.keys(errors).length > 0) {
      focusFirstError(FORM_ID, FIELDS, errors);
      return;
    }
    setBusy(true);
    try {
      const created = await api.createCase(parsed.data);
      const state: FlashState = { message: `Casus ${created.reference} is aangemaakt.` };
      void navigate(`/casussen/${created.id}`, { state });
    } catch (error) {
      const submitErrors = apiErrorToSubmitErrors(error, FIELDS);
      setFormError(submitErrors.form);
      setFieldErrors(submitErrors.fields);
      focusFirstError(FORM_ID, FIELDS, submitErrors.fields);
      setBusy(false);
    }
  }

  const directors = users.data ? directorCandidates(users.data.items) : [];

  return (
    <>
      <Paragraph className="wr-breadcrumb">
        <Link className="utrecht-link utrecht-link--html-a" to="/casussen">
          Casussen
        </Link>
      </Paragraph>
      <PageHeading>Nieuwe casus</PageHeading>
      <Paragraph>
        Leg vast over wie of wat de casus gaat en welke partners deelnemen. Je eigen organisatie neemt altijd
        deel.
      </Paragraph>
      {formError && (
        <Alert type="error" role="alert">
          {formError}
        </Alert>
      )}
      <form id={FORM_ID} aria-label="Nieuwe casus" noValidate onSubmit={onSubmit} className="wr-form wr-card">
        <FormField id={`${FORM_ID}-type`} label="Soort" error={fieldErrors.type}>
          {(control) => (
            <Select
              {...control}
              name="type"
              placeholder="Kies een soort"
              options={TYPE_OPTIONS}
              value={type}
              onChange={(e) => setType(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id={`${FORM_ID}-title`}
          label="Titel"
          description="Kort en zonder gevoelige details"
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
        <SubjectPicker
          id={`${FORM_ID}-subjects`}
          chosen={subjects}
          onChange={setSubjects}
          error={fieldErrors.subjects}
        />
        <Fieldset id={`${FORM_ID}-partnerIds`} legend="Deelnemende partners" error={fieldErrors.partnerIds}>
          {partners.error && <Alert type="error">{partners.error}</Alert>}
          <div className="wr-checkbox-columns">
            {partnerList.map((partner) => {
              const own = partner.id === user.partnerId;
              return (
                <Checkbox
                  key={partner.id}
                  id={`${FORM_ID}-partner-${partner.id}`}
                  name="partnerIds"
                  value={partner.id}
                  label={own ? `${partner.name} (je eigen organisatie)` : partner.name}
                  checked={own || partnerIds.includes(partner.id)}
                  disabled={own}
                  onChange={(e) => togglePartner(partner.id, e.target.checked)}
                />
              );
            })}
          </div>
        </Fieldset>
        {users.allowed && (
          <FormField
            id={`${FORM_ID}-directorUserId`}
            label="Casusregisseur"
            description="Wie de casus leidt; kan later worden gekozen"
            error={fieldErrors.directorUserId}
          >
            {(control) => (
              <Select
                {...control}
                name="directorUserId"
                placeholder="Nog niet gekozen"
                options={directors.map((u) => ({
                  value: u.id,
                  label: `${u.name} (${partners.names.get(u.partnerId) ?? '–'})`,
                }))}
                value={directorUserId}
                onChange={(e) => setDirectorUserId(e.target.value)}
              />
            )}
          </FormField>
        )}
        <FormField id={`${FORM_ID}-areaId`} label="Wijk of buurt" error={fieldErrors.areaId}>
          {(control) => (
            <Select
              {...control}
              name="areaId"
              placeholder="Geen gebied"
              options={[]}
              groups={areaGroups(areas.data?.items ?? [])}
              value={areaId}
              onChange={(e) => setAreaId(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          Casus aanmaken
        </Button>
      </form>
    </>
  );
}

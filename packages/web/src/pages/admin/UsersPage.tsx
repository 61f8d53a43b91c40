import {
  createUserSchema,
  hasPermission,
  PASSWORD_MIN_LENGTH,
  type Partner,
  ROLE_LABELS,
  ROLES,
  type Role,
  USER_SORT_FIELDS,
  type User,
  type UserWithStatus,
  updateUserSchema,
} from '@wijkregie/shared';
import { type Dispatch, type FormEvent, type SetStateAction, useCallback, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { ActivationControl } from '../../components/ActivationControl.tsx';
import { ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { CheckboxGroup } from '../../components/Choice.tsx';
import { EmailAddress } from '../../components/EmailAddress.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { EmailField, PasswordField, SelectField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { itemSaver, useListEditing } from '../../components/ListEditing.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { orderedCaption, useSortParams } from '../../components/Sorting.tsx';
import { DataTable } from '../../components/Table.tsx';
import { codeOptions } from '../../lib/format.ts';
import { sortedByName } from '../../lib/sort.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { type BoundField, useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { apiErrorToSubmitErrors, issuesToFieldErrors } from '../../lib/validation.ts';

/** How GET /users orders without `sort`. */
const USUAL_ORDER = 'op naam';
const loadPartners = (signal: AbortSignal) => api.listPartners(signal);

function rolesLabel(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role] ?? role).join(', ');
}

export function UsersPage() {
  usePageTitle('Gebruikers');
  const user = useUser();
  const sort = useSortParams(USER_SORT_FIELDS);
  const { sort: field, order } = sort.query;
  const loader = useCallback(
    (signal: AbortSignal) => api.listUsers(signal, { sort: field, order }),
    [field, order],
  );
  const users = useApiData(loader);
  const partners = useApiData(loadPartners);
  const editing = useListEditing(users);
  const mayEdit = hasPermission(user, 'users.create');

  if (!hasPermission(user, 'users.read')) return <NoAccessPage title="Gebruikers" permission="users.read" />;

  const partnerList = sortedByName(partners.data?.items);
  const partnerName = (id: string) => partnerList.find((p) => p.id === id)?.name ?? '–';
  // New work goes only to partners that still take part; a user's own partner stays choosable.
  const offered = (current?: string) => partnerList.filter((p) => p.active || p.id === current);

  return (
    <>
      <PageHeading>Gebruikers</PageHeading>
      <Paragraph>De medewerkers van de gemeente en de partners die met Wijkregie werken.</Paragraph>
      <StatusMessage message={editing.status} />
      <Loaded data={users} loading="Gebruikers worden geladen…" busy>
        {(list) => (
          <DataTable
            caption={orderedCaption(`Gebruikers (${list.items.length})`, field, `${USUAL_ORDER} gesorteerd`)}
            sorting={sort.table}
            usualOrder={USUAL_ORDER}
            rows={list.items}
            empty="Er zijn nog geen gebruikers."
            columns={[
              { header: 'Naam', sort: 'name', cell: (u) => u.name },
              { header: 'E-mailadres', sort: 'email', cell: (u) => <EmailAddress email={u.email} /> },
              { header: 'Partner', cell: (u) => partnerName(u.partnerId) },
              { header: 'Rollen', cell: (u) => rolesLabel(u.roles) },
              { header: 'Status', cell: (u) => (u.active ? 'Actief' : 'Gedeactiveerd') },
              ...(mayEdit ? [editing.column] : []),
            ]}
          />
        )}
      </Loaded>
      {mayEdit && editing.edited && (
        <EditUserForm
          key={editing.edited.id}
          user={editing.edited}
          self={editing.edited.id === user.id}
          partners={offered(editing.edited.partnerId)}
          onChanged={editing.changed}
          onClose={editing.close}
        />
      )}
      {mayEdit && (
        <CreateUserForm
          partners={offered()}
          onCreated={(created) =>
            editing.added({ ...created, active: true }, `Gebruiker „${created.name}” is toegevoegd.`)
          }
          onStart={editing.clearStatus}
        />
      )}
    </>
  );
}

const FORM_ID = 'user';
const FIELDS = ['name', 'email', 'password', 'partnerId', 'roles'] as const;

interface CreateUserFormProps {
  partners: readonly Partner[];
  onCreated: (user: User) => void;
  onStart: () => void;
}

function CreateUserForm({ partners, onCreated, onStart }: CreateUserFormProps) {
  const empty = { name: '', email: '', password: '', partnerId: '' };
  const { busy, formError, errors, validate, submit, values, setValues, field } = useForm(
    FORM_ID,
    FIELDS,
    empty,
  );
  const [roles, setRoles] = useState<Role[]>([]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const parsed = createUserSchema.safeParse({ ...values, roles });
    if (!parsed.success) {
      const found = issuesToFieldErrors(parsed.error);
      if (values.email.trim() === '') found.email = 'Vul een e-mailadres in';
      if (values.partnerId === '') found.partnerId = 'Kies een partner';
      validate(found);
      return;
    }
    validate({});
    await submit(async () => {
      const created = await api.createUser(parsed.data);
      setValues(empty);
      setRoles([]);
      onCreated(created);
    });
  }

  return (
    <FormCard id={FORM_ID} title="Gebruiker toevoegen" error={formError} onSubmit={onSubmit}>
      <TextField {...field('name')} label="Naam" autoComplete="off" />
      <EmailField {...field('email')} label="E-mailadres" autoComplete="off" />
      <PasswordField
        {...field('password')}
        label="Wachtwoord"
        description={`Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`}
        autoComplete="new-password"
      />
      <PartnerAndRoles
        formId={FORM_ID}
        rolesName="roles"
        partnerField={field('partnerId')}
        partners={partners}
        placeholder="Kies een partner"
        roles={roles}
        rolesError={errors.roles}
        setRoles={setRoles}
      />
      <SubmitButton busy={busy}>Gebruiker toevoegen</SubmitButton>
    </FormCard>
  );
}

const ROLE_OPTIONS = codeOptions(ROLES, ROLE_LABELS);

interface PartnerAndRolesProps {
  formId: string;
  /** The name of the role checkboxes. */
  rolesName: string;
  partnerField: BoundField;
  partners: readonly Partner[];
  /** The partner select's first, empty option (a new user has none yet). */
  placeholder?: string;
  roles: readonly Role[];
  rolesError: string | undefined;
  setRoles: Dispatch<SetStateAction<Role[]>>;
}

/** The partner a user works for and their roles (kept in the order of ROLES): in both user forms. */
function PartnerAndRoles({
  formId,
  rolesName,
  partnerField,
  partners,
  placeholder,
  roles,
  rolesError,
  setRoles,
}: PartnerAndRolesProps) {
  return (
    <>
      <SelectField
        {...partnerField}
        label="Partner"
        placeholder={placeholder}
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
      />
      <CheckboxGroup
        id={`${formId}-roles`}
        itemPrefix={`${formId}-role`}
        legend="Rollen"
        error={rolesError}
        name={rolesName}
        options={ROLE_OPTIONS}
        value={roles}
        onToggle={(role, checked) =>
          setRoles((current) =>
            checked
              ? ROLES.filter((r) => r === role || current.includes(r))
              : current.filter((r) => r !== role),
          )
        }
        markInvalid
      />
    </>
  );
}

const EDIT_FORM_ID = 'edit-user';
const EDIT_FIELDS = ['name', 'partnerId', 'roles'] as const;

interface EditUserFormProps {
  user: UserWithStatus;
  /** The admin editing their own account cannot deactivate it. */
  self: boolean;
  partners: readonly Partner[];
  onChanged: (user: UserWithStatus, message: string) => void;
  onClose: () => void;
}

/**
 * Changes a user's name, organisation and roles, or deactivates the account (their sessions end at
 * once and they can no longer log in; their name stays on what they did) or activates it again.
 */
function EditUserForm({ user, self, partners, onChanged, onClose }: EditUserFormProps) {
  const { busy, formError, errors, checked, submit, values, field } = useForm(EDIT_FORM_ID, EDIT_FIELDS, {
    name: user.name,
    partnerId: user.partnerId,
  });
  const save = itemSaver(submit, onChanged, onClose);
  const [roles, setRoles] = useState<Role[]>(user.roles);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = checked(updateUserSchema, { name: values.name, partnerId: values.partnerId, roles });
    if (!body) return;
    await save(
      () => api.updateUser(user.id, body),
      (updated) => `Gebruiker „${updated.name}” is gewijzigd.`,
    );
  }

  const setActive = (active: boolean) =>
    save(
      () => api.updateUser(user.id, { active }),
      (updated) =>
        active
          ? `Gebruiker „${updated.name}” is weer actief en kan weer inloggen.`
          : `Gebruiker „${updated.name}” is gedeactiveerd en is direct uitgelogd.`,
    );

  return (
    <FormCard
      id={EDIT_FORM_ID}
      title={`Gebruiker „${user.name}” wijzigen`}
      error={formError}
      onSubmit={onSubmit}
    >
      <Paragraph>
        E-mailadres: <EmailAddress email={user.email} />
      </Paragraph>
      <TextField {...field('name')} label="Naam" autoComplete="off" />
      <PartnerAndRoles
        formId={EDIT_FORM_ID}
        rolesName="edit-roles"
        partnerField={field('partnerId')}
        partners={partners}
        roles={roles}
        rolesError={errors.roles}
        setRoles={setRoles}
      />
      <ButtonGroup>
        <SubmitButton busy={busy}>Wijzigingen opslaan</SubmitButton>
        <Button onClick={onClose}>Annuleren</Button>
      </ButtonGroup>
      <TotpReset user={user} />
      {user.active && self ? (
        <Paragraph className="wr-muted">Je eigen account kun je niet deactiveren.</Paragraph>
      ) : (
        <ActivationControl
          noun="Gebruiker"
          active={user.active}
          busy={busy}
          consequences={`${user.name} wordt direct uitgelogd en kan niet meer inloggen. Wat ${user.name} vastlegde, blijft staan onder deze naam.`}
          onSetActive={setActive}
        />
      )}
    </FormCard>
  );
}

/**
 * "2FA resetten": a user who lost the phone with their authenticator app logs in with the password
 * again (and sets up tweestapsverificatie anew). Asks first; the server records it in the audit log.
 */
function TotpReset({ user }: { user: UserWithStatus }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function reset() {
    setBusy(true);
    setError(null);
    try {
      await api.resetUserTotp(user.id);
      setMessage(`De tweestapsverificatie van ${user.name} is gereset.`);
      setAsking(false);
    } catch (e) {
      setError(apiErrorToSubmitErrors(e, []).form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="wr-totp-reset">
      <StatusMessage message={message} />
      <ErrorAlert message={error} />
      {asking ? (
        <>
          <Paragraph>
            {user.name} logt daarna in met alleen het wachtwoord en moet de authenticator-app opnieuw
            koppelen. Herstelcodes vervallen. Doorgaan?
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action" busy={busy} onClick={() => void reset()}>
              Ja, 2FA resetten
            </Button>
            <Button onClick={() => setAsking(false)}>Nee</Button>
          </ButtonGroup>
        </>
      ) : (
        <Button onClick={() => setAsking(true)}>2FA resetten</Button>
      )}
    </div>
  );
}

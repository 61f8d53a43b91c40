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
import { type FormEvent, useCallback, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { ActivationControl } from '../../components/ActivationControl.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { CheckboxGroup } from '../../components/Choice.tsx';
import { EmailAddress } from '../../components/EmailAddress.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { useSortParams } from '../../components/Sorting.tsx';
import { DataTable } from '../../components/Table.tsx';
import { codeOptions } from '../../lib/format.ts';
import { sortedByName } from '../../lib/sort.ts';
import { useApiData, withItem } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';

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
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const mayEdit = hasPermission(user, 'users.create');

  if (!hasPermission(user, 'users.read')) return <NoAccessPage title="Gebruikers" permission="users.read" />;

  const partnerList = sortedByName(partners.data?.items);
  const partnerName = (id: string) => partnerList.find((p) => p.id === id)?.name ?? '–';

  // The list is shown as the server sorted it: after a change it is loaded again, to its place.
  function added(created: User) {
    users.setData((current) => withItem(current, { ...created, active: true }));
    users.reload();
    setStatus(`Gebruiker „${created.name}” is toegevoegd.`);
  }

  function changed(updated: UserWithStatus, message: string) {
    users.setData((current) =>
      current
        ? { ...current, items: current.items.map((u) => (u.id === updated.id ? updated : u)) }
        : current,
    );
    users.reload();
    setStatus(message);
  }
  const edited = users.data?.items.find((u) => u.id === editing);
  // New work goes only to partners that still take part; a user's own partner stays choosable.
  const offered = (current?: string) => partnerList.filter((p) => p.active || p.id === current);

  return (
    <>
      <PageHeading>Gebruikers</PageHeading>
      <Paragraph>De medewerkers van de gemeente en de partners die met Wijkregie werken.</Paragraph>
      <StatusMessage message={status} />
      <Loaded data={users} loading="Gebruikers worden geladen…" busy>
        {(list) => (
          <DataTable
            caption={`Gebruikers (${list.items.length})${field ? '' : `, ${USUAL_ORDER} gesorteerd`}`}
            sorting={sort.table}
            usualOrder={USUAL_ORDER}
            rows={list.items}
            rowKey={(u) => u.id}
            empty="Er zijn nog geen gebruikers."
            columns={[
              { header: 'Naam', sort: 'name', cell: (u) => u.name },
              { header: 'E-mailadres', sort: 'email', cell: (u) => <EmailAddress email={u.email} /> },
              { header: 'Partner', cell: (u) => partnerName(u.partnerId) },
              { header: 'Rollen', cell: (u) => rolesLabel(u.roles) },
              { header: 'Status', cell: (u) => (u.active ? 'Actief' : 'Gedeactiveerd') },
              ...(mayEdit
                ? [
                    {
                      header: 'Wijzigen',
                      cell: (u: UserWithStatus) => (
                        <Button
                          appearance="subtle"
                          aria-label={`${u.name} wijzigen`}
                          onClick={() => {
                            setStatus(null);
                            setEditing(u.id);
                          }}
                        >
                          Wijzigen
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Loaded>
      {mayEdit && edited && (
        <EditUserForm
          key={edited.id}
          user={edited}
          self={edited.id === user.id}
          partners={offered(edited.partnerId)}
          onChanged={changed}
          onClose={() => setEditing(null)}
        />
      )}
      {mayEdit && <CreateUserForm partners={offered()} onCreated={added} onStart={() => setStatus(null)} />}
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

  function toggleRole(role: Role, checked: boolean) {
    setRoles((current) =>
      checked ? ROLES.filter((r) => r === role || current.includes(r)) : current.filter((r) => r !== role),
    );
  }

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
      <TextField
        {...field('email')}
        label="E-mailadres"
        type="email"
        autoComplete="off"
        inputMode="email"
        spellCheck={false}
      />
      <TextField
        {...field('password')}
        label="Wachtwoord"
        description={`Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`}
        type="password"
        autoComplete="new-password"
      />
      <SelectField
        {...field('partnerId')}
        label="Partner"
        placeholder="Kies een partner"
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
      />
      <CheckboxGroup
        id={`${FORM_ID}-roles`}
        itemPrefix={`${FORM_ID}-role`}
        legend="Rollen"
        error={errors.roles}
        name="roles"
        options={codeOptions(ROLES, ROLE_LABELS)}
        value={roles}
        onToggle={(role, checked) => toggleRole(role as Role, checked)}
        markInvalid
      />
      <SubmitButton busy={busy}>Gebruiker toevoegen</SubmitButton>
    </FormCard>
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
  const { busy, formError, errors, validate, submit, values, field } = useForm(EDIT_FORM_ID, EDIT_FIELDS, {
    name: user.name,
    partnerId: user.partnerId,
  });
  const [roles, setRoles] = useState<Role[]>(user.roles);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateUserSchema.safeParse({ name: values.name, partnerId: values.partnerId, roles });
    if (!parsed.success) {
      validate(issuesToFieldErrors(parsed.error));
      return;
    }
    validate({});
    await submit(async () => {
      const updated = await api.updateUser(user.id, parsed.data);
      onChanged(updated, `Gebruiker „${updated.name}” is gewijzigd.`);
      onClose();
    });
  }

  // `submit` turns a failure into the form's message, so the promise of `setActive` never rejects.
  async function setActive(active: boolean) {
    await submit(async () => {
      const updated = await api.updateUser(user.id, { active });
      onChanged(
        updated,
        active
          ? `Gebruiker „${updated.name}” is weer actief en kan weer inloggen.`
          : `Gebruiker „${updated.name}” is gedeactiveerd en is direct uitgelogd.`,
      );
      onClose();
    });
  }

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
      <SelectField
        {...field('partnerId')}
        label="Partner"
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
      />
      <CheckboxGroup
        id={`${EDIT_FORM_ID}-roles`}
        itemPrefix={`${EDIT_FORM_ID}-role`}
        legend="Rollen"
        error={errors.roles}
        name="edit-roles"
        options={codeOptions(ROLES, ROLE_LABELS)}
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
      <ButtonGroup>
        <SubmitButton busy={busy}>Wijzigingen opslaan</SubmitButton>
        <Button onClick={onClose}>Annuleren</Button>
      </ButtonGroup>
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

import {
  createUserSchema,
  hasPermission,
  PASSWORD_MIN_LENGTH,
  type Partner,
  ROLE_LABELS,
  ROLES,
  type Role,
  type User,
} from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api, type Collection } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { EmailAddress } from '../../components/EmailAddress.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Select } from '../../components/Select.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { DataTable } from '../../components/Table.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';
import { NoAccessPage } from '../NotFoundPage.tsx';
import { byName } from './PartnersPage.tsx';

const loadUsers = (signal: AbortSignal) => api.listUsers(signal);
const loadPartners = (signal: AbortSignal) => api.listPartners(signal);

function rolesLabel(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role] ?? role).join(', ');
}

export function UsersPage() {
  usePageTitle('Gebruikers');
  const user = useUser();
  const users = useApiData(loadUsers);
  const partners = useApiData(loadPartners);
  const [status, setStatus] = useState<string | null>(null);

  if (!hasPermission(user, 'users.read')) return <NoAccessPage title="Gebruikers" />;

  const partnerList = partners.data ? [...partners.data.items].sort(byName) : [];
  const partnerName = (id: string) => partnerList.find((p) => p.id === id)?.name ?? '–';
  const rows = users.data ? [...users.data.items].sort(byName) : [];

  function added(created: User) {
    users.setData((current: Collection<User> | null) =>
      current ? { items: [...current.items, created], total: current.total + 1 } : current,
    );
    setStatus(`Gebruiker „${created.name}” is toegevoegd.`);
  }

  return (
    <>
      <PageHeading>Gebruikers</PageHeading>
      <Paragraph>De medewerkers van de gemeente en de partners die met Wijkregie werken.</Paragraph>
      <StatusMessage message={status} />
      {users.loading && <Paragraph>Gebruikers worden geladen…</Paragraph>}
      {users.error && (
        <Alert type="error" role="alert">
          {users.error}
        </Alert>
      )}
      {users.data && (
        <DataTable
          caption={`Gebruikers (${rows.length}), op naam gesorteerd`}
          rows={rows}
          rowKey={(u) => u.id}
          empty="Er zijn nog geen gebruikers."
          columns={[
            { header: 'Naam', cell: (u) => u.name },
            { header: 'E-mailadres', cell: (u) => <EmailAddress email={u.email} /> },
            { header: 'Partner', cell: (u) => partnerName(u.partnerId) },
            { header: 'Rollen', cell: (u) => rolesLabel(u.roles) },
          ]}
        />
      )}
      {hasPermission(user, 'users.create') && (
        <CreateUserForm partners={partnerList} onCreated={added} onStart={() => setStatus(null)} />
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
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const { busy, formError, errors: fieldErrors, validate, submit } = useFormSubmit(FORM_ID, FIELDS);

  function toggleRole(role: Role, checked: boolean) {
    setRoles((current) =>
      checked ? ROLES.filter((r) => r === role || current.includes(r)) : current.filter((r) => r !== role),
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const parsed = createUserSchema.safeParse({ name, email, password, partnerId, roles });
    if (!parsed.success) {
      const errors = issuesToFieldErrors(parsed.error);
      if (email.trim() === '') errors.email = 'Vul een e-mailadres in';
      if (partnerId === '') errors.partnerId = 'Kies een partner';
      validate(errors);
      return;
    }
    validate({});
    await submit(async () => {
      const created = await api.createUser(parsed.data);
      setName('');
      setEmail('');
      setPassword('');
      setPartnerId('');
      setRoles([]);
      onCreated(created);
    });
  }

  return (
    <section className="wr-card wr-form-card">
      <Heading level={2} id="user-form-heading">
        Gebruiker toevoegen
      </Heading>
      <SubmitForm id={FORM_ID} labelledBy="user-form-heading" error={formError} onSubmit={onSubmit}>
        <FormField id={`${FORM_ID}-name`} label="Naam" error={fieldErrors.name}>
          {(control) => (
            <Textbox
              {...control}
              name="name"
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${FORM_ID}-email`} label="E-mailadres" error={fieldErrors.email}>
          {(control) => (
            <Textbox
              {...control}
              type="email"
              name="email"
              autoComplete="off"
              inputMode="email"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </FormField>
        <FormField
          id={`${FORM_ID}-password`}
          label="Wachtwoord"
          description={`Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`}
          error={fieldErrors.password}
        >
          {(control) => (
            <Textbox
              {...control}
              type="password"
              name="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${FORM_ID}-partnerId`} label="Partner" error={fieldErrors.partnerId}>
          {(control) => (
            <Select
              {...control}
              name="partnerId"
              placeholder="Kies een partner"
              options={partners.map((p) => ({ value: p.id, label: p.name }))}
              value={partnerId}
              onChange={(event) => setPartnerId(event.target.value)}
            />
          )}
        </FormField>
        <Fieldset id={`${FORM_ID}-roles`} legend="Rollen" error={fieldErrors.roles}>
          {ROLES.map((role) => (
            <Checkbox
              key={role}
              id={`${FORM_ID}-role-${role}`}
              name="roles"
              value={role}
              label={ROLE_LABELS[role]}
              checked={roles.includes(role)}
              invalid={Boolean(fieldErrors.roles)}
              onChange={(event) => toggleRole(role, event.target.checked)}
            />
          ))}
        </Fieldset>
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          Gebruiker toevoegen
        </Button>
      </SubmitForm>
    </section>
  );
}

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
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { CheckboxGroup } from '../../components/Choice.tsx';
import { EmailAddress } from '../../components/EmailAddress.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { DataTable } from '../../components/Table.tsx';
import { codeOptions } from '../../lib/format.ts';
import { sortedByName } from '../../lib/sort.ts';
import { useApiData, withItem } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';

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

  const partnerList = sortedByName(partners.data?.items);
  const partnerName = (id: string) => partnerList.find((p) => p.id === id)?.name ?? '–';

  function added(created: User) {
    users.setData((current) => withItem(current, created));
    setStatus(`Gebruiker „${created.name}” is toegevoegd.`);
  }

  return (
    <>
      <PageHeading>Gebruikers</PageHeading>
      <Paragraph>De medewerkers van de gemeente en de partners die met Wijkregie werken.</Paragraph>
      <StatusMessage message={status} />
      <Loaded data={users} loading="Gebruikers worden geladen…">
        {(list) => (
          <DataTable
            caption={`Gebruikers (${list.items.length}), op naam gesorteerd`}
            rows={sortedByName(list.items)}
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
      </Loaded>
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

import {
  createPartnerSchema,
  hasPermission,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  type Partner,
  type PartnerKind,
} from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api, type Collection } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
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

const loadPartners = (signal: AbortSignal) => api.listPartners(signal);

export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' });
}

export function kindLabel(kind: string): string {
  return PARTNER_KIND_LABELS[kind as PartnerKind] ?? kind;
}

export function PartnersPage() {
  usePageTitle('Partners');
  const user = useUser();
  const partners = useApiData(loadPartners);
  const [status, setStatus] = useState<string | null>(null);

  if (!hasPermission(user, 'partners.read')) return <NoAccessPage title="Partners" />;

  const rows = partners.data ? [...partners.data.items].sort(byName) : [];

  function added(partner: Partner) {
    partners.setData((current: Collection<Partner> | null) =>
      current ? { items: [...current.items, partner], total: current.total + 1 } : current,
    );
    setStatus(`Partner „${partner.name}” is toegevoegd.`);
  }

  return (
    <>
      <PageHeading>Partners</PageHeading>
      <Paragraph>De organisaties die samenwerken in de wijkaanpak van de gemeente.</Paragraph>
      <StatusMessage message={status} />
      {partners.loading && <Paragraph>Partners worden geladen…</Paragraph>}
      {partners.error && (
        <Alert type="error" role="alert">
          {partners.error}
        </Alert>
      )}
      {partners.data && (
        <DataTable
          caption={`Partners (${rows.length}), op naam gesorteerd`}
          rows={rows}
          rowKey={(partner) => partner.id}
          empty="Er zijn nog geen partners."
          columns={[
            { header: 'Naam', cell: (partner) => partner.name },
            { header: 'Soort', cell: (partner) => kindLabel(partner.kind) },
          ]}
        />
      )}
      {hasPermission(user, 'partners.create') && (
        <CreatePartnerForm
          onCreated={added}
          onStart={() => {
            setStatus(null);
          }}
        />
      )}
    </>
  );
}

const FORM_ID = 'partner';
const FIELDS = ['name', 'kind'] as const;
const KIND_OPTIONS = PARTNER_KINDS.map((kind) => ({ value: kind, label: PARTNER_KIND_LABELS[kind] }));

function CreatePartnerForm({
  onCreated,
  onStart,
}: {
  onCreated: (partner: Partner) => void;
  onStart: () => void;
}) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const { busy, formError, errors: fieldErrors, validate, submit } = useFormSubmit(FORM_ID, FIELDS);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const parsed = createPartnerSchema.safeParse({ name, kind });
    if (!parsed.success) {
      const errors = issuesToFieldErrors(parsed.error);
      if (kind === '') errors.kind = 'Kies een soort partner';
      validate(errors);
      return;
    }
    validate({});
    await submit(async () => {
      const partner = await api.createPartner(parsed.data);
      setName('');
      setKind('');
      onCreated(partner);
    });
  }

  return (
    <section className="wr-card wr-form-card">
      <Heading level={2} id="partner-form-heading">
        Partner toevoegen
      </Heading>
      <SubmitForm id={FORM_ID} labelledBy="partner-form-heading" error={formError} onSubmit={onSubmit}>
        <FormField id={`${FORM_ID}-name`} label="Naam" error={fieldErrors.name}>
          {(control) => (
            <Textbox
              {...control}
              name="name"
              autoComplete="organization"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${FORM_ID}-kind`} label="Soort" error={fieldErrors.kind}>
          {(control) => (
            <Select
              {...control}
              name="kind"
              placeholder="Kies een soort"
              options={KIND_OPTIONS}
              value={kind}
              onChange={(event) => setKind(event.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          Partner toevoegen
        </Button>
      </SubmitForm>
    </section>
  );
}

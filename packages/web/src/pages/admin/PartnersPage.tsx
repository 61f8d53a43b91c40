import {
  createPartnerSchema,
  hasPermission,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  type Partner,
} from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { DataTable } from '../../components/Table.tsx';
import { codeOptions, labelOf } from '../../lib/format.ts';
import { sortedByName } from '../../lib/sort.ts';
import { useApiData, withItem } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';

const loadPartners = (signal: AbortSignal) => api.listPartners(signal);

export function kindLabel(kind: string): string {
  return labelOf(PARTNER_KIND_LABELS, kind);
}

export function PartnersPage() {
  usePageTitle('Partners');
  const user = useUser();
  const partners = useApiData(loadPartners);
  const [status, setStatus] = useState<string | null>(null);

  if (!hasPermission(user, 'partners.read')) return <NoAccessPage title="Partners" />;

  function added(partner: Partner) {
    partners.setData((current) => withItem(current, partner));
    setStatus(`Partner „${partner.name}” is toegevoegd.`);
  }

  return (
    <>
      <PageHeading>Partners</PageHeading>
      <Paragraph>De organisaties die samenwerken in de wijkaanpak van de gemeente.</Paragraph>
      <StatusMessage message={status} />
      <Loaded data={partners} loading="Partners worden geladen…">
        {(list) => (
          <DataTable
            caption={`Partners (${list.items.length}), op naam gesorteerd`}
            rows={sortedByName(list.items)}
            rowKey={(partner) => partner.id}
            empty="Er zijn nog geen partners."
            columns={[
              { header: 'Naam', cell: (partner) => partner.name },
              { header: 'Soort', cell: (partner) => kindLabel(partner.kind) },
            ]}
          />
        )}
      </Loaded>
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
const KIND_OPTIONS = codeOptions(PARTNER_KINDS, PARTNER_KIND_LABELS);

function CreatePartnerForm({
  onCreated,
  onStart,
}: {
  onCreated: (partner: Partner) => void;
  onStart: () => void;
}) {
  const { busy, formError, validate, submit, values, setValues, field } = useForm(FORM_ID, FIELDS, {
    name: '',
    kind: '',
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const parsed = createPartnerSchema.safeParse(values);
    if (!parsed.success) {
      const errors = issuesToFieldErrors(parsed.error);
      if (values.kind === '') errors.kind = 'Kies een soort partner';
      validate(errors);
      return;
    }
    validate({});
    await submit(async () => {
      const partner = await api.createPartner(parsed.data);
      setValues({ name: '', kind: '' });
      onCreated(partner);
    });
  }

  return (
    <FormCard id={FORM_ID} title="Partner toevoegen" error={formError} onSubmit={onSubmit}>
      <TextField {...field('name')} label="Naam" autoComplete="organization" />
      <SelectField {...field('kind')} label="Soort" placeholder="Kies een soort" options={KIND_OPTIONS} />
      <SubmitButton busy={busy}>Partner toevoegen</SubmitButton>
    </FormCard>
  );
}

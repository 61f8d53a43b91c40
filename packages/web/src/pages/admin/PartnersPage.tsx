import {
  createPartnerSchema,
  hasPermission,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  PARTNER_SORT_FIELDS,
  type Partner,
  type PartnerWithStatus,
  updatePartnerSchema,
} from '@wijkregie/shared';
import { type FormEvent, useCallback } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { ActivationControl } from '../../components/ActivationControl.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { itemSaver, useListEditing } from '../../components/ListEditing.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { orderedCaption, useSortParams } from '../../components/Sorting.tsx';
import { DataTable } from '../../components/Table.tsx';
import { codeOptions, labelOf } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';

/** How GET /partners orders without `sort`. */
const USUAL_ORDER = 'op naam';

export function kindLabel(kind: string): string {
  return labelOf(PARTNER_KIND_LABELS, kind);
}

export function PartnersPage() {
  usePageTitle('Partners');
  const user = useUser();
  const sort = useSortParams(PARTNER_SORT_FIELDS);
  const { sort: field, order } = sort.query;
  const loader = useCallback(
    (signal: AbortSignal) => api.listPartners(signal, { sort: field, order }),
    [field, order],
  );
  const partners = useApiData(loader);
  const editing = useListEditing(partners);
  const mayEdit = hasPermission(user, 'partners.create');

  if (!hasPermission(user, 'partners.read'))
    return <NoAccessPage title="Partners" permission="partners.read" />;

  return (
    <>
      <PageHeading>Partners</PageHeading>
      <Paragraph>De organisaties die samenwerken in de wijkaanpak van de gemeente.</Paragraph>
      <StatusMessage message={editing.status} />
      <Loaded data={partners} loading="Partners worden geladen…" busy>
        {(list) => (
          <DataTable
            caption={orderedCaption(`Partners (${list.items.length})`, field, `${USUAL_ORDER} gesorteerd`)}
            sorting={sort.table}
            usualOrder={USUAL_ORDER}
            rows={list.items}
            empty="Er zijn nog geen partners."
            columns={[
              { header: 'Naam', sort: 'name', cell: (partner) => partner.name },
              { header: 'Soort', sort: 'kind', cell: (partner) => kindLabel(partner.kind) },
              { header: 'Status', cell: (partner) => (partner.active ? 'Actief' : 'Gedeactiveerd') },
              ...(mayEdit ? [editing.column] : []),
            ]}
          />
        )}
      </Loaded>
      {mayEdit && editing.edited && (
        <EditPartnerForm
          key={editing.edited.id}
          partner={editing.edited}
          onChanged={editing.changed}
          onClose={editing.close}
        />
      )}
      {mayEdit && (
        <CreatePartnerForm
          onCreated={(partner) =>
            editing.added({ ...partner, active: true }, `Partner „${partner.name}” is toegevoegd.`)
          }
          onStart={editing.clearStatus}
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

interface EditPartnerFormProps {
  partner: PartnerWithStatus;
  onChanged: (partner: PartnerWithStatus, message: string) => void;
  onClose: () => void;
}

const EDIT_FORM_ID = 'edit-partner';

/**
 * Renames a partner, or deactivates it (its users can no longer log in and their sessions end at
 * once; it is no longer offered for new cases, actions and meetings) or activates it again.
 */
function EditPartnerForm({ partner, onChanged, onClose }: EditPartnerFormProps) {
  const { busy, formError, checked, submit, values, field } = useForm(EDIT_FORM_ID, ['name'] as const, {
    name: partner.name,
  });
  const save = itemSaver(submit, onChanged, onClose);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = checked(updatePartnerSchema, { name: values.name });
    if (!body) return;
    await save(
      () => api.updatePartner(partner.id, body),
      (updated) => `Partner „${updated.name}” is gewijzigd.`,
    );
  }

  const setActive = (active: boolean) =>
    save(
      () => api.updatePartner(partner.id, { active }),
      (updated) =>
        active
          ? `Partner „${updated.name}” is weer actief; de gebruikers kunnen weer inloggen.`
          : `Partner „${updated.name}” is gedeactiveerd; de gebruikers zijn uitgelogd.`,
    );

  return (
    <FormCard
      id={EDIT_FORM_ID}
      title={`Partner „${partner.name}” wijzigen`}
      error={formError}
      onSubmit={onSubmit}
    >
      <TextField {...field('name')} label="Naam" autoComplete="organization" />
      <ButtonGroup>
        <SubmitButton busy={busy}>Naam opslaan</SubmitButton>
        <Button onClick={onClose}>Annuleren</Button>
      </ButtonGroup>
      <ActivationControl
        noun="Partner"
        active={partner.active}
        busy={busy}
        consequences={`De gebruikers van ${partner.name} worden direct uitgelogd en kunnen niet meer inloggen. De partner blijft staan bij de casussen en overleggen waar ze aan meedeed, maar is niet meer te kiezen voor nieuw werk.`}
        onSetActive={setActive}
      />
    </FormCard>
  );
}

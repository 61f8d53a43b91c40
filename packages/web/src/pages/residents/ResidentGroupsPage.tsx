import {
  createResidentGroupSchema,
  hasPermission,
  RESIDENT_GROUP_KIND_LABELS,
  RESIDENT_GROUP_KINDS,
  type ResidentGroupSummary,
} from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { EmailField, SelectField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb, TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { DataTable } from '../../components/Table.tsx';
import { areaGroups } from '../../lib/areas.ts';
import { codeOptions } from '../../lib/format.ts';
import { useAreas, useColleagues } from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

const loadGroups = (signal: AbortSignal) => api.listResidentGroups(signal);

/**
 * Wijkbeeld › Bewonersgroepen: the buurtpreventie teams, bewonerscommissies, the wijkraad and WhatsApp groups
 * of the municipality; the regisseur registers a new one below the list.
 */
export function ResidentGroupsPage() {
  usePageTitle('Bewonersgroepen');
  const user = useUser();
  const groups = useApiData(loadGroups);
  return (
    <>
      <Breadcrumb to="/wijkbeeld">Wijkbeeld</Breadcrumb>
      <PageHeading>Bewonersgroepen</PageHeading>
      <Paragraph>
        Bewoners die samen op hun buurt letten: buurtpreventie, bewonerscommissies, de wijkraad en
        WhatsApp-groepen. Een melding van een groep komt bij de signalen binnen, met de naam van de groep en
        hoe dringend het is. De contactgegevens van leden zien alleen de regisseur en de coördinator van de
        groep.
      </Paragraph>
      {hasPermission(user, 'howtoreport.write') && (
        <Paragraph>
          <TextLink to="/wijkbeeld/hoe-melden">De tekst ‘Wat meld ik waar?’ bewerken</TextLink>
        </Paragraph>
      )}
      <Loaded data={groups} loading="De bewonersgroepen worden geladen…" busy>
        {(list) => (
          <DataTable<ResidentGroupSummary>
            caption={`Bewonersgroepen (${list.total}), op naam`}
            rows={list.items}
            empty="Er zijn nog geen bewonersgroepen."
            columns={[
              {
                header: 'Naam',
                cell: (g) => <TextLink to={`/wijkbeeld/bewonersgroepen/${g.id}`}>{g.name}</TextLink>,
              },
              { header: 'Soort', cell: (g) => RESIDENT_GROUP_KIND_LABELS[g.kind] },
              { header: 'Gebied', cell: (g) => g.areas.map((a) => a.name).join(', ') },
              { header: 'Coördinator', cell: (g) => g.coordinator.name },
              { header: 'Leden', cell: (g) => g.memberCount },
            ]}
          />
        )}
      </Loaded>
      {hasPermission(user, 'residentgroups.write') && <CreateGroupForm />}
    </>
  );
}

const FORM_ID = 'group';
const FIELDS = ['name', 'kind', 'areaIds', 'contactEmail', 'coordinatorUserId'] as const;

function CreateGroupForm() {
  const navigate = useNavigate();
  const areas = useAreas();
  const colleagues = useColleagues();
  const [areaId, setAreaId] = useState('');
  const { busy, formError, checked, submit, values, field, errors } = useForm(
    FORM_ID,
    FIELDS,
    { name: '', kind: '', contactEmail: '', coordinatorUserId: '' },
    { keepBusyOnSuccess: true, aliases: { 'areaIds.0': 'areaIds' } },
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      name: values.name,
      kind: values.kind,
      areaIds: areaId ? [areaId] : [],
      contactEmail: values.contactEmail,
      ...(values.coordinatorUserId ? { coordinatorUserId: values.coordinatorUserId } : {}),
    };
    const body = checked(createResidentGroupSchema, input);
    if (!body) return;
    await submit(async () => {
      const created = await api.createResidentGroup(body);
      void navigate(`/wijkbeeld/bewonersgroepen/${created.id}`);
    });
  }

  return (
    <FormCard id={FORM_ID} title="Bewonersgroep vastleggen" error={formError} onSubmit={onSubmit}>
      <TextField {...field('name')} label="Naam" autoComplete="off" />
      <SelectField
        {...field('kind')}
        label="Soort groep"
        placeholder="Kies een soort"
        options={codeOptions(RESIDENT_GROUP_KINDS, RESIDENT_GROUP_KIND_LABELS)}
      />
      <SelectField
        id={`${FORM_ID}-areaIds`}
        name="areaIds"
        label="Wijk of buurt"
        placeholder="Kies een wijk of buurt"
        options={[]}
        groups={areaGroups(areas.data?.items)}
        value={areaId}
        error={errors.areaIds}
        onValue={setAreaId}
      />
      <EmailField
        {...field('contactEmail')}
        label="E-mailadres van de groep"
        description="Het adres waarop professionals de groep bereiken (geen adres van een lid)."
      />
      <SelectField
        {...field('coordinatorUserId')}
        label="Coördinator"
        description="Een regisseur of professional die het contact met de groep onderhoudt. Leeg: uzelf."
        placeholder="Ikzelf"
        options={colleagues.sorted.map((c) => ({ value: c.id, label: c.name }))}
      />
      <SubmitButton busy={busy}>Bewonersgroep vastleggen</SubmitButton>
    </FormCard>
  );
}

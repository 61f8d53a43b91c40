import {
  createGroupMemberSchema,
  createGroupReportSchema,
  type GroupMember,
  type GroupReport,
  hasPermission,
  REPORT_URGENCIES,
  REPORT_URGENCY_LABELS,
  RESIDENT_GROUP_KIND_LABELS,
  type ResidentGroup,
  SIGNAL_STATUS_LABELS,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import {
  ADDRESS_FIELDS,
  AddressFields,
  addressInput,
  EMPTY_ADDRESS,
} from '../../components/AddressFields.tsx';
import { Alert, ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import type { Point } from '../../components/AreaMap.tsx';
import { Button, SubmitButton } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choice.tsx';
import { DataList } from '../../components/DataList.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { EmailField, SelectField, TextareaField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb, TextLink } from '../../components/Links.tsx';
import { DetailLoading, Loaded } from '../../components/Loaded.tsx';
import { PinOrBuurt } from '../../components/PinOrBuurt.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { UrgencyBadge } from '../../components/UrgencyBadge.tsx';
import { codeOptions, keyedOptions } from '../../lib/format.ts';
import { useSignalCategories } from '../../lib/signals.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useDetail } from '../../lib/useDetail.ts';
import { useForm } from '../../lib/useFormSubmit.ts';

const loadAreas = (signal: AbortSignal) => api.listAreas(signal);

/** /wijkbeeld/bewonersgroepen/:id — a resident group, its members, its reports and the form for a new one. */
export function ResidentGroupPage() {
  const { id = '' } = useParams();
  return <GroupView key={id} id={id} />;
}

function GroupView({ id }: { id: string }) {
  const user = useUser();
  const loader = useCallback((signal: AbortSignal) => api.getResidentGroup(id, signal), [id]);
  const detail = useDetail(loader, 'Bewonersgroep', (g) => g.name);
  const [message, setMessage] = useState<string | null>(null);
  const [reportsVersion, setReportsVersion] = useState(0);
  const g = detail.data;
  return (
    <>
      <Breadcrumb to="/wijkbeeld/bewonersgroepen">Bewonersgroepen</Breadcrumb>
      <PageHeading>{g ? g.name : detail.placeholder}</PageHeading>
      <StatusMessage message={message} />
      <DetailLoading data={detail} loading="De bewonersgroep wordt geladen…" onlyWhenEmpty />
      {g && (
        <>
          <Section id="group-facts" title="Gegevens" className="wr-card">
            <DataList
              items={[
                { key: 'Soort', value: RESIDENT_GROUP_KIND_LABELS[g.kind] },
                { key: 'Gebied', value: g.areas.map((a) => a.name).join(', ') },
                { key: 'E-mailadres van de groep', value: g.contactEmail },
                { key: 'Coördinator', value: g.coordinator.name },
                { key: 'Aantal leden', value: g.memberCount },
              ]}
            />
          </Section>
          <Members
            group={g}
            onChanged={(text) => {
              setMessage(text);
              detail.reload();
            }}
          />
          {hasPermission(user, 'signals.write') && (
            <GroupReportForm group={g} onReported={() => setReportsVersion((v) => v + 1)} />
          )}
          {g.manages && <GroupReports key={reportsVersion} groupId={g.id} />}
          {hasPermission(user, 'signals.read') && (
            <Paragraph>
              <TextLink to={`/signalen?bewonersgroep=${g.id}&open=nee`}>
                De meldingen van deze groep bij de signalen
              </TextLink>{' '}
              (die u mag zien)
            </Paragraph>
          )}
        </>
      )}
    </>
  );
}

function Members({ group, onChanged }: { group: ResidentGroup; onChanged: (text: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  async function remove(m: GroupMember) {
    setError(null);
    try {
      await api.removeGroupMember(group.id, m.id);
      onChanged(`${m.name} is uit de groep gehaald.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Verwijderen is niet gelukt.');
    }
  }
  return (
    <Section id="group-members" title="Leden">
      {!group.manages && (
        <Paragraph>
          De contactgegevens van leden ziet alleen de regisseur en de coördinator van de groep. Neem contact
          op via het e-mailadres van de groep.
        </Paragraph>
      )}
      <ErrorAlert message={error} />
      <DataTable<GroupMember>
        caption={`Leden (${group.members.length}), op naam`}
        rows={group.members}
        empty="Deze groep heeft nog geen leden."
        columns={[
          { header: 'Naam', cell: (m) => m.name },
          { header: 'Rol', cell: (m) => m.role },
          ...(group.manages
            ? [
                { header: 'E-mail', cell: (m: GroupMember) => m.email ?? '' },
                {
                  header: 'Telefoon',
                  cell: (m: GroupMember) => m.phone ?? <span className="wr-muted">–</span>,
                },
                {
                  header: 'Acties',
                  cell: (m: GroupMember) => (
                    <Button
                      appearance="subtle"
                      aria-label={`${m.name} uit de groep halen`}
                      onClick={() => void remove(m)}
                    >
                      Uit de groep halen
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {group.manages && (
        <AddMemberForm groupId={group.id} onAdded={(m) => onChanged(`${m.name} is toegevoegd.`)} />
      )}
    </Section>
  );
}

const MEMBER_FORM = 'member';
const MEMBER_FIELDS = ['name', 'email', 'phone', 'role'] as const;

function AddMemberForm({ groupId, onAdded }: { groupId: string; onAdded: (m: GroupMember) => void }) {
  const { busy, formError, checked, submit, values, setValues, field } = useForm(MEMBER_FORM, MEMBER_FIELDS, {
    name: '',
    email: '',
    phone: '',
    role: '',
  });
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = checked(createGroupMemberSchema, {
      name: values.name,
      email: values.email,
      role: values.role,
      ...(values.phone.trim() ? { phone: values.phone } : {}),
    });
    if (!body) return;
    await submit(async () => {
      const added = await api.addGroupMember(groupId, body);
      setValues({ name: '', email: '', phone: '', role: '' });
      onAdded(added);
    });
  }
  return (
    <FormCard id={MEMBER_FORM} title="Lid toevoegen" error={formError} onSubmit={onSubmit}>
      <TextField {...field('name')} label="Naam" autoComplete="off" />
      <EmailField {...field('email')} label="E-mailadres" autoComplete="off" />
      <TextField {...field('phone')} label="Telefoon (niet verplicht)" type="tel" autoComplete="off" />
      <TextField
        {...field('role')}
        label="Rol in de groep"
        description="Bijvoorbeeld: lid, voorzitter, loopt avondronde, beheerder app-groep"
        autoComplete="off"
      />
      <SubmitButton busy={busy}>Lid toevoegen</SubmitButton>
    </FormCard>
  );
}

const REPORT_FORM = 'group-report';
const REPORT_FIELDS = [
  'category',
  'description',
  ...ADDRESS_FIELDS,
  'lat',
  'lng',
  'occurredAt',
  'urgency',
] as const;
const URGENCY_OPTIONS = codeOptions(REPORT_URGENCIES, REPORT_URGENCY_LABELS);

/** "Melding van de groep": what, where, when, how urgent — taken from the group, e.g. by phone. */
function GroupReportForm({ group, onReported }: { group: ResidentGroup; onReported: () => void }) {
  const categories = useSignalCategories();
  const areas = useApiData(loadAreas);
  const [point, setPoint] = useState<Point | null>(null);
  const [receipt, setReceipt] = useState<{ code: string; signalId: string } | null>(null);
  const { busy, formError, errors, checked, submit, values, setValues, field } = useForm(
    REPORT_FORM,
    REPORT_FIELDS,
    { category: '', description: '', ...EMPTY_ADDRESS, occurredAt: '', urgency: 'normaal' },
    { leaf: true },
  );
  const areaItems = areas.data?.items ?? [];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setReceipt(null);
    const location = { ...addressInput(values), ...(point ?? {}) };
    const body = checked(createGroupReportSchema, {
      category: values.category,
      description: values.description,
      location: Object.keys(location).length > 0 ? location : undefined,
      occurredAt: values.occurredAt ? new Date(values.occurredAt).toISOString() : undefined,
      urgency: values.urgency,
    });
    if (!body) return;
    await submit(async () => {
      const created = await api.createGroupReport(group.id, body);
      setValues({ category: '', description: '', ...EMPTY_ADDRESS, occurredAt: '', urgency: 'normaal' });
      setPoint(null);
      setReceipt({ code: created.trackingCode, signalId: created.id });
      onReported();
    });
  }

  return (
    <>
      {receipt && (
        <Alert type="ok" heading="Melding van de groep ontvangen" role="status">
          De melding staat bij de signalen. De groep volgt haar met de code{' '}
          <strong className="wr-tracking-code-inline">{receipt.code}</strong> op{' '}
          <TextLink to={`/melden/${encodeURIComponent(receipt.code)}`}>de pagina ‘Volg uw melding’</TextLink>.{' '}
          <TextLink to={`/signalen/${receipt.signalId}`}>Naar het signaal</TextLink>
        </Alert>
      )}
      <FormCard id={REPORT_FORM} title="Melding van de groep" error={formError} onSubmit={onSubmit}>
        <Paragraph>
          Kort en vast: wat, waar, wanneer en hoe dringend. De melding komt bij de signalen binnen met de naam
          van {group.name}. Bij spoed of gevaar: bel 112.
        </Paragraph>
        <SelectField
          {...field('category')}
          label="Wat: onderwerp"
          placeholder="Kies een onderwerp"
          options={keyedOptions(categories.data?.items.filter((c) => c.publicReport))}
        />
        <TextareaField {...field('description')} label="Wat: wat is er aan de hand?" />
        <Fieldset
          id={`${REPORT_FORM}-location`}
          legend="Waar (niet verplicht)"
          description="Het adres, of de plek op de kaart of de buurt."
          error={errors.lat ?? errors.lng}
        >
          <AddressFields field={field} />
          {areaItems.length > 0 && (
            <PinOrBuurt formId={REPORT_FORM} areas={areaItems} value={point} onChange={setPoint} />
          )}
        </Fieldset>
        <TextField
          {...field('occurredAt')}
          label="Wanneer (niet verplicht)"
          description="Datum en tijd waarop het gebeurde of werd gezien"
          type="datetime-local"
        />
        <RadioGroup {...field('urgency')} legend="Hoe dringend" layout="row" options={URGENCY_OPTIONS} />
        <SubmitButton busy={busy}>Melding versturen</SubmitButton>
      </FormCard>
    </>
  );
}

/** The group's reports with their status, for the regisseur and the coordinator. */
function GroupReports({ groupId }: { groupId: string }) {
  const loader = useCallback((signal: AbortSignal) => api.listGroupReports(groupId, signal), [groupId]);
  const reports = useApiData(loader);
  const categories = useSignalCategories();
  return (
    <Section id="group-reports" title="Meldingen van de groep">
      <Loaded data={reports} loading="De meldingen worden geladen…">
        {(list) => (
          <DataTable<GroupReport>
            caption={`Meldingen (${list.total}), nieuwste eerst`}
            rows={list.items}
            rowKey={(r) => `${r.trackingCode ?? ''}${r.createdAt}`}
            empty="De groep heeft nog niets gemeld."
            columns={[
              {
                header: 'Gemeld',
                cell: (r) => <DateTime value={r.createdAt} className="wr-nowrap" />,
              },
              {
                header: 'Onderwerp',
                cell: (r) => {
                  const label = categories.names.get(r.category) ?? r.category;
                  return r.signalId ? <TextLink to={`/signalen/${r.signalId}`}>{label}</TextLink> : label;
                },
              },
              {
                header: 'Urgentie',
                cell: (r) =>
                  r.urgency ? <UrgencyBadge urgency={r.urgency} /> : <span className="wr-muted">–</span>,
              },
              { header: 'Status', cell: (r) => SIGNAL_STATUS_LABELS[r.status] },
              { header: 'Volgcode', cell: (r) => r.trackingCode ?? <span className="wr-muted">–</span> },
            ]}
          />
        )}
      </Loaded>
    </Section>
  );
}

import { hasPermission } from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { type AuditRecord, type AuditVerification, api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Select } from '../../components/Select.tsx';
import { DataTable } from '../../components/Table.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type Names, usePartners, useUsers } from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { byName } from '../admin/PartnersPage.tsx';
import { NoAccessPage } from '../NotFoundPage.tsx';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ACTION_LABELS: Record<string, string> = {
  read: 'Ingezien',
  list: 'Lijst bekeken',
  search: 'Gezocht',
  create: 'Aangemaakt',
  update: 'Gewijzigd',
  delete: 'Verwijderd',
  export: 'Geëxporteerd',
  denied: 'Geweigerd',
  seal: 'Oude keten verzegeld',
};

const OBJECT_LABELS: Record<string, string> = {
  case: 'Casus',
  entry: 'Notitie',
  person: 'Persoon',
  household: 'Huishouden',
  group: 'Groep',
  location: 'Locatie',
  relation: 'Relatie',
  matrix: 'Autorisatiematrix',
  category: 'Categorie',
  audit: 'Auditlog',
  partner: 'Partner',
  user: 'Gebruiker',
};

const shortId = (id: string) => id.slice(0, 8);

export function AuditPage() {
  usePageTitle('Auditlog');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const objectId = params.get('object') ?? '';
  const userId = params.get('gebruiker') ?? '';
  const offsetParam = Number(params.get('vanaf') ?? 0);
  const offset = Number.isInteger(offsetParam) && offsetParam > 0 ? offsetParam : 0;
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listAudit(
        { ...(objectId ? { objectId } : {}), ...(userId ? { userId } : {}) },
        { limit: PAGE_SIZE, offset },
        signal,
      ),
    [objectId, userId, offset],
  );
  const records = useApiData(loader);
  const partners = usePartners();
  const users = useUsers();

  if (!hasPermission(user, 'audit.read')) return <NoAccessPage title="Auditlog" />;

  function goToPage(next: number) {
    const copy = new URLSearchParams(params);
    if (next > 0) copy.set('vanaf', String(next));
    else copy.delete('vanaf');
    setParams(copy);
  }

  const userName = (id: string | null) => {
    if (!id) return 'Systeem';
    return users.names.get(id) ?? (id === user.id ? `${user.name} (jij)` : `Gebruiker ${shortId(id)}`);
  };
  const filtered = Boolean(objectId || userId);

  return (
    <>
      <PageHeading>Auditlog</PageHeading>
      <Paragraph>
        Elke inzage en wijziging van persoonsgegevens: wie, namens welke partner, wat, wanneer en met welk
        doel. De log is een hashketen; met „Keten controleren” ga je na dat er niets is gewijzigd of
        verwijderd.
      </Paragraph>
      <VerifyChain />
      <AuditFilters
        key={params.toString()}
        objectId={objectId}
        userId={userId}
        users={users.data?.items ?? null}
        partnerNames={partners.names}
        onApply={(next) => setParams(next)}
      />
      {records.error && (
        <Alert type="error" role="alert">
          {records.error}
        </Alert>
      )}
      {records.loading && !records.data && <Paragraph>De auditlog wordt geladen…</Paragraph>}
      {records.data && (
        <div aria-busy={records.loading || undefined}>
          <DataTable
            caption={`Auditrecords (${records.data.total})${filtered ? ', gefilterd' : ''}, nieuwste eerst`}
            rows={records.data.items}
            rowKey={(r) => r.id}
            empty="Geen auditrecords gevonden."
            columns={columns(userName, partners.names, hasPermission(user, 'cases.read'))}
          />
          <Pagination
            label="Paginering auditlog"
            total={records.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onPage={goToPage}
          />
        </div>
      )}
    </>
  );
}

function columns(userName: (id: string | null) => string, partnerNames: Names, linkCases: boolean) {
  return [
    {
      header: 'Tijd',
      cell: (r: AuditRecord) => (
        <time className="wr-nowrap" dateTime={r.at}>
          {formatDateTime(r.at)}
        </time>
      ),
    },
    { header: 'Gebruiker', cell: (r: AuditRecord) => userName(r.userId) },
    {
      header: 'Partner',
      cell: (r: AuditRecord) => (r.partnerId ? (partnerNames.get(r.partnerId) ?? '–') : '–'),
    },
    { header: 'Actie', cell: (r: AuditRecord) => ACTION_LABELS[r.action] ?? r.action },
    { header: 'Objecttype', cell: (r: AuditRecord) => OBJECT_LABELS[r.objectType] ?? r.objectType },
    {
      header: 'Object',
      cell: (r: AuditRecord) => {
        if (r.objectId) {
          const code = <code className="wr-code wr-id">{r.objectId}</code>;
          return linkCases && r.objectType === 'case' ? (
            <Link className="utrecht-link utrecht-link--html-a" to={`/casussen/${r.objectId}`}>
              {code}
            </Link>
          ) : (
            code
          );
        }
        if (r.objectIds) return `${r.objectIds.length} ${r.objectIds.length === 1 ? 'object' : 'objecten'}`;
        return '–';
      },
    },
    { header: 'Doel', cell: (r: AuditRecord) => r.purpose },
  ];
}

interface AuditFiltersProps {
  objectId: string;
  userId: string;
  users: readonly { id: string; name: string; partnerId: string }[] | null;
  partnerNames: Names;
  onApply: (next: URLSearchParams) => void;
}

function AuditFilters({ objectId, userId, users, partnerNames, onApply }: AuditFiltersProps) {
  const [object, setObject] = useState(objectId);
  const [who, setWho] = useState(userId);
  const [errors, setErrors] = useState<{ object?: string; user?: string }>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: { object?: string; user?: string } = {};
    if (object.trim() && !UUID.test(object.trim())) next.object = 'Geen geldige id (een UUID, 36 tekens)';
    if (who.trim() && !UUID.test(who.trim())) next.user = 'Geen geldige id (een UUID, 36 tekens)';
    setErrors(next);
    if (next.object || next.user) {
      document.getElementById(next.object ? 'audit-object' : 'audit-user')?.focus();
      return;
    }
    const params = new URLSearchParams();
    if (object.trim()) params.set('object', object.trim().toLowerCase());
    if (who.trim()) params.set('gebruiker', who.trim().toLowerCase());
    onApply(params);
  }

  const userOptions = users
    ? [...users]
        .sort(byName)
        .map((u) => ({ value: u.id, label: `${u.name} (${partnerNames.get(u.partnerId) ?? '–'})` }))
    : [];

  return (
    <search className="wr-card wr-filters" aria-label="Auditlog filteren">
      <form noValidate onSubmit={onSubmit}>
        <div className="wr-filters__fields">
          <FormField
            id="audit-object"
            label="Object-id"
            description="De id van een casus, notitie of persoon; bij een persoon ook de records waarin die voorkomt"
            error={errors.object}
          >
            {(control) => (
              <Textbox
                {...control}
                name="object"
                autoComplete="off"
                spellCheck={false}
                value={object}
                onChange={(e) => setObject(e.target.value)}
              />
            )}
          </FormField>
          {users ? (
            <FormField id="audit-user" label="Gebruiker" error={errors.user}>
              {(control) => (
                <Select
                  {...control}
                  name="gebruiker"
                  placeholder="Alle gebruikers"
                  options={userOptions}
                  value={who}
                  onChange={(e) => setWho(e.target.value)}
                />
              )}
            </FormField>
          ) : (
            <FormField id="audit-user" label="Gebruikers-id" error={errors.user}>
              {(control) => (
                <Textbox
                  {...control}
                  name="gebruiker"
                  autoComplete="off"
                  spellCheck={false}
                  value={who}
                  onChange={(e) => setWho(e.target.value)}
                />
              )}
            </FormField>
          )}
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action">
            Filteren
          </Button>
          <Button appearance="secondary-action" onClick={() => onApply(new URLSearchParams())}>
            Filters wissen
          </Button>
        </ButtonGroup>
      </form>
    </search>
  );
}

function VerifyChain() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.verifyAudit());
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : 'De controle is niet gelukt.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="wr-card" aria-labelledby="verify-heading">
      <Heading level={2} id="verify-heading">
        Integriteit
      </Heading>
      <Button appearance="secondary-action" busy={busy} disabled={busy} onClick={() => void verify()}>
        Keten controleren
      </Button>
      <div role="status" className="wr-status">
        {result?.valid && (
          <Alert type="ok">
            De keten is intact: {result.count.toLocaleString('nl-NL')} records gecontroleerd.
          </Alert>
        )}
        {result && !result.valid && (
          <Alert type="error" heading="De keten is verbroken">
            {result.firstBroken
              ? `Eerste afwijkende record: nummer ${result.firstBroken.seq} (id ${result.firstBroken.id}): ${result.firstBroken.reason}. `
              : ''}
            {result.count.toLocaleString('nl-NL')} records gecontroleerd. Meld dit direct aan de functioneel
            beheerder.
          </Alert>
        )}
      </div>
      {error && (
        <Alert type="error" role="alert">
          {error}
        </Alert>
      )}
    </section>
  );
}

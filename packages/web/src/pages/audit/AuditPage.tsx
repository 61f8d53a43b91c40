import {
  AUDIT_ACTION_LABELS,
  AUDIT_OBJECT_TYPE_LABELS,
  type AuditItem,
  type AuditVerify,
  hasPermission,
  type User,
} from '@wijkregie/shared';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type AuditFilter, api, auditCsvUrl } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, ErrorAlert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { FilterBar, type FilterField } from '../../components/FilterBar.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { type Names, usePartners, useUsers } from '../../lib/reference.ts';
import { byName } from '../../lib/sort.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePagedParams } from '../../lib/usePaging.ts';
import { userOptions } from '../../lib/users.ts';
import { type FieldErrors, UUID_PATTERN } from '../../lib/validation.ts';

const PAGE_SIZE = 50;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log, for auditors and regisseurs; anyone else reads why not (and loads nothing). */
export function AuditPage() {
  return (
    <Permitted permission="audit.read" title="Auditlog">
      <AuditView />
    </Permitted>
  );
}

function AuditView() {
  usePageTitle('Auditlog');
  const user = useUser();
  const { params, setParams, offset, paging } = usePagedParams(PAGE_SIZE);
  const objectId = params.get('object') ?? '';
  const userId = params.get('gebruiker') ?? '';
  const from = params.get('van') ?? '';
  const to = params.get('tot') ?? '';
  const filter: AuditFilter = {
    ...(objectId ? { objectId } : {}),
    ...(userId ? { userId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const filterKey = JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter is rebuilt each render; its text is the dependency
  const loader = useCallback(
    (signal: AbortSignal) => api.listAudit(filter, { limit: PAGE_SIZE, offset }, signal),
    [filterKey, offset],
  );
  const records = useApiData(loader);
  const partners = usePartners();
  const users = useUsers();
  const register = useApiData(useCallback((signal: AbortSignal) => api.listProcessingActivities(signal), []));
  const activityNames: Names = new Map((register.data?.items ?? []).map((a) => [a.id, a.name]));

  const filtered = Object.keys(filter).length > 0;

  return (
    <>
      <PageHeading>Auditlog</PageHeading>
      <Paragraph>
        Elke inzage en wijziging van persoonsgegevens: wie, namens welke partner, wat, wanneer (tijden in
        Nederlandse tijd) en met welk doel. De log is een hashketen; met „Keten controleren” ga je na dat er
        niets is gewijzigd of verwijderd. Klik op een object om alles over dat object te zien.
      </Paragraph>
      <VerifyChain />
      <FilterBar
        id="audit"
        label="Auditlog filteren"
        params={params}
        onApply={setParams}
        fields={auditFilterFields(users.data?.items ?? null, partners.names)}
        validate={(values) => {
          const errors: FieldErrors = {};
          for (const key of ['object', 'user']) {
            const value = values[key]?.trim() ?? '';
            if (value && !UUID_PATTERN.test(value)) errors[key] = 'Geen geldige id (een UUID, 36 tekens)';
          }
          for (const key of ['from', 'to']) {
            const value = values[key] ?? '';
            if (value && !DATE.test(value)) errors[key] = 'Geen geldige datum';
          }
          if (values.from && values.to && values.from > values.to) errors.to = 'Ligt vóór de begindatum';
          return errors;
        }}
      />
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href={auditCsvUrl(filter)} download>
          Exporteer CSV<span className="wr-visually-hidden"> van de auditlog</span>
          {filtered ? ' (met dit filter)' : ''}
        </a>
      </Paragraph>
      <Loaded data={records} loading="De auditlog wordt geladen…" busy>
        {(page) => (
          <PagedTable
            caption={`Auditrecords (${page.total})${filtered ? ', gefilterd' : ''}, nieuwste eerst`}
            page={page}
            empty="Geen auditrecords gevonden."
            columns={columns(user, hasPermission(user, 'cases.read'), activityNames)}
            pagingLabel="Paginering auditlog"
            paging={paging}
          />
        )}
      </Loaded>
    </>
  );
}

function columns(me: User, linkCases: boolean, activityNames: Names) {
  // A name leads to everything that user did: the user filter without knowing ids.
  const userName = (r: AuditItem) => {
    if (!r.userId) return 'Systeem';
    const name = r.userName ?? 'Onbekende gebruiker';
    return (
      <TextLink to={`/audit?gebruiker=${r.userId}`}>
        {r.userId === me.id ? `${name} (jij)` : name}
        <span className="wr-visually-hidden">: alle records van deze gebruiker</span>
      </TextLink>
    );
  };
  return [
    {
      header: 'Tijd',
      cell: (r: AuditItem) => <DateTime value={r.at} className="wr-nowrap" />,
    },
    { header: 'Gebruiker', cell: userName },
    { header: 'Partner', cell: (r: AuditItem) => r.partnerName ?? '–' },
    { header: 'Actie', cell: (r: AuditItem) => AUDIT_ACTION_LABELS[r.action] },
    { header: 'Objecttype', cell: (r: AuditItem) => AUDIT_OBJECT_TYPE_LABELS[r.objectType] },
    {
      header: 'Object',
      cell: (r: AuditItem) => {
        if (r.objectId) {
          const label = r.objectLabel ?? 'Niet meer aanwezig';
          return (
            <>
              <TextLink to={`/audit?object=${r.objectId}`}>
                {label}
                <span className="wr-visually-hidden">: alle records over dit object</span>
              </TextLink>
              {linkCases && r.objectType === 'case' && (
                <>
                  {' '}
                  (<TextLink to={`/casussen/${r.objectId}`}>casus openen</TextLink>)
                </>
              )}
              {r.objectType === 'person' && r.objectLabel && hasPermission(me, 'persons.accessreport') && (
                <>
                  {' '}
                  (<TextLink to={`/personen/${r.objectId}/inzage`}>inzageoverzicht</TextLink>)
                </>
              )}
            </>
          );
        }
        if (r.objectIds) return `${r.objectIds.length} ${r.objectIds.length === 1 ? 'object' : 'objecten'}`;
        return '–';
      },
    },
    { header: 'Doel', cell: (r: AuditItem) => r.purpose },
    {
      // The activity of the register of processing (Logboek Dataverwerkingen), where a case or signal is concerned.
      header: 'Verwerking',
      cell: (r: AuditItem) =>
        r.processingActivityId ? (activityNames.get(r.processingActivityId) ?? 'Onbekende verwerking') : '–',
    },
  ];
}

/** The object filter, and the user filter: a list of users when they may be read, else their id. */
function auditFilterFields(users: readonly User[] | null, partnerNames: Names): FilterField[] {
  const object: FilterField = {
    kind: 'id',
    key: 'object',
    param: 'object',
    label: 'Object-id',
    description:
      'De id van een casus, notitie of persoon; bij een persoon ook de records waarin die voorkomt',
  };
  const period: FilterField[] = [
    { kind: 'date', key: 'from', param: 'van', label: 'Vanaf (datum)' },
    { kind: 'date', key: 'to', param: 'tot', label: 'Tot en met (datum)' },
  ];
  if (!users)
    return [object, { kind: 'id', key: 'user', param: 'gebruiker', label: 'Gebruikers-id' }, ...period];
  const options = userOptions([...users].sort(byName), partnerNames);
  const user: FilterField = {
    kind: 'select',
    key: 'user',
    param: 'gebruiker',
    label: 'Gebruiker',
    placeholder: 'Alle gebruikers',
    options,
  };
  return [object, user, ...period];
}

function VerifyChain() {
  const [result, setResult] = useState<AuditVerify | null>(null);
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
    <Section id="verify" title="Integriteit" className="wr-card">
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
      <ErrorAlert message={error} />
    </Section>
  );
}

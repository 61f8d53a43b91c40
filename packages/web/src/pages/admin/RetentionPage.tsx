import { hasPermission, type RetentionActivity, type RetentionRun } from '@wijkregie/shared';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { DataTable } from '../../components/Table.tsx';
import { formatDateTime, plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { apiErrorToSubmitErrors } from '../../lib/validation.ts';

const load = (signal: AbortSignal) => api.getRetentionStatus(signal);
const when = (iso: string | null) => (iso ? formatDateTime(iso) : '–');

const runMessage = (r: RetentionRun) =>
  r.anonymisedCases === 0 && r.anonymisedPersons === 0
    ? 'Uitgevoerd. Er was niets aan de beurt.'
    : `Uitgevoerd. ${plural(r.anonymisedCases, 'casus', 'casussen')} en ${plural(r.anonymisedPersons, 'persoon', 'personen')} geanonimiseerd.`;

/**
 * Beheer › Bewaartermijnen: per verwerking hoeveel gesloten casussen en signalen over hun bewaartermijn
 * zijn en wanneer de volgende vervalt; "Nu uitvoeren" draait de taak die ook elk uur loopt.
 */
export function RetentionPage() {
  usePageTitle('Bewaartermijnen');
  const user = useUser();
  const status = useApiData(load);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!hasPermission(user, 'retention.manage')) {
    return <NoAccessPage title="Bewaartermijnen" permission="retention.manage" />;
  }

  async function run() {
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      const result = await api.runRetention();
      setMessage(runMessage(result));
      status.setData(await api.getRetentionStatus());
    } catch (e) {
      setError(apiErrorToSubmitErrors(e, []).form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>Bewaartermijnen</PageHeading>
      <Paragraph>
        Een gesloten casus wordt geanonimiseerd als de bewaartermijn van zijn verwerking voorbij is; een
        signaal dat nooit een casus werd ook, gerekend vanaf het afsluiten. Een persoon volgt als niets van
        hem of haar nog binnen een bewaartermijn valt. Namen, BSN, adres en teksten verdwijnen; kenmerk,
        datums, categorieën, cijfers en het auditlog blijven. De taak loopt elk uur vanzelf.
      </Paragraph>
      <StatusMessage message={message} />
      <ErrorAlert message={error} />
      <Loaded data={status} loading="De bewaartermijnen worden geladen…">
        {(s) => (
          <>
            <DataTable<RetentionActivity>
              caption="Per verwerking: wat nu aan de beurt is en wanneer de volgende vervalt"
              rows={s.activities}
              columns={[
                { header: 'Verwerking', cell: (a) => a.name },
                { header: 'Bewaartermijn', cell: (a) => plural(a.retentionDays, 'dag', 'dagen') },
                { header: 'Gesloten casussen', cell: (a) => a.closedCases },
                { header: 'Casussen nu aan de beurt', cell: (a) => a.dueCases },
                { header: 'Volgende casus vervalt', cell: (a) => when(a.nextCaseDueAt) },
                { header: 'Signalen nu aan de beurt', cell: (a) => a.dueSignals },
                { header: 'Volgend signaal vervalt', cell: (a) => when(a.nextSignalDueAt) },
              ]}
            />
            <Paragraph>
              Personen nu aan de beurt: {s.duePersons}. Tot nu toe geanonimiseerd:{' '}
              {plural(s.anonymisedCases, 'casus', 'casussen')},{' '}
              {plural(s.anonymisedPersons, 'persoon', 'personen')} en{' '}
              {plural(s.anonymisedSignals, 'signaal', 'signalen')}.
            </Paragraph>
          </>
        )}
      </Loaded>
      <p>
        <Button appearance="primary-action" busy={busy} disabled={busy} onClick={() => void run()}>
          Nu uitvoeren
        </Button>
      </p>
    </>
  );
}

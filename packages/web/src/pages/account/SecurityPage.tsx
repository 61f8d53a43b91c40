import type { OwnSession } from '@wijkregie/shared';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Alert, ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { TotpEnrolment } from '../../components/TotpEnrolment.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDateTime, plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { apiErrorToSubmitErrors } from '../../lib/validation.ts';

const loadStatus = (signal: AbortSignal) => api.totpStatus(signal);
const loadSessions = (signal: AbortSignal) => api.listOwnSessions(signal);

/** Mijn account › Beveiliging: tweestapsverificatie and the user's own sessions. */
export function SecurityPage() {
  usePageTitle('Beveiliging');
  return (
    <>
      <p className="utrecht-pre-heading wr-section__name">Mijn account</p>
      <PageHeading>Beveiliging</PageHeading>
      <TwoFactor />
      <Sessions />
    </>
  );
}

function TwoFactor() {
  const status = useApiData(loadStatus);
  return (
    <Section id="tweestapsverificatie" title="Tweestapsverificatie" className="wr-card wr-form-card">
      <Paragraph>
        Met tweestapsverificatie vraagt Wijkregie bij het inloggen naast je wachtwoord om een code uit een
        authenticator-app op je telefoon.
      </Paragraph>
      <Loaded data={status} loading="De status wordt geladen…">
        {(s) =>
          s.enabled ? (
            <Alert type="ok">
              Tweestapsverificatie staat aan. Je hebt nog{' '}
              {plural(s.recoveryCodesLeft, 'herstelcode', 'herstelcodes')}. Nieuw toestel of telefoon kwijt?
              Vraag de functioneel beheerder om je tweestapsverificatie te resetten.
            </Alert>
          ) : (
            <TotpEnrolment onDone={status.reload} />
          )
        }
      </Loaded>
    </Section>
  );
}

function Sessions() {
  const sessions = useApiData(loadSessions);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>, done: string) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await action();
      setMessage(done);
      sessions.reload();
    } catch (e) {
      setError(apiErrorToSubmitErrors(e, []).form);
    } finally {
      setBusy(false);
    }
  }

  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;
  return (
    <Section id="sessies" title="Actieve sessies" className="wr-card">
      <Paragraph>
        Hier ben je nu ingelogd. Herken je een sessie niet, log die dan uit en wijzig je wachtwoord.
      </Paragraph>
      <StatusMessage message={message} />
      <ErrorAlert message={error} />
      <Loaded data={sessions} loading="De sessies worden geladen…">
        {(list) => (
          <DataTable<OwnSession>
            caption={`Actieve sessies (${list.items.length})`}
            rows={list.items}
            columns={[
              { header: 'Browser', cell: (s) => s.userAgent ?? 'Onbekend' },
              { header: 'Ingelogd', cell: (s) => formatDateTime(s.createdAt) },
              { header: 'Laatst actief', cell: (s) => formatDateTime(s.lastSeenAt) },
              {
                header: 'Actie',
                cell: (s) =>
                  s.current ? (
                    'Deze sessie'
                  ) : (
                    <Button
                      busy={busy}
                      onClick={() => void run(() => api.endOwnSession(s.id), 'De sessie is uitgelogd.')}
                    >
                      Uitloggen<VisuallyHidden> (ingelogd {formatDateTime(s.createdAt)})</VisuallyHidden>
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Loaded>
      {others > 0 && (
        <Button
          appearance="primary-action"
          busy={busy}
          onClick={() => void run(() => api.endOtherSessions(), 'Je bent overal anders uitgelogd.')}
        >
          Overal anders uitloggen
        </Button>
      )}
    </Section>
  );
}

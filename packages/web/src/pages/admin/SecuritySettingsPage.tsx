import { hasPermission, ROLE_LABELS, ROLES, type Role } from '@wijkregie/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { CheckboxGroup } from '../../components/Choice.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { codeOptions } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { apiErrorToSubmitErrors } from '../../lib/validation.ts';

const ROLE_OPTIONS = codeOptions(ROLES, ROLE_LABELS);
const load = (signal: AbortSignal) => api.getSecuritySettings(signal);

/** Beheer › Beveiliging: the roles whose users must log in with tweestapsverificatie. */
export function SecuritySettingsPage() {
  usePageTitle('Beveiliging');
  const user = useUser();
  const settings = useApiData(load);
  const [roles, setRoles] = useState<Role[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (settings.data) setRoles(settings.data.mfaRequiredRoles);
  }, [settings.data]);

  if (!hasPermission(user, 'security.manage')) {
    return <NoAccessPage title="Beveiliging" permission="security.manage" />;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    setError(null);
    try {
      const saved = await api.updateSecuritySettings({ mfaRequiredRoles: roles });
      settings.setData(saved);
      setStatus(
        saved.mfaRequiredRoles.length
          ? `Opgeslagen. Tweestapsverificatie is verplicht voor: ${saved.mfaRequiredRoles.map((r) => ROLE_LABELS[r]).join(', ')}.`
          : 'Opgeslagen. Tweestapsverificatie is voor geen enkele rol verplicht.',
      );
    } catch (e) {
      setError(apiErrorToSubmitErrors(e, []).form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>Beveiliging</PageHeading>
      <Paragraph>
        Kies de rollen die bij het inloggen tweestapsverificatie moeten gebruiken. Wie zo’n rol heeft en nog
        geen authenticator-app koppelde, moet dat direct na het wachtwoord doen; eerder kan die niets anders
        in Wijkregie. Het geldt vanaf de volgende keer inloggen.
      </Paragraph>
      <StatusMessage message={status} />
      <ErrorAlert message={error} />
      <Loaded data={settings} loading="De instellingen worden geladen…">
        {() => (
          <form
            id="security-settings"
            noValidate
            onSubmit={onSubmit}
            className="wr-card wr-form-card wr-form"
          >
            <CheckboxGroup
              id="mfaRequiredRoles"
              legend="Tweestapsverificatie verplicht voor"
              name="mfaRequiredRoles"
              options={ROLE_OPTIONS}
              value={roles}
              onToggle={(role, checked) =>
                setRoles((current) => ROLES.filter((r) => (r === role ? checked : current.includes(r))))
              }
            />
            <SubmitButton busy={busy}>Opslaan</SubmitButton>
          </form>
        )}
      </Loaded>
    </>
  );
}

import { EMAIL_PREFERENCE_LABELS, EMAIL_PREFERENCES, type EmailPreference } from '@wijkregie/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, StatusMessage } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choice.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Section } from '../../components/Section.tsx';
import { receivesAlerts } from '../../lib/alerts.tsx';
import { codeOptions } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { apiErrorToSubmitErrors } from '../../lib/validation.ts';

const EMAIL_OPTIONS = codeOptions(EMAIL_PREFERENCES, EMAIL_PREFERENCE_LABELS);
const loadPreferences = (signal: AbortSignal) => api.getPreferences(signal);

/** Instellingen: how the user wants to hear about changes in the cases they follow or direct. */
export function SettingsPage() {
  usePageTitle('Instellingen');
  const user = useUser();
  const alerts = receivesAlerts(user);
  return (
    <>
      <PageHeading>Instellingen</PageHeading>
      <Paragraph>
        Ingelogd als {user.name}. Tweestapsverificatie en je actieve sessies vind je onder{' '}
        <Link to="/beveiliging" className="utrecht-link utrecht-link--html-a">
          Mijn account › Beveiliging
        </Link>
        .
      </Paragraph>
      {alerts ? (
        <EmailPreferenceForm />
      ) : (
        <Alert type="info">Voor jouw rol zijn er geen instellingen voor notificaties.</Alert>
      )}
    </>
  );
}

function EmailPreferenceForm() {
  const preferences = useApiData(loadPreferences);
  const [email, setEmail] = useState<EmailPreference | ''>('');
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (preferences.data) setEmail(preferences.data.email);
  }, [preferences.data]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    setFormError(null);
    if (email === '') return;
    setBusy(true);
    try {
      const saved = await api.putPreferences({ email });
      preferences.setData(saved);
      setStatus(`Opgeslagen. Je keuze: „${EMAIL_PREFERENCE_LABELS[saved.email]}”.`);
    } catch (error) {
      setFormError(apiErrorToSubmitErrors(error, ['email']).form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section id="email" title="E-mail bij notificaties" className="wr-card wr-form-card">
      <Paragraph>
        Je krijgt notificaties over casussen die je volgt of regisseert, over overleggen die je voorzit en
        over acties die aan jou zijn toegewezen. Een e-mail noemt alleen het casusnummer en een link, nooit
        namen of inhoud.
      </Paragraph>
      <StatusMessage message={status} />
      {preferences.loading && !preferences.data && <Paragraph>De instellingen worden geladen…</Paragraph>}
      {(preferences.error || formError) && (
        <Alert type="error" role="alert">
          {formError ?? preferences.error}
        </Alert>
      )}
      {preferences.data && (
        <form
          id="preferences"
          aria-labelledby="email-heading"
          noValidate
          onSubmit={onSubmit}
          className="wr-form"
        >
          <RadioGroup
            id="preferences-email"
            legend="Wanneer wil je een e-mail?"
            name="email"
            options={EMAIL_OPTIONS}
            value={email}
            onValue={setEmail}
          />
          <SubmitButton busy={busy}>Opslaan</SubmitButton>
        </form>
      )}
    </Section>
  );
}

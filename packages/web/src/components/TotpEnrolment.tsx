import type { TotpEnrolment as Enrolment } from '@wijkregie/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { focusSoon } from '../lib/focus.ts';
import { apiErrorToSubmitErrors } from '../lib/validation.ts';
import { Alert, ErrorAlert } from './Alert.tsx';
import { Button, SubmitButton } from './Button.tsx';
import { TextField } from './fields.tsx';
import { Heading, Paragraph } from './Heading.tsx';

/** The secret of an otpauth URL in groups of four, for typing it over. */
function secretOf(otpauthUrl: string): string {
  const secret = new URL(otpauthUrl).searchParams.get('secret') ?? '';
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * Setting up tweestapsverificatie: start (a new secret as QR code and as text), confirm with the first
 * code of the app, then the recovery codes — shown this once — and `onDone`.
 */
export function TotpEnrolment({ onDone, doneLabel = 'Klaar' }: { onDone: () => void; doneLabel?: string }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Each step replaces the one before: focus moves to the code field, then to the recovery codes.
  useEffect(() => {
    if (confirmed) document.getElementById('totp-recovery-heading')?.focus();
    else if (enrolment) document.getElementById('totp-code')?.focus();
  }, [enrolment, confirmed]);

  async function start() {
    setBusy(true);
    setFormError(null);
    try {
      setEnrolment(await api.startTotpEnrolment());
    } catch (error) {
      setFormError(apiErrorToSubmitErrors(error, []).form);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    if (!/^\d{6}$/.test(code.trim())) {
      setCodeError('Vul de 6 cijfers uit je authenticator-app in');
      focusSoon('totp-code');
      return;
    }
    setBusy(true);
    try {
      await api.confirmTotp(code.trim());
      setCodeError(undefined);
      setConfirmed(true);
    } catch (error) {
      const errors = apiErrorToSubmitErrors(error, ['code']);
      setCodeError(errors.fields.code);
      setFormError(errors.fields.code ? null : errors.form);
      focusSoon('totp-code');
    } finally {
      setBusy(false);
    }
  }

  if (confirmed && enrolment) {
    return (
      <div className="wr-totp">
        <Alert type="ok" role="status">
          Tweestapsverificatie staat aan. Voortaan vraagt Wijkregie bij het inloggen om een code uit je app.
        </Alert>
        <Heading level={3} tabIndex={-1} id="totp-recovery-heading">
          Je herstelcodes
        </Heading>
        <Paragraph>
          Bewaar deze codes op een veilige plek, los van je telefoon. Ben je je telefoon kwijt, dan log je in
          met een van deze codes in plaats van de code uit de app. Elke code werkt één keer. Je ziet ze alleen
          nu.
        </Paragraph>
        <ul className="wr-totp__codes" aria-labelledby="totp-recovery-heading">
          {enrolment.recoveryCodes.map((c) => (
            <li key={c}>
              <code className="wr-code">{c}</code>
            </li>
          ))}
        </ul>
        <Button appearance="primary-action" onClick={onDone}>
          {doneLabel}
        </Button>
      </div>
    );
  }

  if (!enrolment) {
    return (
      <div className="wr-totp">
        <ErrorAlert message={formError} />
        <Button appearance="primary-action" busy={busy} onClick={() => void start()}>
          Authenticator-app koppelen
        </Button>
      </div>
    );
  }

  return (
    <div className="wr-totp">
      <ol className="wr-totp__steps">
        <li>Open je authenticator-app en kies „account toevoegen”.</li>
        <li>Scan de QR-code, of typ de sleutel over.</li>
        <li>Vul de code van 6 cijfers in die de app daarna toont.</li>
      </ol>
      <img
        className="wr-totp__qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
        alt="QR-code om te scannen met je authenticator-app"
        width={200}
        height={200}
      />
      <Paragraph>
        Sleutel om over te typen:{' '}
        <code className="wr-code wr-totp__secret">{secretOf(enrolment.otpauthUrl)}</code>
      </Paragraph>
      <ErrorAlert message={formError} />
      <form id="totp-confirm" noValidate onSubmit={confirm} className="wr-form">
        <TextField
          id="totp-code"
          label="Code uit de app"
          description="6 cijfers"
          error={codeError}
          value={code}
          onValue={setCode}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
        />
        <SubmitButton busy={busy}>Bevestigen</SubmitButton>
      </form>
    </div>
  );
}

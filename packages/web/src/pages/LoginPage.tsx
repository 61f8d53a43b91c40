import {
  type DemoAccount,
  type DemoAccounts,
  OIDC_LOGIN_ERRORS,
  type OidcLoginError,
  oidcOperations,
  PROBLEM_BASE,
  ROLE_LABELS,
} from '@wijkregie/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { type LoginState, useAuth } from '../auth/AuthContext.tsx';
import { Alert, ErrorAlert } from '../components/Alert.tsx';
import { Button, SubmitButton } from '../components/Button.tsx';
import { EmailField, PasswordField, TextField } from '../components/fields.tsx';
import { PageHeading, Paragraph } from '../components/Heading.tsx';
import { Section } from '../components/Section.tsx';
import { LoginShell } from '../components/SkipLink.tsx';
import { VisuallyHidden } from '../components/VisuallyHidden.tsx';
import { focusSoon } from '../lib/focus.ts';
import { useForm } from '../lib/useFormSubmit.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import type { FieldErrors } from '../lib/validation.ts';

const FORM_ID = 'login';
const FIELDS = ['email', 'password'] as const;

export const LOGIN_FAILED = 'E-mailadres of wachtwoord onjuist';
export const LOGIN_THROTTLED = 'Te veel mislukte pogingen. Probeer het over enkele minuten opnieuw.';
/** The server says so only after the right password: a wrong one gets LOGIN_FAILED as for anybody. */
export const LOGIN_INACTIVE =
  'Je account is niet meer actief. Neem contact op met de functioneel beheerder van je gemeente.';
const ACCOUNT_INACTIVE = `${PROBLEM_BASE}account-inactive`;
export const OTP_WRONG =
  'Deze code klopt niet of is al gebruikt. Wacht op de volgende code in je app en probeer opnieuw.';

/** The server asks for the code of the authenticator app: a 401 with an error on `otp`. */
const asksForOtp = (error: unknown) =>
  error instanceof ApiError && error.status === 401 && error.fieldErrors.some((e) => e.path === 'otp');

/** The message of a refused login through the municipality (`/login?fout=<code>`, set by the server). */
function oidcError(code: string | null): string | null {
  return code !== null && Object.hasOwn(OIDC_LOGIN_ERRORS, code)
    ? OIDC_LOGIN_ERRORS[code as OidcLoginError]
    : null;
}

function loginState(value: unknown): LoginState {
  return typeof value === 'object' && value !== null ? (value as LoginState) : {};
}

export function LoginPage() {
  usePageTitle('Inloggen');
  const { status, notice, signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = loginState(location.state);
  const [searchParams] = useSearchParams();
  const refusedByMunicipality = oidcError(searchParams.get('fout'));

  const { busy, formError, setFormError, validate, submit, values, setValues, field } = useForm(
    FORM_ID,
    FIELDS,
    { email: '', password: '' },
  );
  const [demo, setDemo] = useState<DemoAccounts | null>(null);
  // Step two of a login with tweestapsverificatie: the password was right, the code is asked for.
  const [otpStep, setOtpStep] = useState(false);
  const [otp, setOtp] = useState('');
  const [otpError, setOtpError] = useState<string | undefined>();
  const [oidcEnabled, setOidcEnabled] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);

  // The code field appears after the password was right: the cursor goes there.
  useEffect(() => {
    if (otpStep) document.getElementById('otp')?.focus();
  }, [otpStep]);

  useEffect(() => {
    const controller = new AbortController();
    api
      .demoAccounts(controller.signal)
      .then(setDemo)
      .catch(() => setDemo(null)); // No demo information: show no demo box.
    api
      .oidcStatus(controller.signal)
      .then((s) => setOidcEnabled(s.enabled))
      .catch(() => setOidcEnabled(false)); // Unknown: offer the password form only.
    return () => controller.abort();
  }, []);

  if (status === 'authenticated') {
    return <Navigate to={state.from && state.from !== '/login' ? state.from : '/'} replace />;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { email, password } = values;
    const errors: FieldErrors = {};
    if (email.trim() === '') errors.email = 'Vul je e-mailadres in';
    if (password === '') errors.password = 'Vul je wachtwoord in';
    if (!validate(errors)) return;
    if (otpStep && otp.trim() === '') {
      setOtpError('Vul de code uit je authenticator-app in');
      focusSoon('otp');
      return;
    }
    setOtpError(undefined);
    await submit(
      async () => {
        const { user, mustEnrolTotp } = await api.login(
          email.trim(),
          password,
          otpStep ? otp.trim() : undefined,
        );
        signedIn(user, mustEnrolTotp === true);
        navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true });
      },
      // A failed login names no field: the message says what went wrong, the password is emptied.
      (error) => {
        if (asksForOtp(error)) {
          if (otpStep) {
            setOtpError(OTP_WRONG);
            focusSoon('otp');
          }
          setOtpStep(true);
          setOtp('');
          return true;
        }
        setValues((current) => ({ ...current, password: '' }));
        setOtpStep(false);
        setOtp('');
        if (error instanceof ApiError && error.problem.type === ACCOUNT_INACTIVE)
          setFormError(LOGIN_INACTIVE);
        else if (error instanceof ApiError && error.status === 401) setFormError(LOGIN_FAILED);
        else if (error instanceof ApiError && error.status === 429) setFormError(LOGIN_THROTTLED);
        else if (error instanceof ApiError) setFormError(error.problem.detail);
        else setFormError('Inloggen is niet gelukt. Probeer het opnieuw.');
        return true;
      },
    );
  }

  function fillAccount(account: DemoAccount) {
    setValues({ email: account.email, password: demo?.password ?? '' });
    validate({});
    submitRef.current?.focus();
  }

  return (
    <LoginShell>
      <section className="wr-card wr-login__form" aria-labelledby="login-heading">
        <PageHeading id="login-heading">Inloggen bij Wijkregie</PageHeading>
        <Paragraph>Het regiesysteem voor de wijkaanpak van de gemeente en haar partners.</Paragraph>
        {notice && !formError && (
          <Alert type="warning" role="status">
            {notice}
          </Alert>
        )}
        <ErrorAlert message={formError ?? refusedByMunicipality} />
        <form id={FORM_ID} noValidate onSubmit={onSubmit} className="wr-form">
          <EmailField {...field('email')} label="E-mailadres" autoComplete="username" />
          <PasswordField {...field('password')} label="Wachtwoord" autoComplete="current-password" />
          {otpStep && (
            <TextField
              id="otp"
              label="Code uit je authenticator-app"
              description="De 6 cijfers die de app nu toont, of een van je herstelcodes."
              error={otpError}
              value={otp}
              onValue={setOtp}
              autoComplete="one-time-code"
              inputMode="text"
              maxLength={16}
            />
          )}
          <SubmitButton busy={busy} ref={submitRef}>
            Inloggen
          </SubmitButton>
        </form>
        {oidcEnabled && (
          <div className="wr-login__oidc">
            <Paragraph>Of log in met je account bij de gemeente:</Paragraph>
            {/* A full page load: the server sends the browser on to the municipality's login. */}
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action wr-button-link"
              href={oidcOperations.oidcLogin.path}
            >
              Inloggen via de gemeente
            </a>
          </div>
        )}
      </section>
      {demo?.demo && (
        <Section id="demo" title="Demo-omgeving" className="wr-card wr-demo">
          <Paragraph>
            Dit is een demo-omgeving met verzonnen gegevens. Gebruik een van deze accounts om rond te kijken.
            {demo.password && (
              <>
                {' '}
                Het wachtwoord van elk account is <code className="wr-code">{demo.password}</code>.
              </>
            )}
          </Paragraph>
          <ul className="wr-demo__list">
            {demo.accounts.map((account) => (
              <li key={account.email} className="wr-demo__account">
                <div className="wr-demo__account-text">
                  <span className="wr-demo__account-name">{account.name}</span>
                  <span className="wr-demo__account-email">{account.email}</span>
                  <span className="wr-demo__account-meta">
                    {account.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')} ·{' '}
                    {account.partnerName}
                  </span>
                </div>
                <Button appearance="secondary-action" onClick={() => fillAccount(account)}>
                  Invullen<VisuallyHidden> als {account.name}</VisuallyHidden>
                </Button>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </LoginShell>
  );
}

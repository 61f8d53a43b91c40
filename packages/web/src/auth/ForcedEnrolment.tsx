import { Button } from '../components/Button.tsx';
import { PageHeading, Paragraph } from '../components/Heading.tsx';
import { LoginShell } from '../components/SkipLink.tsx';
import { TotpEnrolment } from '../components/TotpEnrolment.tsx';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { useAuth } from './AuthContext.tsx';

/**
 * Right after the password, for a user whose role requires tweestapsverificatie and who has not set it
 * up: the session may do nothing else (the server answers 403), so this page replaces the app until
 * the first code is confirmed.
 */
export function ForcedEnrolment() {
  usePageTitle('Tweestapsverificatie instellen');
  const { enrolled, logout } = useAuth();
  return (
    <LoginShell>
      <section className="wr-card wr-login__form" aria-labelledby="enrol-heading">
        <PageHeading id="enrol-heading">Tweestapsverificatie instellen</PageHeading>
        <Paragraph>
          Voor jouw rol is tweestapsverificatie verplicht. Koppel eerst een authenticator-app (bijvoorbeeld
          Microsoft Authenticator, Google Authenticator of FreeOTP); daarna kun je Wijkregie gebruiken.
        </Paragraph>
        <TotpEnrolment onDone={enrolled} doneLabel="Verder naar Wijkregie" />
        <Button appearance="subtle" onClick={() => void logout()}>
          Uitloggen
        </Button>
      </section>
    </LoginShell>
  );
}

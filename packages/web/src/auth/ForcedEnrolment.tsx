import { Button } from '../components/Button.tsx';
import { PageHeading, Paragraph } from '../components/Heading.tsx';
import { MainContent, SkipLink } from '../components/SkipLink.tsx';
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
    <div className="wr-app wr-app--login">
      <SkipLink />
      <header className="wr-header">
        <div className="wr-header__content">
          <span className="wr-logo">
            <span className="wr-logo__mark" aria-hidden="true" />
            <span className="wr-logo__name">Wijkregie</span>
          </span>
        </div>
      </header>
      <MainContent className="wr-login">
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
      </MainContent>
    </div>
  );
}

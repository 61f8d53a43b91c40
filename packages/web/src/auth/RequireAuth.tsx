import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { PageHeading, Paragraph } from '../components/Heading.tsx';
import { MainContent, SkipLink } from '../components/SkipLink.tsx';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { type LoginState, useAuth } from './AuthContext.tsx';
import { ForcedEnrolment } from './ForcedEnrolment.tsx';

/** Renders the child routes only for a signed-in user; sends anyone else to /login. */
export function RequireAuth() {
  const { status, retry, mustEnrolTotp } = useAuth();
  const location = useLocation();

  if (status === 'loading') return <Loading />;
  if (status === 'error') return <Unreachable retry={retry} />;
  if (status === 'anonymous') {
    const state: LoginState = { from: location.pathname };
    return <Navigate to="/login" replace state={state} />;
  }
  if (mustEnrolTotp) return <ForcedEnrolment />;
  return <Outlet />;
}

function Loading() {
  return (
    <main id="inhoud" className="wr-main wr-main--centered" aria-busy="true">
      <Paragraph>Wijkregie wordt geladen…</Paragraph>
    </main>
  );
}

function Unreachable({ retry }: { retry: () => void }) {
  usePageTitle('Niet bereikbaar');
  return (
    <div className="wr-app">
      <SkipLink />
      <MainContent>
        <PageHeading>Wijkregie is niet bereikbaar</PageHeading>
        <Alert type="error" role="alert">
          De server antwoordt niet. Controleer je verbinding en probeer het opnieuw.
        </Alert>
        <Button appearance="primary-action" onClick={retry}>
          Opnieuw proberen
        </Button>
      </MainContent>
    </div>
  );
}

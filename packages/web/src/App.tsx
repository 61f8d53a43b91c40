import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthContext.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { AppShell } from './components/AppShell.tsx';
import { RouteFocus } from './components/RouteFocus.tsx';
import { BeheerIndex, BeheerLayout } from './pages/admin/BeheerLayout.tsx';
import { PartnersPage } from './pages/admin/PartnersPage.tsx';
import { UsersPage } from './pages/admin/UsersPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { PlaceholderPage } from './pages/PlaceholderPage.tsx';

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <RouteFocus />
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireAuth />}>
            <Route element={<AppShell />}>
              <Route index element={<OverviewPage />} />
              <Route
                path="signalen"
                element={
                  <PlaceholderPage
                    title="Signalen"
                    intro="Hier komen de signalen en meldingen binnen van bewoners, partners en vroegsignalering, om te beoordelen en op te volgen."
                  />
                }
              />
              <Route
                path="casussen"
                element={
                  <PlaceholderPage
                    title="Casussen"
                    intro="Hier staan de casussen waaraan je organisatie deelneemt, met het dossier, het plan van aanpak en de acties."
                  />
                }
              />
              <Route
                path="overleggen"
                element={
                  <PlaceholderPage
                    title="Overleggen"
                    intro="Hier bereid je multidisciplinaire overleggen voor en leg je besluiten en afspraken vast."
                  />
                }
              />
              <Route path="beheer" element={<BeheerLayout />}>
                <Route index element={<BeheerIndex />} />
                <Route path="partners" element={<PartnersPage />} />
                <Route path="gebruikers" element={<UsersPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}

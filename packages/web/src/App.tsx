import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthContext.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { AppShell } from './components/AppShell.tsx';
import { RouteFocus } from './components/RouteFocus.tsx';
import { SecurityPage } from './pages/account/SecurityPage.tsx';
import { ActionsPage } from './pages/actions/ActionsPage.tsx';
import { AreasPage } from './pages/admin/AreasPage.tsx';
import { BeheerIndex, BeheerLayout } from './pages/admin/BeheerLayout.tsx';
import { LifeDomainsPage } from './pages/admin/LifeDomainsPage.tsx';
import { MatrixPage } from './pages/admin/MatrixPage.tsx';
import { OutboxPage } from './pages/admin/OutboxPage.tsx';
import { PartnersPage } from './pages/admin/PartnersPage.tsx';
import { ProcessingRegisterPage } from './pages/admin/ProcessingRegisterPage.tsx';
import { RetentionPage } from './pages/admin/RetentionPage.tsx';
import { RoutingPage } from './pages/admin/RoutingPage.tsx';
import { SecuritySettingsPage } from './pages/admin/SecuritySettingsPage.tsx';
import { SignalCategoriesPage } from './pages/admin/SignalCategoriesPage.tsx';
import { UsersPage } from './pages/admin/UsersPage.tsx';
import { WebhooksPage } from './pages/admin/WebhooksPage.tsx';
import { NotificationsPage } from './pages/alerts/NotificationsPage.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { CasePage } from './pages/cases/CasePage.tsx';
import { CasesPage } from './pages/cases/CasesPage.tsx';
import { NewCasePage } from './pages/cases/NewCasePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MeetingPage } from './pages/meetings/MeetingPage.tsx';
import { MeetingsPage } from './pages/meetings/MeetingsPage.tsx';
import { NewMeetingPage } from './pages/meetings/NewMeetingPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ApproachPage } from './pages/neighbourhood/ApproachPage.tsx';
import { IncidentImportPage } from './pages/neighbourhood/IncidentImportPage.tsx';
import { NeighbourhoodPage } from './pages/neighbourhood/NeighbourhoodPage.tsx';
import { NewIncidentPage } from './pages/neighbourhood/NewIncidentPage.tsx';
import { SurveyResultsPage } from './pages/neighbourhood/SurveyResultsPage.tsx';
import { SurveysPage } from './pages/neighbourhood/SurveysPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { OutcomesPage } from './pages/outcomes/OutcomesPage.tsx';
import { AccessReportPage } from './pages/persons/AccessReportPage.tsx';
import { NewPersonPage } from './pages/persons/NewPersonPage.tsx';
import { NewSubjectPage } from './pages/persons/NewSubjectPage.tsx';
import { PersonPage } from './pages/persons/PersonPage.tsx';
import { PersonsPage } from './pages/persons/PersonsPage.tsx';
import { SubjectPage } from './pages/persons/SubjectPage.tsx';
import { HowToReportPage } from './pages/public/HowToReportPage.tsx';
import { PublicLayout } from './pages/public/PublicLayout.tsx';
import { ReportPage } from './pages/public/ReportPage.tsx';
import { SurveyPage } from './pages/public/SurveyPage.tsx';
import { TrackReportPage } from './pages/public/TrackReportPage.tsx';
import { HowToReportEditPage } from './pages/residents/HowToReportEditPage.tsx';
import { ResidentGroupPage } from './pages/residents/ResidentGroupPage.tsx';
import { ResidentGroupsPage } from './pages/residents/ResidentGroupsPage.tsx';
import { SearchPage } from './pages/search/SearchPage.tsx';
import { SettingsPage } from './pages/settings/SettingsPage.tsx';
import { ImportPage } from './pages/signals/ImportPage.tsx';
import { MonitorPage } from './pages/signals/MonitorPage.tsx';
import { NewSignalPage } from './pages/signals/NewSignalPage.tsx';
import { OutreachPage } from './pages/signals/OutreachPage.tsx';
import { SignalPage } from './pages/signals/SignalPage.tsx';
import { SignalsPage } from './pages/signals/SignalsPage.tsx';
import { SocialMapPage } from './pages/social-map/SocialMapPage.tsx';

export function App() {
  return (
    <BrowserRouter>
      <RouteFocus />
      <Routes>
        {/* Residents: no login, no session check, no application menu. */}
        <Route path="melden" element={<PublicLayout />}>
          <Route index element={<ReportPage />} />
          <Route path=":code" element={<TrackReportPage />} />
        </Route>
        <Route path="enquete/:code" element={<PublicLayout />}>
          <Route index element={<SurveyPage />} />
        </Route>
        <Route path="hoe-melden" element={<PublicLayout />}>
          <Route index element={<HowToReportPage />} />
        </Route>
        <Route path="*" element={<StaffApp />} />
      </Routes>
    </BrowserRouter>
  );
}

/** Everything behind the login. */
function StaffApp() {
  return (
    <AuthProvider>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route element={<AppShell />}>
            <Route index element={<OverviewPage />} />
            <Route path="signalen" element={<SignalsPage />} />
            <Route path="signalen/nieuw" element={<NewSignalPage />} />
            <Route path="signalen/import" element={<ImportPage />} />
            <Route path="signalen/monitor" element={<MonitorPage />} />
            <Route path="signalen/:id" element={<SignalPage />} />
            <Route path="outreach" element={<OutreachPage />} />
            <Route path="personen" element={<PersonsPage />} />
            <Route path="personen/nieuw" element={<NewPersonPage />} />
            <Route path="personen/:id" element={<PersonPage />} />
            <Route path="personen/:id/inzage" element={<AccessReportPage />} />
            <Route path="huishoudens/nieuw" element={<NewSubjectPage kind="household" />} />
            <Route path="groepen/nieuw" element={<NewSubjectPage kind="group" />} />
            <Route path="locaties/nieuw" element={<NewSubjectPage kind="location" />} />
            <Route path="huishoudens/:id" element={<SubjectPage kind="household" />} />
            <Route path="groepen/:id" element={<SubjectPage kind="group" />} />
            <Route path="locaties/:id" element={<SubjectPage kind="location" />} />
            <Route path="casussen" element={<CasesPage />} />
            <Route path="casussen/nieuw" element={<NewCasePage />} />
            <Route path="casussen/:id" element={<CasePage />} />
            <Route path="overleggen" element={<MeetingsPage />} />
            <Route path="overleggen/nieuw" element={<NewMeetingPage />} />
            <Route path="overleggen/:id" element={<MeetingPage />} />
            <Route path="acties" element={<ActionsPage />} />
            <Route path="notificaties" element={<NotificationsPage />} />
            <Route path="instellingen" element={<SettingsPage />} />
            <Route path="beveiliging" element={<SecurityPage />} />
            <Route path="zoeken" element={<SearchPage />} />
            <Route path="beheer" element={<BeheerLayout />}>
              <Route index element={<BeheerIndex />} />
              <Route path="partners" element={<PartnersPage />} />
              <Route path="gebruikers" element={<UsersPage />} />
              <Route path="matrix" element={<MatrixPage />} />
              <Route path="routering" element={<RoutingPage />} />
              <Route path="signaalcategorieen" element={<SignalCategoriesPage />} />
              <Route path="leefgebieden" element={<LifeDomainsPage />} />
              <Route path="gebieden" element={<AreasPage />} />
              <Route path="e-mail" element={<OutboxPage />} />
              <Route path="webhooks" element={<WebhooksPage />} />
              <Route path="beveiliging" element={<SecuritySettingsPage />} />
              <Route path="verwerkingsregister" element={<ProcessingRegisterPage />} />
              <Route path="bewaartermijnen" element={<RetentionPage />} />
            </Route>
            <Route path="resultaten" element={<OutcomesPage />} />
            <Route path="sociale-kaart" element={<SocialMapPage />} />
            <Route path="wijkbeeld" element={<NeighbourhoodPage />} />
            <Route path="wijkbeeld/aanpak/:id" element={<ApproachPage />} />
            <Route path="wijkbeeld/incidenten/nieuw" element={<NewIncidentPage />} />
            <Route path="wijkbeeld/incidenten/import" element={<IncidentImportPage />} />
            <Route path="wijkbeeld/enquetes" element={<SurveysPage />} />
            <Route path="wijkbeeld/enquetes/:id" element={<SurveyResultsPage />} />
            <Route path="wijkbeeld/bewonersgroepen" element={<ResidentGroupsPage />} />
            <Route path="wijkbeeld/bewonersgroepen/:id" element={<ResidentGroupPage />} />
            <Route path="wijkbeeld/hoe-melden" element={<HowToReportEditPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </AuthProvider>
  );
}

import {
  type Access,
  type ActionListQuery,
  type AlertListQuery,
  type AreaList,
  type AuditListQuery,
  actionOperations,
  alertOperations,
  areaOperations,
  auditOperations,
  type Case,
  type CaseDetail,
  type CaseFromSignal,
  type CaseList,
  type CaseListQuery,
  type CategoryList,
  type CreateAction,
  type CreateCase,
  type CreateEntry,
  type CreateGroup,
  type CreateHousehold,
  type CreateLocation,
  type CreateMeeting,
  type CreateMinutes,
  type CreatePartner,
  type CreatePerson,
  type CreateRelation,
  type CreateSignal,
  type CreateSignalCategoryInput,
  type CreateSignalRoute,
  type CreateUser,
  caseOperations,
  type ImportAnswer,
  type ImportProgress,
  type Matrix,
  type MatrixCell,
  type Monitor,
  type MonitorQuery,
  type MyAccess,
  meetingOperations,
  type OtherSubjectKind,
  type OutboxStatus,
  organisationOperations,
  type Person,
  type PersonDetail,
  type PersonList,
  type PlanVisit,
  type Preferences,
  type PublicCategoryList,
  type PublicReport,
  type PublicReportReceipt,
  type PublicReportStatus,
  type RecordVisitOutcome,
  type Relation,
  type Signal,
  type SignalCategoryList,
  type SignalCategoryView,
  type SignalDetail,
  type SignalFilterQuery,
  type SignalList,
  type SignalRoute,
  type SignalRouteList,
  type StartCaseFromSignalInput,
  type Subject,
  type SubjectDetail,
  type SubjectKind,
  type SubjectList,
  sessionOperations,
  type UpdateAction,
  type UpdateCase,
  type UpdateSignal,
  type UpdateSignalCategory,
  type Visit,
  type Worklist,
} from '@wijkregie/shared';
import { call } from './call.ts';
import { apiRequest } from './client.ts';

/**
 * Every answer of the API is typed with the shared package's schemas (`z.infer`), the same ones the
 * server answers with; this file declares only what the web itself sends.
 */

/** `?limit=&offset=` of a paged list. */
export interface Page {
  limit: number;
  offset: number;
}

/**
 * A list query of the shared package as the pages fill it: without the page, every field optional,
 * and the `true`/`false` flags of the query string as booleans (`query` writes `true` and leaves
 * `false` out).
 */
type FilterOf<Q> = {
  [K in Exclude<keyof Q, 'limit' | 'offset'>]?:
    | (Q[K] extends 'true' | 'false' | undefined ? boolean : Q[K])
    | undefined;
};

/** Which cases GET /cases lists. */
export type CaseFilter = FilterOf<CaseListQuery>;
/** Which actions GET /actions lists (one of the tabs of the Acties page, or a case or meeting). */
export type ActionFilter = FilterOf<ActionListQuery>;
/** Which signals GET /signals lists; the same filter goes to the CSV export. */
export type SignalFilter = FilterOf<SignalFilterQuery>;
/** Which alerts GET /alerts lists (all, or only the unread ones). */
export type AlertFilter = FilterOf<AlertListQuery>;
/** Whose or about what GET /audit lists records. */
export type AuditFilter = FilterOf<AuditListQuery>;
/** The period of the monitor (default the last twelve months). */
export type MonitorPeriod = Omit<FilterOf<MonitorQuery>, 'format'>;

/** The base path of the resident pages' API (no login). */
const PUBLIC = { base: '/api/public/v1' } as const;

/** The URL path segment of each subject kind's collection. */
export const SUBJECT_COLLECTIONS: Record<SubjectKind, string> = {
  person: 'persons',
  household: 'households',
  group: 'groups',
  location: 'locations',
};

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  // The session: a 401 here is the login page's business (wrong password, no session yet).
  login: (email: string, password: string) =>
    call(sessionOperations.login, { body: { email, password } }, { allowUnauthorized: true }),
  getSession: (signal?: AbortSignal) =>
    call(sessionOperations.currentSession, {}, { allowUnauthorized: true, signal }),
  logout: () => call(sessionOperations.logout, {}, { allowUnauthorized: true }),
  demoAccounts: (signal?: AbortSignal) =>
    call(sessionOperations.demoAccounts, {}, { allowUnauthorized: true, signal }),
  listPartners: (signal?: AbortSignal) => call(organisationOperations.listPartners, {}, { signal }),
  createPartner: (input: CreatePartner) => call(organisationOperations.createPartner, { body: input }),
  listUsers: (signal?: AbortSignal) => call(organisationOperations.listUsers, {}, { signal }),
  createUser: (input: CreateUser) => call(organisationOperations.createUser, { body: input }),

  // Areas, categories and the authorisation matrix.
  listAreas: (signal?: AbortSignal) => call(areaOperations.listAreas, {}, { signal }),
  listCategories: (signal?: AbortSignal) => apiRequest<CategoryList>('/categories', { signal }),
  getMatrix: (signal?: AbortSignal) => apiRequest<Matrix>('/access-matrix', { signal }),
  putMatrix: (cells: MatrixCell[]) =>
    apiRequest<Matrix>('/access-matrix', { method: 'PUT', body: { cells } }),
  myAccess: (signal?: AbortSignal) => apiRequest<MyAccess>('/access-matrix/mine', { signal }),

  // Subjects.
  searchPersons: (q: string, page: Page, signal?: AbortSignal) =>
    apiRequest<PersonList>(`/persons${query({ q, ...page })}`, { signal }),
  getPerson: (id: string, signal?: AbortSignal) =>
    apiRequest<PersonDetail>(`/persons/${encodeURIComponent(id)}`, { signal }),
  createPerson: (input: CreatePerson) => apiRequest<Person>('/persons', { method: 'POST', body: input }),
  listSubjects: (kind: OtherSubjectKind, page: Page, signal?: AbortSignal, q?: string) =>
    apiRequest<SubjectList>(`/${SUBJECT_COLLECTIONS[kind]}${query({ q, ...page })}`, { signal }),
  getSubject: (kind: OtherSubjectKind, id: string, signal?: AbortSignal) =>
    apiRequest<SubjectDetail>(`/${SUBJECT_COLLECTIONS[kind]}/${encodeURIComponent(id)}`, { signal }),
  createHousehold: (input: CreateHousehold) =>
    apiRequest<Subject>('/households', { method: 'POST', body: input }),
  createGroup: (input: CreateGroup) => apiRequest<Subject>('/groups', { method: 'POST', body: input }),
  createLocation: (input: CreateLocation) =>
    apiRequest<Subject>('/locations', { method: 'POST', body: input }),
  createRelation: (input: CreateRelation) =>
    apiRequest<Relation>('/relations', { method: 'POST', body: input }),

  // Cases and their journal.
  listCases: (filter: CaseFilter, page: Page, signal?: AbortSignal) =>
    call(caseOperations.listCases, { query: { ...filter, ...page } }, { signal }),
  getCase: (id: string, signal?: AbortSignal) => call(caseOperations.getCase, { params: { id } }, { signal }),
  createCase: (input: CreateCase) => call(caseOperations.createCase, { body: input }),
  updateCase: (id: string, input: UpdateCase) =>
    call(caseOperations.updateCase, { params: { id }, body: input }),
  listEntries: (caseId: string, category: string | undefined, page: Page, signal?: AbortSignal) =>
    call(caseOperations.listEntries, { params: { id: caseId }, query: { category, ...page } }, { signal }),
  addEntry: (caseId: string, input: CreateEntry) =>
    call(caseOperations.addEntry, { params: { id: caseId }, body: input }),

  // Actions.
  listActions: (filter: ActionFilter, page: Page, signal?: AbortSignal) =>
    call(actionOperations.findActions, { query: { ...filter, ...page } }, { signal }),
  getAction: (id: string, signal?: AbortSignal) =>
    call(actionOperations.getAction, { params: { id } }, { signal }),
  createAction: (caseId: string, input: CreateAction) =>
    call(actionOperations.createAction, { params: { id: caseId }, body: input }),
  updateAction: (id: string, input: UpdateAction) =>
    call(actionOperations.updateAction, { params: { id }, body: input }),

  // Meetings.
  listMeetings: (when: 'upcoming' | 'past', page: Page, signal?: AbortSignal) =>
    call(meetingOperations.findMeetings, { query: { [when]: true, ...page } }, { signal }),
  getMeeting: (id: string, signal?: AbortSignal) =>
    call(meetingOperations.getMeeting, { params: { id } }, { signal }),
  createMeeting: (input: CreateMeeting) => call(meetingOperations.createMeeting, { body: input }),
  listMinutes: (meetingId: string, signal?: AbortSignal) =>
    call(meetingOperations.listMinutes, { params: { id: meetingId } }, { signal }),
  addMinutes: (meetingId: string, input: CreateMinutes) =>
    call(meetingOperations.addMinutes, { params: { id: meetingId }, body: input }),
  listColleagues: (signal?: AbortSignal) => call(organisationOperations.listColleagues, {}, { signal }),

  // Alerts, preferences, following a case.
  listAlerts: (filter: AlertFilter, page: Page, signal?: AbortSignal) =>
    call(alertOperations.listAlerts, { query: { ...filter, ...page } }, { signal }),
  /** For the bell, in the background: a 401 here does not end the session (the next real request does). */
  unreadAlerts: (signal?: AbortSignal) =>
    call(
      alertOperations.listAlerts,
      { query: { unread: true, limit: 1, offset: 0 } },
      { signal, allowUnauthorized: true },
    ),
  markAlertRead: (id: string) => call(alertOperations.markAlertRead, { params: { id } }),
  markAllAlertsRead: () => call(alertOperations.markAllAlertsRead, {}),
  getPreferences: (signal?: AbortSignal) => call(alertOperations.getPreferences, {}, { signal }),
  putPreferences: (input: Preferences) => call(alertOperations.updatePreferences, { body: input }),
  followCase: (caseId: string) => call(alertOperations.followCase, { params: { id: caseId } }),
  unfollowCase: (caseId: string) => call(alertOperations.unfollowCase, { params: { id: caseId } }),
  getSituation: (caseId: string, signal?: AbortSignal) =>
    call(alertOperations.getSituation, { params: { id: caseId } }, { signal }),

  // The email outbox (admin).
  listOutbox: (status: OutboxStatus | undefined, page: Page, signal?: AbortSignal) =>
    call(organisationOperations.listOutbox, { query: { status, ...page } }, { signal }),

  // Audit.
  listAudit: (filter: AuditFilter, page: Page, signal?: AbortSignal) =>
    call(auditOperations.listAudit, { query: { ...filter, ...page } }, { signal }),
  verifyAudit: () => call(auditOperations.verifyAudit, {}),

  // Signals, early warning and outreach.
  listSignalCategories: (signal?: AbortSignal) =>
    apiRequest<SignalCategoryList>('/signal-categories', { signal }),
  createSignalCategory: (input: CreateSignalCategoryInput) =>
    apiRequest<SignalCategoryView>('/signal-categories', { method: 'POST', body: input }),
  updateSignalCategory: (key: string, input: UpdateSignalCategory) =>
    apiRequest<SignalCategoryView>(`/signal-categories/${encodeURIComponent(key)}`, {
      method: 'PATCH',
      body: input,
    }),
  listSignals: (filter: SignalFilter, page: Page, signal?: AbortSignal) =>
    apiRequest<SignalList>(`/signals${signalQuery(filter, page)}`, { signal }),
  getSignal: (id: string, signal?: AbortSignal) =>
    apiRequest<SignalDetail>(`/signals/${encodeURIComponent(id)}`, { signal }),
  createSignal: (input: CreateSignal) => apiRequest<Signal>('/signals', { method: 'POST', body: input }),
  updateSignal: (id: string, input: UpdateSignal) =>
    apiRequest<Signal>(`/signals/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
  startCaseFromSignal: (id: string, input: StartCaseFromSignalInput) =>
    apiRequest<CaseFromSignal>(`/signals/${encodeURIComponent(id)}/case`, {
      method: 'POST',
      body: input,
    }),
  signalDuplicates: (id: string, signal?: AbortSignal) =>
    apiRequest<SignalList>(`/signals/${encodeURIComponent(id)}/duplicates`, { signal }),
  mergeSignal: (id: string, intoId: string) =>
    apiRequest<Signal>(`/signals/${encodeURIComponent(id)}/merge`, { method: 'POST', body: { intoId } }),
  planVisit: (signalId: string, input: PlanVisit) =>
    apiRequest<Visit>(`/signals/${encodeURIComponent(signalId)}/visits`, { method: 'POST', body: input }),
  recordVisitOutcome: (visitId: string, input: RecordVisitOutcome) =>
    apiRequest<Visit>(`/visits/${encodeURIComponent(visitId)}/outcome`, { method: 'POST', body: input }),
  worklist: (date: string, signal?: AbortSignal) =>
    apiRequest<Worklist>(`/outreach/worklist${query({ date })}`, { signal }),
  monitor: (period: MonitorPeriod, signal?: AbortSignal) =>
    apiRequest<Monitor>(`/signals/monitor${query(period)}`, { signal }),
  importSignals: (csv: string) => apiRequest<ImportAnswer>('/signals/import', { method: 'POST', csv }),
  currentImport: (signal?: AbortSignal) => apiRequest<ImportProgress>('/signals/imports/current', { signal }),
  importProgress: (importId: string, signal?: AbortSignal) =>
    apiRequest<ImportProgress>(`/signals/imports/${encodeURIComponent(importId)}`, { signal }),
  listSignalRoutes: (signal?: AbortSignal) => apiRequest<SignalRouteList>('/signal-routes', { signal }),
  createSignalRoute: (input: CreateSignalRoute) =>
    apiRequest<SignalRoute>('/signal-routes', { method: 'POST', body: input }),
  deleteSignalRoute: (id: string) =>
    apiRequest<void>(`/signal-routes/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  // Resident reports (public, no login).
  publicCategories: (signal?: AbortSignal) =>
    apiRequest<PublicCategoryList>('/categories', { ...PUBLIC, signal }),
  publicAreas: (signal?: AbortSignal) => apiRequest<AreaList>('/areas', { ...PUBLIC, signal }),
  createPublicReport: (input: PublicReport) =>
    apiRequest<PublicReportReceipt>('/reports', { ...PUBLIC, method: 'POST', body: input }),
  trackPublicReport: (code: string, signal?: AbortSignal) =>
    apiRequest<PublicReportStatus>(`/reports/${encodeURIComponent(code)}`, { ...PUBLIC, signal }),
};

/** The query string of a signal filter (booleans as `true`), used for the list and the CSV export. */
export function signalQuery(filter: SignalFilter, page?: Page): string {
  return query({
    ...filter,
    routedToMe: filter.routedToMe ? 'true' : undefined,
    overdue: filter.overdue ? 'true' : undefined,
    open: filter.open ? 'true' : undefined,
    ...page,
  });
}

/** The address of the CSV export of exactly this filter (a plain link: the browser downloads it). */
export function signalExportUrl(filter: SignalFilter): string {
  return `/api/v1/signals/export${signalQuery(filter)}`;
}

/** The address of the monitor as CSV. */
export function monitorCsvUrl(period: MonitorPeriod): string {
  return `/api/v1/signals/monitor${query({ ...period, format: 'csv' })}`;
}

/** A partner's row of the matrix as the `can` rules of the shared package take it. */
export function toPartnerAccess(cells: readonly MatrixCell[]): Record<string, Access> {
  return Object.fromEntries(cells.map((cell) => [cell.category, cell.access]));
}

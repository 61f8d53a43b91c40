import type {
  Access,
  Action,
  ActionDetail,
  ActionStatus,
  Alert,
  Case,
  CaseDetail,
  CaseStatus,
  CaseType,
  Category,
  CreateAction,
  CreateCase,
  CreateEntry,
  CreateGroup,
  CreateHousehold,
  CreateLocation,
  CreateMeeting,
  CreateMinutes,
  CreatePartner,
  CreatePerson,
  CreateRelation,
  CreateSignal,
  CreateUser,
  CreditorType,
  Entry,
  ImportResult,
  MatrixCell,
  Meeting,
  Partner,
  Person,
  Preferences,
  PublicReport,
  RelationType,
  Role,
  Signal,
  SignalSource,
  SignalStatus,
  Situation,
  SubjectKind,
  SubjectRef,
  UpdateAction,
  UpdateCase,
  UpdateSignal,
  User,
  VisitOutcome,
} from '@wijkregie/shared';
import { apiRequest } from './client.ts';

export interface Collection<T> {
  items: T[];
  total: number;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface DemoAccount {
  email: string;
  name: string;
  roles: Role[];
  partnerName: string;
}

export interface DemoAccounts {
  demo: boolean;
  password: string | null;
  accounts: DemoAccount[];
}

export interface Area {
  id: string;
  kind: 'wijk' | 'buurt';
  code: string;
  name: string;
  parentId: string | null;
}

export interface Relation {
  id: string;
  from: SubjectRef;
  type: RelationType;
  to: SubjectRef;
}

/** A case as listed on a subject's page. */
export interface CaseSummary {
  id: string;
  reference: string;
  type: CaseType;
  title: string;
  status: CaseStatus;
}

export interface PersonDetail extends Person {
  relations: Relation[];
  cases: CaseSummary[];
}

/** The kinds of subjects that are not persons. */
export type OtherSubjectKind = Exclude<SubjectKind, 'person'>;

/** A household, group or location; `details` depends on the kind. */
export interface Subject {
  kind: OtherSubjectKind;
  id: string;
  name: string;
  createdAt: string;
  details: Record<string, unknown>;
}

export interface SubjectDetail extends Subject {
  relations: Relation[];
  cases: CaseSummary[];
}

export interface MyAccess {
  partnerId: string;
  cells: MatrixCell[];
}

export interface CaseFilter {
  type?: CaseType | undefined;
  status?: CaseStatus | undefined;
  areaId?: string | undefined;
  mine?: boolean | undefined;
  q?: string | undefined;
}

export interface AuditRecord {
  id: string;
  at: string;
  userId: string | null;
  partnerId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  objectIds: string[] | null;
  personIds: string[];
  purpose: string;
}

export interface AuditVerification {
  valid: boolean;
  count: number;
  firstBroken?: { id: string; seq: number; reason: string };
}

/** Which actions GET /actions lists (one of the tabs of the Acties page, or a case or meeting). */
export interface ActionFilter {
  mine?: boolean | undefined;
  partner?: boolean | undefined;
  overdue?: boolean | undefined;
  dueThisWeek?: boolean | undefined;
  status?: ActionStatus | undefined;
  caseId?: string | undefined;
  meetingId?: string | undefined;
}

/** Minutes and decisions are entries of a case; the shared Entry type gains these fields. */
export type MinutesEntry = Entry & {
  kind?: 'note' | 'minutes' | 'decision';
  meetingId?: string | null;
};

export interface AlertList extends Collection<Alert> {
  unread: number;
}

/** A staff user with case access, to choose as chair of a meeting or assignee of an action. */
export interface Colleague {
  id: string;
  name: string;
  partnerId: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxMessage {
  id: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  status: OutboxStatus | string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

/** A GeoJSON polygon (or multipolygon) of an area: rings of [lng, lat] positions. */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

/** An area with its outline, as GET /areas answers (the plain `Area` type leaves the geometry out). */
export interface AreaWithGeometry extends Area {
  geometry: AreaGeometry | null;
}

export interface SignalCategory {
  key: string;
  label: string;
  publicReport: boolean;
  deadlineDays: number;
  deadlineWorking: boolean;
}

/** Which signals GET /signals lists; the same filter goes to the CSV export. */
export interface SignalFilter {
  status?: SignalStatus | undefined;
  category?: string | undefined;
  source?: SignalSource | undefined;
  creditorType?: CreditorType | undefined;
  areaId?: string | undefined;
  routedToMe?: boolean | undefined;
  overdue?: boolean | undefined;
  open?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

export interface Visit {
  id: string;
  signalId: string;
  plannedDate: string;
  visitorUserId: string | null;
  visitorName: string | null;
  partnerId: string;
  outcome: VisitOutcome | null;
  referredPartnerId: string | null;
  nextStep: string | null;
  nextDate: string | null;
  notes: string | null;
  recordedAt: string | null;
  createdAt: string;
}

export interface SignalHistoryItem {
  at: string;
  userName: string | null;
  change: Record<string, unknown>;
  publicText: string | null;
}

export interface SignalMatch {
  kind: string;
  targetId: string;
  method: string;
}

export interface SignalDetail extends Signal {
  history: SignalHistoryItem[];
  visits: Visit[];
  /** "Only that, never what": other partners who are involved, and who coordinates. */
  involvement: { partners: string[]; coordinator: string } | null;
  /** Persons and cases this signal matched; only for the regisseur. */
  matches: SignalMatch[] | null;
  canTriage: boolean;
}

export interface StartCaseFromSignal {
  title: string;
  type: CaseType;
  partnerIds: string[];
  directorUserId?: string | null;
}

export interface VisitOutcomeInput {
  outcome: VisitOutcome;
  referredPartnerId?: string | null;
  nextStep?: string | null;
  nextDate?: string | null;
  notes?: string | null;
}

export interface WorklistItem {
  order: number;
  visitId: string;
  /** Null when the visitor may not open the signal. */
  signalId: string | null;
  reason: string;
  address: string;
  postalCode: string | null;
  city: string | null;
  lat: number | null;
  lng: number | null;
  metresFromPrevious: number | null;
  earlierAttempts: number;
}

export interface Worklist {
  date: string;
  items: WorklistItem[];
  total: number;
}

export interface MonitorRow {
  creditorType: CreditorType;
  month: string;
  signals: number;
  households: number;
  contacted: number;
  helpAccepted: number;
  referred: number;
}

export interface ImportAnswer extends ImportResult {
  importId?: string;
}

export interface ImportProgress {
  id: string;
  status: 'running' | 'done' | 'failed' | 'interrupted';
  lines: number;
  imported: number;
  duplicates: number;
  rejected: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface SignalRoute {
  id: string;
  category: string;
  areaId: string | null;
  partnerId: string;
}

export interface PublicReportStatus {
  status: SignalStatus;
  statusText: string;
  createdAt: string;
  updates: { at: string; text: string }[];
}

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
  login: (email: string, password: string) =>
    apiRequest<{ user: User }>('/session', {
      method: 'POST',
      body: { email, password },
      allowUnauthorized: true,
    }),
  getSession: (signal?: AbortSignal) =>
    apiRequest<{ user: User }>('/session', { allowUnauthorized: true, signal }),
  logout: () => apiRequest<void>('/session', { method: 'DELETE', allowUnauthorized: true }),
  demoAccounts: (signal?: AbortSignal) =>
    apiRequest<DemoAccounts>('/demo-accounts', { allowUnauthorized: true, signal }),
  listPartners: (signal?: AbortSignal) => apiRequest<Collection<Partner>>('/partners', { signal }),
  createPartner: (input: CreatePartner) => apiRequest<Partner>('/partners', { method: 'POST', body: input }),
  listUsers: (signal?: AbortSignal) => apiRequest<Collection<User>>('/users', { signal }),
  createUser: (input: CreateUser) => apiRequest<User>('/users', { method: 'POST', body: input }),

  // Areas, categories and the authorisation matrix.
  listAreas: (signal?: AbortSignal) => apiRequest<Collection<Area>>('/areas', { signal }),
  listCategories: (signal?: AbortSignal) => apiRequest<{ items: Category[] }>('/categories', { signal }),
  getMatrix: (signal?: AbortSignal) => apiRequest<{ cells: MatrixCell[] }>('/access-matrix', { signal }),
  putMatrix: (cells: MatrixCell[]) =>
    apiRequest<{ cells: MatrixCell[] }>('/access-matrix', { method: 'PUT', body: { cells } }),
  myAccess: (signal?: AbortSignal) => apiRequest<MyAccess>('/access-matrix/mine', { signal }),

  // Subjects.
  searchPersons: (q: string, page: Page, signal?: AbortSignal) =>
    apiRequest<Collection<Person>>(`/persons${query({ q, ...page })}`, { signal }),
  getPerson: (id: string, signal?: AbortSignal) =>
    apiRequest<PersonDetail>(`/persons/${encodeURIComponent(id)}`, { signal }),
  createPerson: (input: CreatePerson) => apiRequest<Person>('/persons', { method: 'POST', body: input }),
  listSubjects: (kind: OtherSubjectKind, page: Page, signal?: AbortSignal, q?: string) =>
    apiRequest<Collection<Subject>>(`/${SUBJECT_COLLECTIONS[kind]}${query({ q, ...page })}`, { signal }),
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
    apiRequest<Collection<Case>>(
      `/cases${query({ ...filter, mine: filter.mine ? 'true' : undefined, ...page })}`,
      { signal },
    ),
  getCase: (id: string, signal?: AbortSignal) =>
    apiRequest<CaseDetail>(`/cases/${encodeURIComponent(id)}`, { signal }),
  createCase: (input: CreateCase) => apiRequest<Case>('/cases', { method: 'POST', body: input }),
  updateCase: (id: string, input: UpdateCase) =>
    apiRequest<Case>(`/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
  listEntries: (caseId: string, category: string | undefined, page: Page, signal?: AbortSignal) =>
    apiRequest<Collection<Entry>>(
      `/cases/${encodeURIComponent(caseId)}/entries${query({ category, ...page })}`,
      { signal },
    ),
  addEntry: (caseId: string, input: CreateEntry) =>
    apiRequest<Entry>(`/cases/${encodeURIComponent(caseId)}/entries`, { method: 'POST', body: input }),

  // Actions.
  listActions: (filter: ActionFilter, page: Page, signal?: AbortSignal) =>
    apiRequest<Collection<Action>>(`/actions${query({ ...filter, ...page })}`, { signal }),
  getAction: (id: string, signal?: AbortSignal) =>
    apiRequest<ActionDetail>(`/actions/${encodeURIComponent(id)}`, { signal }),
  createAction: (caseId: string, input: CreateAction) =>
    apiRequest<Action>(`/cases/${encodeURIComponent(caseId)}/actions`, { method: 'POST', body: input }),
  updateAction: (id: string, input: UpdateAction) =>
    apiRequest<Action>(`/actions/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),

  // Meetings.
  listMeetings: (when: 'upcoming' | 'past', page: Page, signal?: AbortSignal) =>
    apiRequest<Collection<Meeting>>(`/meetings${query({ [when]: true, ...page })}`, { signal }),
  getMeeting: (id: string, signal?: AbortSignal) =>
    apiRequest<Meeting>(`/meetings/${encodeURIComponent(id)}`, { signal }),
  createMeeting: (input: CreateMeeting) => apiRequest<Meeting>('/meetings', { method: 'POST', body: input }),
  listMinutes: (meetingId: string, signal?: AbortSignal) =>
    apiRequest<Collection<MinutesEntry>>(`/meetings/${encodeURIComponent(meetingId)}/minutes`, { signal }),
  addMinutes: (meetingId: string, input: CreateMinutes) =>
    apiRequest<MinutesEntry>(`/meetings/${encodeURIComponent(meetingId)}/minutes`, {
      method: 'POST',
      body: input,
    }),
  listColleagues: (signal?: AbortSignal) => apiRequest<Collection<Colleague>>('/colleagues', { signal }),

  // Alerts, preferences, following a case.
  listAlerts: (filter: { unread?: boolean }, page: Page, signal?: AbortSignal) =>
    apiRequest<AlertList>(`/alerts${query({ ...filter, ...page })}`, { signal }),
  /** For the bell, in the background: a 401 here does not end the session (the next real request does). */
  unreadAlerts: (signal?: AbortSignal) =>
    apiRequest<AlertList>(`/alerts${query({ unread: true, limit: 1, offset: 0 })}`, {
      signal,
      allowUnauthorized: true,
    }),
  markAlertRead: (id: string) =>
    apiRequest<void>(`/alerts/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} }),
  markAllAlertsRead: () => apiRequest<void>('/alerts/read-all', { method: 'POST', body: {} }),
  getPreferences: (signal?: AbortSignal) => apiRequest<Preferences>('/me/preferences', { signal }),
  putPreferences: (input: Preferences) =>
    apiRequest<Preferences>('/me/preferences', { method: 'PUT', body: input }),
  followCase: (caseId: string) =>
    apiRequest<void>(`/cases/${encodeURIComponent(caseId)}/follow`, { method: 'POST', body: {} }),
  unfollowCase: (caseId: string) =>
    apiRequest<void>(`/cases/${encodeURIComponent(caseId)}/follow`, { method: 'DELETE' }),
  getSituation: (caseId: string, signal?: AbortSignal) =>
    apiRequest<Situation>(`/cases/${encodeURIComponent(caseId)}/situation`, { signal }),

  // The email outbox (admin).
  listOutbox: (status: string | undefined, page: Page, signal?: AbortSignal) =>
    apiRequest<Collection<OutboxMessage>>(`/outbox${query({ status, ...page })}`, { signal }),

  // Audit.
  listAudit: (filter: { objectId?: string; userId?: string }, page: Page, signal?: AbortSignal) =>
    apiRequest<Collection<AuditRecord>>(`/audit${query({ ...filter, ...page })}`, { signal }),
  verifyAudit: () => apiRequest<AuditVerification>('/audit/verify'),

  // Signals, early warning and outreach.
  listAreasWithGeometry: (signal?: AbortSignal) =>
    apiRequest<Collection<AreaWithGeometry>>('/areas', { signal }),
  listSignalCategories: (signal?: AbortSignal) =>
    apiRequest<Collection<SignalCategory>>('/signal-categories', { signal }),
  createSignalCategory: (input: SignalCategory) =>
    apiRequest<SignalCategory>('/signal-categories', { method: 'POST', body: input }),
  updateSignalCategory: (key: string, input: Partial<Omit<SignalCategory, 'key'>>) =>
    apiRequest<SignalCategory>(`/signal-categories/${encodeURIComponent(key)}`, {
      method: 'PATCH',
      body: input,
    }),
  listSignals: (filter: SignalFilter, page: Page, signal?: AbortSignal) =>
    apiRequest<Collection<Signal>>(`/signals${signalQuery(filter, page)}`, { signal }),
  getSignal: (id: string, signal?: AbortSignal) =>
    apiRequest<SignalDetail>(`/signals/${encodeURIComponent(id)}`, { signal }),
  createSignal: (input: CreateSignal) => apiRequest<Signal>('/signals', { method: 'POST', body: input }),
  updateSignal: (id: string, input: UpdateSignal) =>
    apiRequest<Signal>(`/signals/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
  startCaseFromSignal: (id: string, input: StartCaseFromSignal) =>
    apiRequest<{ signal: Signal; case: Case }>(`/signals/${encodeURIComponent(id)}/case`, {
      method: 'POST',
      body: input,
    }),
  signalDuplicates: (id: string, signal?: AbortSignal) =>
    apiRequest<{ items: Signal[] }>(`/signals/${encodeURIComponent(id)}/duplicates`, { signal }),
  mergeSignal: (id: string, intoId: string) =>
    apiRequest<Signal>(`/signals/${encodeURIComponent(id)}/merge`, { method: 'POST', body: { intoId } }),
  planVisit: (signalId: string, input: { plannedDate: string; visitorUserId?: string | null }) =>
    apiRequest<Visit>(`/signals/${encodeURIComponent(signalId)}/visits`, { method: 'POST', body: input }),
  recordVisitOutcome: (visitId: string, input: VisitOutcomeInput) =>
    apiRequest<Visit>(`/visits/${encodeURIComponent(visitId)}/outcome`, { method: 'POST', body: input }),
  worklist: (date: string, signal?: AbortSignal) =>
    apiRequest<Worklist>(`/outreach/worklist${query({ date })}`, { signal }),
  monitor: (period: { from?: string; to?: string }, signal?: AbortSignal) =>
    apiRequest<{ items: MonitorRow[] }>(`/signals/monitor${query(period)}`, { signal }),
  importSignals: (csv: string) => apiRequest<ImportAnswer>('/signals/import', { method: 'POST', csv }),
  currentImport: (signal?: AbortSignal) => apiRequest<ImportProgress>('/signals/imports/current', { signal }),
  importProgress: (importId: string, signal?: AbortSignal) =>
    apiRequest<ImportProgress>(`/signals/imports/${encodeURIComponent(importId)}`, { signal }),
  listSignalRoutes: (signal?: AbortSignal) =>
    apiRequest<Collection<SignalRoute>>('/signal-routes', { signal }),
  createSignalRoute: (input: { category: string; areaId?: string | null; partnerId: string }) =>
    apiRequest<SignalRoute>('/signal-routes', { method: 'POST', body: input }),
  deleteSignalRoute: (id: string) =>
    apiRequest<void>(`/signal-routes/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  // Resident reports (public, no login).
  publicCategories: (signal?: AbortSignal) =>
    apiRequest<Collection<{ key: string; label: string }>>('/categories', { ...PUBLIC, signal }),
  publicAreas: (signal?: AbortSignal) =>
    apiRequest<Collection<AreaWithGeometry>>('/areas', { ...PUBLIC, signal }),
  createPublicReport: (input: PublicReport) =>
    apiRequest<{ trackingCode: string }>('/reports', { ...PUBLIC, method: 'POST', body: input }),
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
export function monitorCsvUrl(period: { from?: string; to?: string }): string {
  return `/api/v1/signals/monitor${query({ ...period, format: 'csv' })}`;
}

/** A partner's row of the matrix as the `can` rules of the shared package take it. */
export function toPartnerAccess(cells: readonly MatrixCell[]): Record<string, Access> {
  return Object.fromEntries(cells.map((cell) => [cell.category, cell.access]));
}

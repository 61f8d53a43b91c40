import {
  type Access,
  type AccessReport,
  type ActionListQuery,
  type AlertListQuery,
  type ApproachLinkKind,
  type AreaImport,
  type AreaReportQuery,
  type AssignProcessingActivity,
  type AuditList,
  type AuditListQuery,
  accessReportOperations,
  actionOperations,
  alertOperations,
  approachOperations,
  areaOperations,
  auditOperations,
  type CaseListQuery,
  type CreateAction,
  type CreateApproachLink,
  type CreateArea,
  type CreateAssessment,
  type CreateCase,
  type CreateEntry,
  type CreateEvaluation,
  type CreateGoal,
  type CreateGroup,
  type CreateGroupMember,
  type CreateGroupReportInput,
  type CreateHouseholdInput,
  type CreateIncident,
  type CreateLifeDomain,
  type CreateLocation,
  type CreateMeasurement,
  type CreateMeeting,
  type CreateMinutes,
  type CreateObservation,
  type CreatePartner,
  type CreatePerson,
  type CreateProcessingActivity,
  type CreateRelation,
  type CreateResidentGroupInput,
  type CreateSignal,
  type CreateSignalCategoryInput,
  type CreateSignalRoute,
  type CreateSocialMapEntry,
  type CreateUser,
  type CreateWebhook,
  caseOperations,
  type EndRelation,
  earlyWarningOperations,
  type HowToReportContent,
  type MatrixCell,
  type MeetingSortField,
  type Monitor,
  type MonitorQuery,
  matrixOperations,
  meetingOperations,
  neighbourhoodOperations,
  type Operation,
  type OtherSubjectKind,
  type OutboxStatus,
  type OutcomesQuery,
  oidcOperations,
  organisationOperations,
  overviewOperations,
  type PartnerSortField,
  type PersonSortField,
  type PictureQuery,
  type PlanVisit,
  type Preferences,
  type PublicReport,
  pathOf,
  planOperations,
  processingOperations,
  publicReportOperations,
  type RecordVisitOutcome,
  residentGroupOperations,
  retentionOperations,
  type SecuritySettings,
  type SignalFilterQuery,
  type SignalSortField,
  type SocialMapQuery,
  type Sorting,
  type StartCaseFromSignalInput,
  type SubjectSortField,
  searchOperations,
  securityOperations,
  sessionOperations,
  signalOperations,
  socialMapOperations,
  subjectOperations,
  type UpdateAction,
  type UpdateCase,
  type UpdateGoal,
  type UpdateGroup,
  type UpdateHousehold,
  type UpdateLifeDomain,
  type UpdateLocation,
  type UpdateMeeting,
  type UpdatePartner,
  type UpdatePersonInput,
  type UpdateProcessingActivity,
  type UpdateSignal,
  type UpdateSignalCategory,
  type UpdateSocialMapEntry,
  type UpdateUser,
  type UserSortField,
  type WebhookDeliveryStatus,
  webhookOperations,
} from '@wijkregie/shared';
import { formDataOf } from '../lib/uploads.ts';
import { call, queryString } from './call.ts';

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
export type AuditFilter = Omit<FilterOf<AuditListQuery>, 'format'>;
/** The period of the monitor (default the last twelve months). */
export type MonitorPeriod = Omit<FilterOf<MonitorQuery>, 'format'>;

/** Households, groups and locations are listed and opened alike, each with its own operations. */
const SUBJECT_OPERATIONS = {
  household: { list: subjectOperations.listHouseholds, get: subjectOperations.getHousehold },
  group: { list: subjectOperations.listGroups, get: subjectOperations.getGroup },
  location: { list: subjectOperations.listLocations, get: subjectOperations.getLocation },
} as const satisfies Record<OtherSubjectKind, { list: Operation; get: Operation }>;

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
  login: (email: string, password: string, otp?: string) =>
    call(
      sessionOperations.login,
      { body: { email, password, ...(otp ? { otp } : {}) } },
      { allowUnauthorized: true },
    ),
  getSession: (signal?: AbortSignal) =>
    call(sessionOperations.currentSession, {}, { allowUnauthorized: true, signal }),
  logout: () => call(sessionOperations.logout, {}, { allowUnauthorized: true }),
  demoAccounts: (signal?: AbortSignal) =>
    call(sessionOperations.demoAccounts, {}, { allowUnauthorized: true, signal }),
  // Tweestapsverificatie, the own sessions, the security settings (admin).
  totpStatus: (signal?: AbortSignal) => call(securityOperations.totpStatus, {}, { signal }),
  startTotpEnrolment: () => call(securityOperations.startTotpEnrolment, {}),
  confirmTotp: (code: string) => call(securityOperations.confirmTotp, { body: { code } }),
  listOwnSessions: (signal?: AbortSignal) => call(securityOperations.listOwnSessions, {}, { signal }),
  endOwnSession: (id: string) => call(securityOperations.endOwnSession, { params: { id } }),
  endOtherSessions: () => call(securityOperations.endOtherSessions, {}),
  getSecuritySettings: (signal?: AbortSignal) => call(securityOperations.getSecuritySettings, {}, { signal }),
  updateSecuritySettings: (body: SecuritySettings) =>
    call(securityOperations.updateSecuritySettings, { body }),
  resetUserTotp: (id: string) => call(securityOperations.resetUserTotp, { params: { id } }),
  /** Whether "Inloggen via de gemeente" (OpenID Connect) is configured. */
  oidcStatus: (signal?: AbortSignal) =>
    call(oidcOperations.oidcStatus, {}, { allowUnauthorized: true, signal }),
  listPartners: (signal?: AbortSignal, sort: Sorting<PartnerSortField> = {}) =>
    call(organisationOperations.listPartners, { query: sort }, { signal }),
  createPartner: (input: CreatePartner) => call(organisationOperations.createPartner, { body: input }),
  listUsers: (signal?: AbortSignal, sort: Sorting<UserSortField> = {}) =>
    call(organisationOperations.listUsers, { query: sort }, { signal }),
  createUser: (input: CreateUser) => call(organisationOperations.createUser, { body: input }),
  updatePartner: (id: string, input: UpdatePartner) =>
    call(organisationOperations.updatePartner, { params: { id }, body: input }),
  updateUser: (id: string, input: UpdateUser) =>
    call(organisationOperations.updateUser, { params: { id }, body: input }),

  // Areas, categories and the authorisation matrix.
  listAreas: (signal?: AbortSignal) => call(areaOperations.listAreas, {}, { signal }),
  /** A wijk or buurt drawn and named by the administrator. */
  createArea: (input: CreateArea) => call(neighbourhoodOperations.createArea, { body: input }),
  /** The CBS Wijk- en Buurtkaart (a GeoJSON FeatureCollection) read in: created, updated, rejected. */
  importAreas: (map: AreaImport) => call(neighbourhoodOperations.importAreas, { body: map }),
  listCategories: (signal?: AbortSignal) => call(matrixOperations.getCategories, {}, { signal }),
  getMatrix: (signal?: AbortSignal) => call(matrixOperations.getMatrix, {}, { signal }),
  putMatrix: (cells: MatrixCell[]) => call(matrixOperations.putMatrix, { body: { cells } }),
  myAccess: (signal?: AbortSignal) => call(matrixOperations.getMyAccess, {}, { signal }),

  // Subjects.
  searchPersons: (q: string, page: Page & Sorting<PersonSortField>, signal?: AbortSignal) =>
    call(subjectOperations.findPersons, { query: { q, ...page } }, { signal }),
  getPerson: (id: string, signal?: AbortSignal) =>
    call(subjectOperations.getPerson, { params: { id } }, { signal }),
  createPerson: (input: CreatePerson) => call(subjectOperations.createPerson, { body: input }),
  listSubjects: (
    kind: OtherSubjectKind,
    page: Page & Sorting<SubjectSortField>,
    signal?: AbortSignal,
    q?: string,
  ) => call(SUBJECT_OPERATIONS[kind].list, { query: { q, ...page } }, { signal }),
  getSubject: (kind: OtherSubjectKind, id: string, signal?: AbortSignal) =>
    call(SUBJECT_OPERATIONS[kind].get, { params: { id } }, { signal }),
  createHousehold: (input: CreateHouseholdInput) => call(subjectOperations.createHousehold, { body: input }),
  createGroup: (input: CreateGroup) => call(subjectOperations.createGroup, { body: input }),
  createLocation: (input: CreateLocation) => call(subjectOperations.createLocation, { body: input }),
  createRelation: (input: CreateRelation) => call(subjectOperations.createRelation, { body: input }),
  updatePerson: (id: string, input: UpdatePersonInput) =>
    call(subjectOperations.updatePerson, { params: { id }, body: input }),
  updateHousehold: (id: string, input: UpdateHousehold) =>
    call(subjectOperations.updateHousehold, { params: { id }, body: input }),
  updateGroup: (id: string, input: UpdateGroup) =>
    call(subjectOperations.updateGroup, { params: { id }, body: input }),
  updateLocation: (id: string, input: UpdateLocation) =>
    call(subjectOperations.updateLocation, { params: { id }, body: input }),
  endRelation: (id: string, input: EndRelation) =>
    call(subjectOperations.endRelation, { params: { id }, body: input }),

  // The one search of the header.
  search: (q: string, signal?: AbortSignal) => call(searchOperations.search, { query: { q } }, { signal }),

  // Cases and their journal.
  listCases: (filter: CaseFilter, page: Page, signal?: AbortSignal) =>
    call(caseOperations.listCases, { query: { ...filter, ...page } }, { signal }),
  getCase: (id: string, signal?: AbortSignal) => call(caseOperations.getCase, { params: { id } }, { signal }),
  createCase: (input: CreateCase) => call(caseOperations.createCase, { body: input }),
  updateCase: (id: string, input: UpdateCase) =>
    call(caseOperations.updateCase, { params: { id }, body: input }),
  listEntries: (caseId: string, category: string | undefined, page: Page, signal?: AbortSignal) =>
    call(caseOperations.listEntries, { params: { id: caseId }, query: { category, ...page } }, { signal }),
  // With files the entry goes as multipart/form-data; entry and files are stored together or not at all.
  addEntry: (caseId: string, input: CreateEntry, files: readonly File[] = []) =>
    call(caseOperations.addEntry, {
      params: { id: caseId },
      body: files.length > 0 ? formDataOf(input, files) : input,
    }),

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
  listMeetings: (when: 'upcoming' | 'past', page: Page & Sorting<MeetingSortField>, signal?: AbortSignal) =>
    call(meetingOperations.findMeetings, { query: { [when]: true, ...page } }, { signal }),
  getMeeting: (id: string, signal?: AbortSignal) =>
    call(meetingOperations.getMeeting, { params: { id } }, { signal }),
  createMeeting: (input: CreateMeeting) => call(meetingOperations.createMeeting, { body: input }),
  updateMeeting: (id: string, input: UpdateMeeting) =>
    call(meetingOperations.updateMeeting, { params: { id }, body: input }),
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
  getOverview: (signal?: AbortSignal) => call(overviewOperations.getOverview, {}, { signal }),
  getPreferences: (signal?: AbortSignal) => call(alertOperations.getPreferences, {}, { signal }),
  putPreferences: (input: Preferences) => call(alertOperations.updatePreferences, { body: input }),
  followCase: (caseId: string) => call(alertOperations.followCase, { params: { id: caseId } }),
  unfollowCase: (caseId: string) => call(alertOperations.unfollowCase, { params: { id: caseId } }),
  getSituation: (caseId: string, signal?: AbortSignal) =>
    call(alertOperations.getSituation, { params: { id: caseId } }, { signal }),

  // The email outbox (admin).
  listOutbox: (status: OutboxStatus | undefined, page: Page, signal?: AbortSignal) =>
    call(organisationOperations.listOutbox, { query: { status, ...page } }, { signal }),

  // Webhooks to other systems (admin).
  listWebhooks: (signal?: AbortSignal) => call(webhookOperations.listWebhooks, {}, { signal }),
  createWebhook: (body: CreateWebhook) => call(webhookOperations.createWebhook, { body }),
  deleteWebhook: (id: string) => call(webhookOperations.deleteWebhook, { params: { id } }),
  listWebhookDeliveries: (
    id: string,
    status: WebhookDeliveryStatus | undefined,
    page: Page,
    signal?: AbortSignal,
  ) =>
    call(webhookOperations.listWebhookDeliveries, { params: { id }, query: { status, ...page } }, { signal }),

  // The access report of a person (AVG art. 15); the letter is a download link (accessReportPdfUrl).
  getAccessReport: (id: string, signal?: AbortSignal) =>
    call(accessReportOperations.getAccessReport, { params: { id } }, { signal }) as Promise<AccessReport>,

  // Audit.
  // Without `format=csv` the audit log answers JSON; the CSV is a download link (auditCsvUrl).
  listAudit: (filter: AuditFilter, page: Page, signal?: AbortSignal) =>
    call(auditOperations.listAudit, { query: { ...filter, ...page } }, { signal }) as Promise<AuditList>,
  verifyAudit: () => call(auditOperations.verifyAudit, {}),

  // Signals, early warning and outreach.
  listSignalCategories: (signal?: AbortSignal) => call(signalOperations.listSignalCategories, {}, { signal }),
  createSignalCategory: (input: CreateSignalCategoryInput) =>
    call(signalOperations.createSignalCategory, { body: input }),
  updateSignalCategory: (key: string, input: UpdateSignalCategory) =>
    call(signalOperations.changeSignalCategory, { params: { key }, body: input }),
  listSignals: (filter: SignalFilter, page: Page & Sorting<SignalSortField>, signal?: AbortSignal) =>
    call(signalOperations.findSignals, { query: { ...filter, ...page } }, { signal }),
  getSignal: (id: string, signal?: AbortSignal) =>
    call(signalOperations.getSignal, { params: { id } }, { signal }),
  createSignal: (input: CreateSignal, files: readonly File[] = []) =>
    call(signalOperations.createSignal, { body: files.length > 0 ? formDataOf(input, files) : input }),
  addSignalAttachments: (id: string, files: readonly File[]) =>
    call(signalOperations.addSignalAttachments, { params: { id }, body: formDataOf({}, files) }),
  updateSignal: (id: string, input: UpdateSignal) =>
    call(signalOperations.updateSignal, { params: { id }, body: input }),
  startCaseFromSignal: (id: string, input: StartCaseFromSignalInput) =>
    call(signalOperations.startCaseFromSignal, { params: { id }, body: input }),
  signalDuplicates: (id: string, signal?: AbortSignal) =>
    call(signalOperations.findDuplicates, { params: { id } }, { signal }),
  mergeSignal: (id: string, intoId: string) =>
    call(signalOperations.mergeSignal, { params: { id }, body: { intoId } }),
  planVisit: (signalId: string, input: PlanVisit) =>
    call(signalOperations.planVisit, { params: { id: signalId }, body: input }),
  recordVisitOutcome: (visitId: string, input: RecordVisitOutcome) =>
    call(signalOperations.recordVisitOutcome, { params: { id: visitId }, body: input }),
  worklist: (date: string, signal?: AbortSignal) =>
    call(signalOperations.getWorklist, { query: { date } }, { signal }),
  // Without `format=csv` the monitor answers JSON; the CSV is a download link (monitorCsvUrl).
  monitor: (period: MonitorPeriod, signal?: AbortSignal) =>
    call(earlyWarningOperations.getMonitor, { query: period }, { signal }) as Promise<Monitor>,
  importSignals: (csv: string) => call(earlyWarningOperations.importCreditorFile, { body: csv }),
  currentImport: (signal?: AbortSignal) =>
    call(earlyWarningOperations.getCurrentImportProgress, {}, { signal }),
  importProgress: (importId: string, signal?: AbortSignal) =>
    call(earlyWarningOperations.getImportProgress, { params: { id: importId } }, { signal }),
  listSignalRoutes: (signal?: AbortSignal) => call(signalOperations.listSignalRoutes, {}, { signal }),
  createSignalRoute: (input: CreateSignalRoute) => call(signalOperations.createSignalRoute, { body: input }),
  deleteSignalRoute: (id: string) => call(signalOperations.removeSignalRoute, { params: { id } }),

  // The plan of approach: life domains, assessments, goals, evaluations, results across cases.
  listProcessingActivities: (signal?: AbortSignal) =>
    call(processingOperations.listProcessingActivities, {}, { signal }),
  createProcessingActivity: (body: CreateProcessingActivity) =>
    call(processingOperations.createProcessingActivity, { body }),
  updateProcessingActivity: (id: string, body: UpdateProcessingActivity) =>
    call(processingOperations.updateProcessingActivity, { params: { id }, body }),
  assignCaseProcessingActivity: (id: string, body: AssignProcessingActivity) =>
    call(processingOperations.assignCaseProcessingActivity, { params: { id }, body }),
  assignSignalProcessingActivity: (id: string, body: AssignProcessingActivity) =>
    call(processingOperations.assignSignalProcessingActivity, { params: { id }, body }),
  // Retention (issue 15): what is due for anonymisation, and running the job now.
  getRetentionStatus: (signal?: AbortSignal) => call(retentionOperations.getRetentionStatus, {}, { signal }),
  runRetention: () => call(retentionOperations.runRetention, {}),
  listLifeDomains: (signal?: AbortSignal) => call(planOperations.listLifeDomains, {}, { signal }),
  createLifeDomain: (input: CreateLifeDomain) => call(planOperations.createLifeDomain, { body: input }),
  updateLifeDomain: (key: string, input: UpdateLifeDomain) =>
    call(planOperations.updateLifeDomain, { params: { key }, body: input }),
  listAssessments: (personId: string, signal?: AbortSignal) =>
    call(planOperations.listAssessments, { params: { id: personId } }, { signal }),
  createAssessment: (personId: string, input: CreateAssessment) =>
    call(planOperations.createAssessment, { params: { id: personId }, body: input }),
  getPlan: (caseId: string, signal?: AbortSignal) =>
    call(planOperations.getPlan, { params: { id: caseId } }, { signal }),
  createGoal: (caseId: string, input: CreateGoal) =>
    call(planOperations.createGoal, { params: { id: caseId }, body: input }),
  updateGoal: (id: string, input: UpdateGoal) =>
    call(planOperations.updateGoal, { params: { id }, body: input }),
  createEvaluation: (caseId: string, input: CreateEvaluation) =>
    call(planOperations.createEvaluation, { params: { id: caseId }, body: input }),
  getOutcomes: (filter: OutcomesQuery, signal?: AbortSignal) =>
    call(planOperations.getOutcomes, { query: filter }, { signal }),

  // The neighbourhood picture (Wijkbeeld): incidents, signals and cases of a wijk or buurt in a period.
  listIncidentCategories: (signal?: AbortSignal) =>
    call(neighbourhoodOperations.listIncidentCategories, {}, { signal }),
  getAreaPicture: (areaId: string, choice: PictureQuery, signal?: AbortSignal) =>
    call(neighbourhoodOperations.getAreaPicture, { params: { id: areaId }, query: choice }, { signal }),
  createIncident: (input: CreateIncident) => call(neighbourhoodOperations.createIncident, { body: input }),
  importIncidents: (csv: string) => call(neighbourhoodOperations.importIncidents, { body: csv }),
  currentIncidentImport: (signal?: AbortSignal) =>
    call(neighbourhoodOperations.getCurrentIncidentImport, {}, { signal }),

  // The area approach (wijkaanpak): joint goal, partners, indicators and their measurements; field notes.
  listApproaches: (areaId: string | undefined, signal?: AbortSignal) =>
    call(approachOperations.listApproaches, { query: { areaId } }, { signal }),
  getApproach: (id: string, signal?: AbortSignal) =>
    call(approachOperations.getApproach, { params: { id } }, { signal }),
  linkToApproach: (id: string, input: CreateApproachLink) =>
    call(approachOperations.linkToApproach, { params: { id }, body: input }),
  unlinkFromApproach: (id: string, kind: ApproachLinkKind, targetId: string) =>
    call(approachOperations.unlinkFromApproach, { params: { id, kind, targetId } }),
  createMeasurement: (indicatorId: string, input: CreateMeasurement) =>
    call(approachOperations.createMeasurement, { params: { id: indicatorId }, body: input }),
  listObservations: (areaId: string, signal?: AbortSignal) =>
    call(approachOperations.listObservations, { query: { areaId } }, { signal }),
  createObservation: (input: CreateObservation) =>
    call(approachOperations.createObservation, { body: input }),

  // Resident groups and what and how to report.
  listResidentGroups: (signal?: AbortSignal) =>
    call(residentGroupOperations.listResidentGroups, {}, { signal }),
  getResidentGroup: (id: string, signal?: AbortSignal) =>
    call(residentGroupOperations.getResidentGroup, { params: { id } }, { signal }),
  createResidentGroup: (input: CreateResidentGroupInput) =>
    call(residentGroupOperations.createResidentGroup, { body: input }),
  addGroupMember: (id: string, input: CreateGroupMember) =>
    call(residentGroupOperations.addGroupMember, { params: { id }, body: input }),
  removeGroupMember: (id: string, memberId: string) =>
    call(residentGroupOperations.removeGroupMember, { params: { id, memberId } }),
  createGroupReport: (id: string, input: CreateGroupReportInput) =>
    call(residentGroupOperations.createGroupReport, { params: { id }, body: input }),
  listGroupReports: (id: string, signal?: AbortSignal) =>
    call(residentGroupOperations.listGroupReports, { params: { id } }, { signal }),
  publicHowToReport: (signal?: AbortSignal) =>
    call(residentGroupOperations.getPublicHowToReport, {}, { signal }),
  getHowToReport: (signal?: AbortSignal) => call(residentGroupOperations.getHowToReport, {}, { signal }),
  updateHowToReport: (input: HowToReportContent) =>
    call(residentGroupOperations.updateHowToReport, { body: input }),

  // The sociale kaart: who works in a wijk or buurt.
  listSocialMap: (query: SocialMapQuery, signal?: AbortSignal) =>
    call(socialMapOperations.listSocialMap, { query }, { signal }),
  createSocialMapEntry: (input: CreateSocialMapEntry) =>
    call(socialMapOperations.createSocialMapEntry, { body: input }),
  updateSocialMapEntry: (id: string, input: UpdateSocialMapEntry) =>
    call(socialMapOperations.updateSocialMapEntry, { params: { id }, body: input }),
  deleteSocialMapEntry: (id: string) => call(socialMapOperations.deleteSocialMapEntry, { params: { id } }),

  // Resident reports (public, no login).
  publicCategories: (signal?: AbortSignal) =>
    call(publicReportOperations.listPublicCategories, {}, { signal }),
  publicAreas: (signal?: AbortSignal) => call(publicReportOperations.listPublicAreas, {}, { signal }),
  createPublicReport: (input: PublicReport, photo?: File) =>
    call(publicReportOperations.createPublicReport, { body: photo ? formDataOf(input, [photo]) : input }),
  trackPublicReport: (code: string, signal?: AbortSignal) =>
    call(publicReportOperations.trackReport, { params: { code } }, { signal }),
};

/**
 * The address of the CSV export of exactly this filter (a plain link: the browser downloads it); the
 * query string is the one listSignals sends (flags as `true`).
 */
export function signalExportUrl(filter: SignalFilter): string {
  return `${signalOperations.exportSignals.path}${queryString(filter)}`;
}

/** The address of the audit log of exactly this filter as CSV (all records, not one page). */
export function auditCsvUrl(filter: AuditFilter): string {
  return `${auditOperations.listAudit.path}${query({ ...filter, format: 'csv' })}`;
}

/** The address of a person's access report as a letter (PDF; a plain link: the browser downloads it). */
export function accessReportPdfUrl(personId: string): string {
  return `${pathOf(accessReportOperations.getAccessReport.path, { id: personId })}${query({ format: 'pdf' })}`;
}

/** The address of the monitor as CSV. */
export function monitorCsvUrl(period: MonitorPeriod): string {
  return `${earlyWarningOperations.getMonitor.path}${query({ ...period, format: 'csv' })}`;
}

/**
 * The address of a case's plan as PDF (a plain link: the browser downloads it); with `partnerId` (a
 * regisseur) the plan as that partner may see it.
 */
export function planPdfUrl(caseId: string, partnerId?: string): string {
  return `${planOperations.exportPlanPdf.path.replace(':id', encodeURIComponent(caseId))}${queryString({ partnerId })}`;
}

/** The address of the neighbourhood report of an area over a period as PDF (a plain link: the browser downloads it). */
export function areaReportUrl(areaId: string, from?: string, to?: string): string {
  const period: AreaReportQuery = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return `${pathOf(neighbourhoodOperations.exportAreaReport.path, { id: areaId })}${queryString(period)}`;
}

/** A partner's row of the matrix as the `can` rules of the shared package take it. */
export function toPartnerAccess(cells: readonly MatrixCell[]): Record<string, Access> {
  return Object.fromEntries(cells.map((cell) => [cell.category, cell.access]));
}

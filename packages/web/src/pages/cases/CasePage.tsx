import {
  CASE_OUTCOME_LABELS,
  CASE_TYPE_LABELS,
  type CaseDetail,
  can,
  canRead,
  canWrite,
  hasPermission,
  type User,
} from '@wijkregie/shared';
import { useCallback, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import { DataList } from '../../components/DataList.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb, TextLink } from '../../components/Links.tsx';
import { DetailLoading } from '../../components/Loaded.tsx';
import { PermittedById } from '../../components/Permitted.tsx';
import { ProcessingPanel } from '../../components/ProcessingPanel.tsx';
import { Section } from '../../components/Section.tsx';
import { SocialMapPanel } from '../../components/SocialMap.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/Table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { openGoalOptions, useLifeDomains, writableDomains } from '../../lib/plans.ts';
import {
  type Names,
  useAreas,
  useCategories,
  useMyAccess,
  usePartners,
  useUsers,
} from '../../lib/reference.ts';
import { subjectKindLabel, subjectPath } from '../../lib/subjects.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useDetail } from '../../lib/useDetail.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { actorOf } from '../../lib/users.ts';
import { CaseActions, FollowButton, SituationSummary, useSituation } from './CaseCoordination.tsx';
import { CaseLifecycle } from './CaseLifecycle.tsx';
import { EditCaseForm } from './EditCaseForm.tsx';
import { Journal } from './Journal.tsx';
import { PlanSection } from './Plan.tsx';

export function CasePage() {
  return <PermittedById permission="cases.read" title="Casus" page={CaseView} />;
}

function CaseView({ id }: { id: string }) {
  const user = useUser();
  const [message, setMessage] = useFlashMessage();
  const loader = useCallback((signal: AbortSignal) => api.getCase(id, signal), [id]);
  const detail = useDetail(loader, 'Casus', (c) => `Casus ${c.reference}`);
  const partners = usePartners();
  const users = useUsers();
  const areas = useAreas();
  const categories = useCategories();
  const access = useMyAccess();
  const situation = useSituation(id);
  const planLoader = useCallback((signal: AbortSignal) => api.getPlan(id, signal), [id]);
  const plan = useApiData(planLoader);
  const domains = useLifeDomains();
  const [actionsVersion, setActionsVersion] = useState(0);

  const c = detail.data;

  const cells = access.data?.cells ?? [];
  const readable = cells.filter((cell) => canRead(cell.access)).map((cell) => cell.category);
  const writable = cells.filter((cell) => canWrite(cell.access)).map((cell) => cell.category);

  function changed(text: string) {
    setMessage(text);
    detail.reload();
    plan.reload();
  }

  /** A goal, its status or an evaluation changed: the plan shows the new state. */
  function planChanged(text: string) {
    setMessage(text);
    plan.reload();
  }

  /** An action was added or changed: the goals show their actions anew. */
  function actionsChanged(text: string) {
    setMessage(text);
    plan.reload();
    setActionsVersion((n) => n + 1);
  }
  const mayWritePlan = hasPermission(user, 'cases.write') && c?.status !== 'closed';

  return (
    <>
      <Breadcrumb to="/casussen">Casussen</Breadcrumb>
      <div className="wr-case-heading">
        {c && <p className="utrecht-pre-heading wr-section__name">{CASE_TYPE_LABELS[c.type] ?? c.type}</p>}
        <PageHeading>
          {c ? (
            <>
              <span className="wr-reference">{c.reference}</span> {c.title}
            </>
          ) : (
            detail.placeholder
          )}
        </PageHeading>
        {c && <StatusBadge status={c.status} prefix />}
        {c && situation.data && (
          <FollowButton
            caseId={c.id}
            following={situation.data.following}
            onChanged={(following, text) => {
              situation.setData((s) => (s ? { ...s, following } : s));
              setMessage(text);
            }}
          />
        )}
      </div>
      <StatusMessage message={message} />
      <DetailLoading data={detail} loading="De casus wordt geladen…" onlyWhenEmpty />
      {c && (
        <div className="wr-case">
          <div className="wr-case__aside">
            <CaseFacts
              detail={c}
              user={user}
              partnerNames={partners.names}
              userNames={users.names}
              areaNames={areas.names}
            />
            {can(actorOf(user), 'case.update', { case: c }) && c.status !== 'closed' && (
              <EditCaseForm
                detail={c}
                partners={partners.data?.items ?? []}
                users={users.data?.items ?? null}
                onSaved={() => changed('De casusgegevens zijn opgeslagen.')}
              />
            )}
            <ProcessingPanel
              what="De casus"
              processingActivityId={c.processingActivityId}
              user={user}
              assign={(body) => api.assignCaseProcessingActivity(c.id, body)}
              onChanged={changed}
            />
            {hasPermission(user, 'audit.read') && (
              <Paragraph>
                <TextLink to={`/audit?object=${c.id}`}>Wie heeft deze casus ingezien of gewijzigd?</TextLink>
              </Paragraph>
            )}
            {c.areaId && <SocialMapPanel query={{ areaId: c.areaId }} />}
          </div>
          <div className="wr-case__main">
            <SituationSummary situation={situation.data} error={situation.error} />
            <CaseLifecycle detail={c} onChanged={changed} />
            <RelatedCases detail={c} />
            <ErrorAlert message={domains.error} />
            <PlanSection
              detail={c}
              plan={plan}
              labels={domains.labels}
              writable={writableDomains(domains.data?.items ?? [], cells)}
              mayWrite={mayWritePlan}
              actionsVersion={actionsVersion}
              partnerNames={partners.names}
              onChanged={planChanged}
            />
            <CaseActions
              detail={c}
              mayAdd={hasPermission(user, 'cases.write') && c.status !== 'closed'}
              goals={openGoalOptions(plan.data?.goals ?? [], domains.labels)}
              onChanged={actionsChanged}
            />
            <ErrorAlert message={access.error} />
            {access.data && categories.data && (
              <Journal
                caseId={c.id}
                closed={c.status === 'closed'}
                categories={categories.data.items}
                readable={readable}
                writable={writable}
                partnerNames={partners.names}
                onAdded={setMessage}
              />
            )}
          </div>
        </div>
      )}
      {detail.error && c && (
        <Alert type="error" role="alert">
          {detail.error}
        </Alert>
      )}
    </>
  );
}

interface CaseFactsProps {
  detail: CaseDetail;
  user: User;
  partnerNames: Names;
  userNames: Names;
  areaNames: Names;
}

function directorText(detail: CaseDetail, user: User, userNames: Names): string {
  if (!detail.directorUserId) return 'Nog niet gekozen';
  const name = detail.directorName ?? userNames.get(detail.directorUserId);
  if (detail.directorUserId === user.id) return `${name ?? user.name} (jij)`;
  return name ?? 'Onbekende gebruiker';
}

function CaseFacts({ detail, user, partnerNames, userNames, areaNames }: CaseFactsProps) {
  const partnerList = detail.partnerIds
    .map((id) => ({ id, name: partnerNames.get(id) ?? 'Onbekende partner' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <Section id="facts" title="Gegevens" className="wr-card">
      <DataList
        items={[
          { key: 'Soort', value: CASE_TYPE_LABELS[detail.type] ?? detail.type },
          {
            key: 'Betrokkenen',
            value:
              detail.subjects.length === 0 ? (
                'Geen'
              ) : (
                <ul className="wr-plain-list">
                  {detail.subjects.map((subject, i) => {
                    // Without a name the user's organisation may not read basic data: no link to it either
                    // (and without an id, the user may not open the subject at all).
                    const path =
                      subject.label === undefined || subject.id === null
                        ? null
                        : subjectPath({ kind: subject.kind, id: subject.id });
                    const text = subject.label ?? 'naam afgeschermd';
                    return (
                      <li key={`${subject.kind}-${subject.id ?? i}`}>
                        <span className="wr-muted">{subjectKindLabel(subject.kind)}: </span>
                        {path ? <TextLink to={path}>{text}</TextLink> : text}
                      </li>
                    );
                  })}
                </ul>
              ),
          },
          {
            key: 'Partners',
            value: (
              <ul className="wr-plain-list">
                {partnerList.map((partner) => (
                  <li key={partner.id}>{partner.name}</li>
                ))}
              </ul>
            ),
          },
          { key: 'Casusregisseur', value: directorText(detail, user, userNames) },
          {
            key: 'Gebied',
            value: detail.areaId ? (areaNames.get(detail.areaId) ?? 'Onbekend gebied') : 'Geen',
          },
          ...(detail.signalIds.length > 0
            ? [
                {
                  key: detail.signalIds.length === 1 ? 'Gestart vanuit signaal' : 'Signalen',
                  value: (
                    <ul className="wr-plain-list">
                      {detail.signalIds.map((signalId, i) => (
                        <li key={signalId}>
                          <TextLink to={`/signalen/${signalId}`}>
                            {detail.signalIds.length === 1 ? 'Bekijk het signaal' : `Signaal ${i + 1}`}
                          </TextLink>
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          ...(detail.result ? [{ key: 'Resultaat', value: CASE_OUTCOME_LABELS[detail.result.outcome] }] : []),
          { key: 'Aangemaakt', value: formatDateTime(detail.createdAt) },
          { key: 'Laatst gewijzigd', value: formatDateTime(detail.updatedAt) },
        ]}
      />
    </Section>
  );
}

const RELATED_HEADINGS: Partial<Record<string, string>> = {
  household: 'Gezinsplan: persoonsgerichte aanpak van gezinsleden',
  group: 'Persoonsgerichte aanpak van groepsleden',
};

function RelatedCases({ detail }: { detail: CaseDetail }) {
  const heading = RELATED_HEADINGS[detail.type];
  if (!heading && detail.relatedCases.length === 0) return null;
  return (
    <Section id="related" title={heading ?? 'Persoonsgerichte aanpak van betrokkenen'} className="wr-card">
      <DataTable
        caption={`Casussen van ${detail.type === 'group' ? 'groepsleden' : 'gezinsleden'} die je mag zien`}
        rows={detail.relatedCases}
        rowKey={(r) => `${r.id}-${r.viaPersonId ?? 'afgeschermd'}`}
        empty="Er zijn geen persoonsgerichte casussen die je mag zien."
        columns={[
          {
            header: 'Kenmerk',
            cell: (r) => (
              <TextLink nowrap to={`/casussen/${r.id}`}>
                {r.reference}
              </TextLink>
            ),
          },
          { header: 'Titel', cell: (r) => r.title },
          { header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
          {
            header: detail.type === 'group' ? 'Groepslid' : 'Gezinslid',
            // Null when the user may not open that person: then no link.
            cell: (r) =>
              r.viaPersonId === null ? (
                'naam afgeschermd'
              ) : (
                <TextLink to={`/personen/${r.viaPersonId}`}>
                  Bekijk persoon<span className="wr-visually-hidden"> van casus {r.reference}</span>
                </TextLink>
              ),
          },
        ]}
      />
    </Section>
  );
}

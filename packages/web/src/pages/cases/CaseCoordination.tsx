import { CASE_STATUS_LABELS, type CaseDetail, type Situation } from '@wijkregie/shared';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { ActionForm, type GoalOption } from '../../components/ActionForm.tsx';
import { ActionTable } from '../../components/ActionTable.tsx';
import { Alert, ErrorAlert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDateTime, labelOf, plural } from '../../lib/format.ts';
import { useColleagues, usePartners } from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';

function statusLabel(status: string | null): string {
  if (!status) return 'nieuw';
  return labelOf(CASE_STATUS_LABELS, status);
}

/** "Sinds je laatste bezoek": what changed in the case since the user last looked (this look is recorded). */
export function SituationSummary({
  situation,
  error,
}: {
  situation: Situation | null;
  error: string | null;
}) {
  if (error) {
    return (
      <Alert type="error" role="alert">
        {error}
      </Alert>
    );
  }
  if (!situation) return null;
  const lines: string[] = [];
  if (situation.newEntries > 0)
    lines.push(`${plural(situation.newEntries, 'nieuwe notitie', 'nieuwe notities')}`);
  for (const change of situation.statusChanges) {
    lines.push(
      `Status van ${statusLabel(change.from).toLowerCase()} naar ${statusLabel(change.to).toLowerCase()} (${formatDateTime(change.at)})`,
    );
  }
  if (situation.actionsCreated > 0)
    lines.push(`${plural(situation.actionsCreated, 'nieuwe actie', 'nieuwe acties')}`);
  if (situation.actionsDone > 0)
    lines.push(`${plural(situation.actionsDone, 'actie afgerond', 'acties afgerond')}`);
  return (
    <Section id="situation" title="Sinds je laatste bezoek" className="wr-card wr-situation">
      {situation.previousLookAt === null ? (
        <Paragraph>Je bekijkt deze casus voor het eerst.</Paragraph>
      ) : (
        <>
          <Paragraph className="wr-muted">
            Vorige keer bekeken: {formatDateTime(situation.previousLookAt)}
          </Paragraph>
          {lines.length === 0 ? (
            <Paragraph>Er is sindsdien niets veranderd.</Paragraph>
          ) : (
            <ul className="wr-situation__list">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <Paragraph>
        Nu: {plural(situation.openActions, 'open actie', 'open acties')}
        {situation.overdueActions > 0 ? (
          <>
            , <strong className="wr-overdue">waarvan {situation.overdueActions} te laat</strong>
          </>
        ) : null}
        .
      </Paragraph>
    </Section>
  );
}

/** Follow or stop following the case (alerts about every change); a toggle button with aria-pressed. */
export function FollowButton({
  caseId,
  following,
  onChanged,
}: {
  caseId: string;
  following: boolean;
  onChanged: (following: boolean, message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      if (following) await api.unfollowCase(caseId);
      else await api.followCase(caseId);
      onChanged(
        !following,
        following
          ? 'Je volgt deze casus niet meer.'
          : 'Je volgt deze casus. Je krijgt een notificatie bij elke wijziging.',
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : 'Dat is niet gelukt. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="wr-follow">
      <Button
        appearance="secondary-action"
        aria-pressed={following}
        busy={busy}
        onClick={() => void toggle()}
        className="wr-follow__button"
      >
        {following ? 'Niet meer volgen' : 'Volgen'}
      </Button>
      <ErrorAlert message={error} />
    </div>
  );
}

/** Follow button and the summary since the last visit; loads the situation once per visit. */
export function useSituation(caseId: string) {
  const loader = useCallback((signal: AbortSignal) => api.getSituation(caseId, signal), [caseId]);
  return useApiData(loader);
}

/** The actions of the case, and a form to add one. */
export function CaseActions({
  detail,
  mayAdd,
  goals,
  onChanged,
}: {
  detail: CaseDetail;
  mayAdd: boolean;
  /** The open goals of the case's plan, for "Werkt aan doel". */
  goals: readonly GoalOption[];
  onChanged: (message: string) => void;
}) {
  const loader = useCallback(
    (signal: AbortSignal) => api.listActions({ caseId: detail.id }, { limit: 100, offset: 0 }, signal),
    [detail.id],
  );
  const actions = useApiData(loader);
  const partners = usePartners();
  const colleagues = useColleagues();
  // The owner of an action is one of the organisations taking part in the case; a deactivated one
  // takes on no new work, so it is not offered.
  const caseParticipants = (partners.data?.items ?? []).filter(
    (p) => p.active && detail.partnerIds.includes(p.id),
  );

  return (
    <Section id="case-actions" title="Acties" className="wr-journal">
      <Loaded data={actions} loading="De acties worden geladen…">
        {(page) => (
          <ActionTable
            caption={`Acties in deze casus (${page.total})`}
            actions={page.items}
            partnerNames={partners.names}
            showCase={false}
            empty="Er zijn nog geen acties in deze casus."
            onChanged={(_, text) => {
              onChanged(text);
              actions.reload();
            }}
          />
        )}
      </Loaded>
      {mayAdd && partners.data && (
        <ActionForm
          formId="case-action"
          heading="Actie toevoegen"
          caseId={detail.id}
          partners={caseParticipants.length > 0 ? caseParticipants : partners.data.items}
          colleagues={colleagues.sorted}
          goals={goals}
          onCreated={(action) => {
            onChanged(`De actie „${action.title}” is toegevoegd.`);
            actions.reload();
          }}
        />
      )}
    </Section>
  );
}

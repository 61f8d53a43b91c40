import {
  CASE_OUTCOME_LABELS,
  CASE_OUTCOMES,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseDetail,
  type CaseOutcome,
  type CaseStatus,
  transitionKind,
} from '@wijkregie/shared';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { cx } from '../../components/classNames.ts';
import { SelectField, TextareaField } from '../../components/fields.tsx';
import { Heading, Paragraph } from '../../components/Heading.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { focusSoon } from '../../lib/focus.ts';
import { codeOptions, labelOf } from '../../lib/format.ts';

const RESULT_OPTIONS = codeOptions(CASE_OUTCOMES, CASE_OUTCOME_LABELS);

/** The lifecycle as steps: done, current and still to come. */
export function StepIndicator({ status }: { status: CaseStatus }) {
  const current = CASE_STATUSES.indexOf(status);
  return (
    <ol className="wr-steps">
      {CASE_STATUSES.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li
            key={step}
            className={cx('wr-steps__step', `wr-steps__step--${state}`)}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="wr-steps__marker" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="wr-steps__label">
              {CASE_STATUS_LABELS[step]}
              <VisuallyHidden>
                {state === 'done' ? ' (afgerond)' : state === 'current' ? ' (huidige fase)' : ' (nog niet)'}
              </VisuallyHidden>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export interface CaseLifecycleProps {
  detail: CaseDetail;
  /** Called after a successful change, with a message to announce. */
  onChanged: (message: string) => void;
}

/** The step indicator and the buttons for the steps this user may take now (`allowedStatuses`). */
export function CaseLifecycle({ detail, onChanged }: CaseLifecycleProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);
  const [result, setResult] = useState('');
  const [resultText, setResultText] = useState('');
  const [resultError, setResultError] = useState<string | undefined>();
  const [reopenTo, setReopenTo] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  const status = detail.status;
  const allowed = detail.allowedStatuses;
  const steps = allowed.filter((to) => transitionKind(status, to) === 'step');
  const canClose = allowed.some((to) => transitionKind(status, to) === 'close');
  const reopenOptions = allowed
    .filter((to) => transitionKind(status, to) === 'reopen')
    .map((to) => ({ value: to, label: CASE_STATUS_LABELS[to] }));

  async function move(to: CaseStatus, closeResult?: CaseOutcome) {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      await api.updateCase(
        detail.id,
        closeResult
          ? {
              status: to,
              result: { outcome: closeResult, ...(resultText.trim() ? { text: resultText.trim() } : {}) },
            }
          : { status: to },
      );
      setClosing(false);
      setResult('');
      setResultText('');
      setReopenTo('');
      onChanged(
        to === 'closed'
          ? `De casus is afgesloten met resultaat „${labelOf(CASE_OUTCOME_LABELS, closeResult ?? '')}”.`
          : `De status is gewijzigd naar ${CASE_STATUS_LABELS[to]}.`,
      );
      headingRef.current?.focus();
    } catch (e) {
      setError(
        e instanceof ApiError
          ? [e.problem.detail, ...e.fieldErrors.map((f) => f.message)].filter(Boolean).join(' ')
          : 'Het wijzigen van de status is niet gelukt.',
      );
    } finally {
      setBusy(false);
    }
  }

  function onClose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!CASE_OUTCOMES.includes(result as CaseOutcome)) {
      setResultError('Kies het resultaat van de casus');
      document.getElementById('close-result')?.focus();
      return;
    }
    setResultError(undefined);
    void move('closed', result as CaseOutcome);
  }

  function onReopen(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reopenTo) {
      setError('Kies de fase waarin de casus verdergaat.');
      return;
    }
    void move(reopenTo as CaseStatus);
  }

  return (
    <section className="wr-card" aria-labelledby="lifecycle-heading">
      <Heading level={2} id="lifecycle-heading" ref={headingRef} tabIndex={-1} className="wr-focus-target">
        Voortgang
      </Heading>
      <StepIndicator status={status} />
      {status === 'closed' && detail.result && (
        <Paragraph>
          Resultaat: <strong>{CASE_OUTCOME_LABELS[detail.result.outcome]}</strong>
          {detail.result.text ? ` — ${detail.result.text}` : ''}
        </Paragraph>
      )}
      <ErrorAlert message={error} />
      {allowed.length === 0 ? (
        <Paragraph className="wr-muted">
          {status === 'closed'
            ? 'Alleen een regisseur kan deze casus heropenen.'
            : 'Alleen de casusregisseur of een regisseur kan de fase van deze casus wijzigen.'}
        </Paragraph>
      ) : (
        <>
          {(steps.length > 0 || canClose) && !closing && (
            <ButtonGroup>
              {[...steps]
                .sort((a, b) => CASE_STATUSES.indexOf(b) - CASE_STATUSES.indexOf(a))
                .map((to) => {
                  const ahead = CASE_STATUSES.indexOf(to) > CASE_STATUSES.indexOf(status);
                  return (
                    <Button
                      key={to}
                      appearance={ahead ? 'primary-action' : 'secondary-action'}
                      busy={busy}
                      onClick={() => void move(to)}
                    >
                      {ahead ? `Naar ${CASE_STATUS_LABELS[to]}` : `Terug naar ${CASE_STATUS_LABELS[to]}`}
                    </Button>
                  );
                })}
              {canClose && (
                <Button
                  appearance="secondary-action"
                  onClick={() => {
                    setClosing(true);
                    setError(null);
                    focusSoon('close-result');
                  }}
                >
                  Casus afsluiten…
                </Button>
              )}
            </ButtonGroup>
          )}
          {closing && (
            <form aria-label="Casus afsluiten" noValidate onSubmit={onClose} className="wr-form wr-inset">
              <SelectField
                id="close-result"
                label="Resultaat"
                description="Met welk resultaat wordt de casus afgesloten?"
                error={resultError}
                placeholder="Kies een resultaat"
                options={RESULT_OPTIONS}
                value={result}
                onValue={setResult}
              />
              <TextareaField
                id="close-result-text"
                label="Toelichting (optioneel)"
                description="Wat is er bereikt, wat niet, en waarom? Komt bij het resultaat van de casus."
                rows={3}
                value={resultText}
                onValue={setResultText}
              />
              <ButtonGroup>
                <SubmitButton busy={busy}>Casus afsluiten</SubmitButton>
                <Button
                  appearance="secondary-action"
                  onClick={() => {
                    setClosing(false);
                    setResultError(undefined);
                    headingRef.current?.focus();
                  }}
                >
                  Annuleren
                </Button>
              </ButtonGroup>
            </form>
          )}
          {reopenOptions.length > 0 && (
            <form aria-label="Casus heropenen" noValidate onSubmit={onReopen} className="wr-form">
              <SelectField
                id="reopen-status"
                label="Heropenen in fase"
                placeholder="Kies een fase"
                options={reopenOptions}
                value={reopenTo}
                onValue={setReopenTo}
              />
              <SubmitButton busy={busy}>Casus heropenen</SubmitButton>
            </form>
          )}
        </>
      )}
    </section>
  );
}

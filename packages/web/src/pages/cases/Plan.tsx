import {
  ACTION_STATUS_LABELS,
  type Action,
  type CaseDetail,
  createEvaluationSchema,
  createGoalSchema,
  type Evaluation,
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  type Goal,
  type GoalStatus,
  type LifeDomain,
  type Plan,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { api, planPdfUrl } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, ErrorAlert } from '../../components/Alert.tsx';
import { Button, SubmitButton } from '../../components/Button.tsx';
import { DataList } from '../../components/DataList.tsx';
import { DateField, SelectField, TextareaField } from '../../components/fields.tsx';
import { Heading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { ScoreCell, ScoreProfile } from '../../components/Scores.tsx';
import { Section } from '../../components/Section.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { todayIso } from '../../lib/dates.ts';
import { focusSoon } from '../../lib/focus.ts';
import { codeOptions, formatDate, keyedOptions } from '../../lib/format.ts';
import { domainLabel, goalLabel, scoreText, usePersonNames } from '../../lib/plans.ts';
import { type Names, partnerName } from '../../lib/reference.ts';
import { subjectKindLabel } from '../../lib/subjects.ts';
import { type ApiData, useApiData } from '../../lib/useApiData.ts';
import { useForm, useFormSubmit } from '../../lib/useFormSubmit.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';
import { GoalEditForm, GoalFields, type GoalFormProps } from './GoalEditForm.tsx';

const STATUS_OPTIONS = codeOptions(GOAL_STATUSES, GOAL_STATUS_LABELS);

export interface PlanSectionProps {
  detail: CaseDetail;
  plan: ApiData<Plan>;
  /** All domains in their order, their names, and those the user's partner may write. */
  labels: ReadonlyMap<string, string>;
  writable: readonly LifeDomain[];
  /** Whether the user may change the plan (write on cases, the case open). */
  mayWrite: boolean;
  /** Changes when the actions of the case changed: the goals' actions are loaded again. */
  actionsVersion: number;
  partnerNames: Names;
  /** After a change of the plan: the page reloads it and says what happened. */
  onChanged: (message: string) => void;
}

/**
 * Who a goal or a score is about, in words: a subject of the case ("Daan de Wit", "huishouden Gezin de
 * Wit"), a member whose name was looked up, or a member of a linked case.
 */
function subjectNamer(detail: CaseDetail, plan: Plan, personNames: ReadonlyMap<string, string>) {
  return (subjectId: string | null): string => {
    if (subjectId === null) return 'een betrokkene (naam afgeschermd)';
    const subject = detail.subjects.find((s) => s.id === subjectId);
    if (subject) {
      const label = subject.label ?? 'naam afgeschermd';
      return subject.kind === 'person' ? label : `${subjectKindLabel(subject.kind).toLowerCase()} ${label}`;
    }
    const person = personNames.get(subjectId);
    if (person) return person;
    const linked = plan.linkedCases.find((c) => c.subjectId === subjectId);
    if (linked) return `het gezinslid van casus ${linked.reference}`;
    return 'een betrokkene';
  };
}

/** The persons a plan speaks of that are not named among the case's subjects (members of a household). */
function unnamedPersons(detail: CaseDetail, plan: Plan | null): string[] {
  if (!plan) return [];
  const known = new Set(detail.subjects.map((s) => s.id));
  const ids = [
    ...plan.goals.map((g) => g.subjectId),
    ...plan.latestScores.map((s) => s.subjectId),
    ...plan.linkedCases.map((c) => c.subjectId),
  ];
  return ids.filter((id): id is string => id !== null && !known.has(id));
}

/**
 * Het plan van aanpak: the goals per subject and domain with the actions toward them, the latest scores of
 * the persons, the household plan (the members' own cases and their goals, or the household case this
 * case belongs to), the evaluations, and the plan as PDF. Only domains the user's partner may read are
 * in the answer of the API at all.
 */
export function PlanSection({
  detail,
  plan,
  labels,
  writable,
  mayWrite,
  actionsVersion,
  partnerNames,
  onChanged,
}: PlanSectionProps) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new actionsVersion loads the actions again.
  const actionsLoader = useCallback(
    (signal: AbortSignal) => api.listActions({ caseId: detail.id }, { limit: 100, offset: 0 }, signal),
    [detail.id, actionsVersion],
  );
  const actions = useApiData(actionsLoader);
  const isRegisseur = useUser().roles.includes('regisseur');
  const p = plan.data;
  const personNames = usePersonNames(unnamedPersons(detail, p));
  const name = p ? subjectNamer(detail, p, personNames) : () => '';
  const actionById = new Map((actions.data?.items ?? []).map((a) => [a.id, a]));
  // A goal's status is changed by whoever may write its domain's category (the server's rule too).
  const writableKeys = new Set(writable.map((d) => d.key));

  return (
    <Section id="plan" title="Plan van aanpak" className="wr-card wr-plan">
      <ErrorAlert message={plan.error} />
      {plan.loading && !p && <Paragraph>Het plan wordt geladen…</Paragraph>}
      {p && (
        <>
          <Paragraph>
            <a className="utrecht-link utrecht-link--html-a" href={planPdfUrl(detail.id)} download>
              Download het plan van aanpak (PDF)
            </a>
          </Paragraph>
          {isRegisseur && detail.partnerIds.length > 0 && (
            <details className="wr-plan__pdfs">
              <summary>Het plan als PDF zoals een partner het ziet</summary>
              <ul>
                {detail.partnerIds.map((partnerId) => (
                  <li key={partnerId}>
                    <a
                      className="utrecht-link utrecht-link--html-a"
                      href={planPdfUrl(detail.id, partnerId)}
                      download
                    >
                      PDF voor {partnerName(partnerNames, partnerId)}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {p.householdCases.length > 0 && (
            <Paragraph>
              Deze casus hoort bij het gezinsplan van{' '}
              {p.householdCases.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ', '}
                  <TextLink to={`/casussen/${c.id}`}>casus {c.reference}</TextLink>
                </span>
              ))}
              .
            </Paragraph>
          )}
          <Heading level={3} id="goals-heading">
            Doelen
          </Heading>
          <GoalsBySubject
            goals={p.goals}
            name={name}
            labels={labels}
            latest={p.latestScores}
            actionById={actionById}
            actionsLoaded={actions.data !== null}
            partnerNames={partnerNames}
            mayWrite={mayWrite}
            writableKeys={writableKeys}
            onChanged={onChanged}
          />
          {mayWrite && (
            <GoalForm
              detail={detail}
              domains={writable}
              onCreated={(goal) => onChanged(`Het doel „${goal.text}” is toegevoegd.`)}
            />
          )}
          <Heading level={3} id="plan-scores-heading">
            Laatste scores
          </Heading>
          <LatestScores plan={p} name={name} labels={labels} />
          {(detail.type === 'household' || p.linkedCases.length > 0) && (
            <HouseholdPlan plan={p} labels={labels} name={name} />
          )}
          <Heading level={3} id="evaluations-heading">
            Evaluaties
          </Heading>
          <EvaluationList evaluations={p.evaluations} goals={p.goals} labels={labels} />
          {mayWrite && (
            <EvaluationForm
              caseId={detail.id}
              goals={p.goals.filter((g) => writableKeys.has(g.domain))}
              labels={labels}
              onCreated={(evaluation) =>
                onChanged(`De evaluatie van ${formatDate(evaluation.date)} is vastgelegd.`)
              }
            />
          )}
        </>
      )}
    </Section>
  );
}

interface GoalsBySubjectProps {
  goals: readonly Goal[];
  name: (subjectId: string | null) => string;
  labels: ReadonlyMap<string, string>;
  latest: Plan['latestScores'];
  actionById: ReadonlyMap<string, Action>;
  actionsLoaded: boolean;
  partnerNames: Names;
  mayWrite: boolean;
  writableKeys: ReadonlySet<string>;
  onChanged: (message: string) => void;
}

function GoalsBySubject({ goals, name, ...rest }: GoalsBySubjectProps) {
  if (goals.length === 0) {
    return <Paragraph>Er zijn nog geen doelen (op leefgebieden die je mag zien).</Paragraph>;
  }
  const subjects = [...new Set(goals.map((g) => g.subjectId))];
  return (
    <>
      {subjects.map((subjectId) => (
        <div key={subjectId ?? 'afgeschermd'} className="wr-plan__subject">
          <Heading level={4} id={`goals-${subjectId ?? 'afgeschermd'}`}>
            Voor {name(subjectId)}
          </Heading>
          <ul className="wr-plain-list wr-goals" aria-labelledby={`goals-${subjectId ?? 'afgeschermd'}`}>
            {goals
              .filter((g) => g.subjectId === subjectId)
              .map((goal) => (
                <li key={goal.id}>
                  <GoalCard goal={goal} {...rest} />
                </li>
              ))}
          </ul>
        </div>
      ))}
    </>
  );
}

type GoalCardProps = Omit<GoalsBySubjectProps, 'goals' | 'name'> & { goal: Goal };

/** One goal: what must change, on which domain, the target and the current score, its actions and status. */
function GoalCard({
  goal,
  labels,
  latest,
  actionById,
  actionsLoaded,
  partnerNames,
  mayWrite,
  writableKeys,
  onChanged,
}: GoalCardProps) {
  const headingId = `goal-${goal.id}`;
  const current = latest.find((s) => s.subjectId === goal.subjectId && s.domain === goal.domain);
  const actions = goal.actionIds.flatMap((id) => {
    const action = actionById.get(id);
    return action ? [action] : [];
  });
  return (
    <article className="wr-goal" aria-labelledby={headingId}>
      <Heading level={5} id={headingId} className="wr-goal__text">
        {goal.text}
      </Heading>
      <DataList
        compact
        items={[
          { key: 'Leefgebied', value: domainLabel(labels, goal.domain) },
          {
            key: 'Status',
            value: (
              <span className={`wr-goal-status wr-goal-status--${goal.status}`}>
                {GOAL_STATUS_LABELS[goal.status]}
              </span>
            ),
          },
          { key: 'Streefscore', value: goal.targetScore ? <ScoreCell score={goal.targetScore} /> : 'Geen' },
          {
            key: 'Laatste score',
            value: current ? (
              <>
                <ScoreCell score={current.score} />{' '}
                <span className="wr-muted">({formatDate(current.date)})</span>
              </>
            ) : (
              'Nog niet gescoord'
            ),
          },
          { key: 'Termijn', value: goal.dueDate ? formatDate(goal.dueDate) : 'Geen' },
        ]}
      />
      <p id={`${headingId}-actions`} className="wr-goal__actions-heading">
        Acties voor dit doel
      </p>
      {goal.actionIds.length === 0 ? (
        <Paragraph className="wr-muted">Nog geen acties aan dit doel gekoppeld.</Paragraph>
      ) : !actionsLoaded ? (
        <Paragraph>De acties worden geladen…</Paragraph>
      ) : (
        <ul className="wr-goal__actions" aria-labelledby={`${headingId}-actions`}>
          {actions.map((a) => (
            <li key={a.id}>
              <strong>{a.title}</strong>{' '}
              <span className="wr-muted">
                — {ACTION_STATUS_LABELS[a.status]}
                {a.overdue ? ' (te laat)' : ''}, {partnerName(partnerNames, a.ownerPartnerId)}
                {a.assigneeName ? ` (${a.assigneeName})` : ''}, termijn {formatDate(a.dueDate)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayWrite && writableKeys.has(goal.domain) && (
        <>
          <GoalStatusForm goal={goal} labelledBy={headingId} onChanged={onChanged} />
          <GoalEditForm goal={goal} labelledBy={headingId} onChanged={onChanged} />
        </>
      )}
    </article>
  );
}

/** Change a goal's status (reached, partly, not, dropped, or running again). */
function GoalStatusForm({ goal, labelledBy, onChanged }: GoalFormProps) {
  const formId = `goal-status-${goal.id}`;
  const form = useForm(formId, ['status'], { status: goal.status as string });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const status = form.values.status as GoalStatus;
    if (status === goal.status) {
      form.validate({ status: 'Kies een andere status dan de huidige' });
      return;
    }
    await form.submit(async () => {
      const saved = await api.updateGoal(goal.id, { status });
      onChanged(
        `De status van het doel „${saved.text}” is nu ${GOAL_STATUS_LABELS[saved.status].toLowerCase()}.`,
      );
    });
  }

  return (
    <SubmitForm
      id={formId}
      labelledBy={labelledBy}
      error={form.formError}
      onSubmit={onSubmit}
      className="wr-goal__status-form"
    >
      <SelectField {...form.field('status')} label="Status" options={STATUS_OPTIONS} />
      <SubmitButton appearance="secondary-action" busy={form.busy}>
        Status wijzigen
      </SubmitButton>
    </SubmitForm>
  );
}

/** The persons that are members of the case's households and groups (that the user may open). */
function useMembers(detail: CaseDetail): string[] {
  const key = detail.subjects
    .flatMap((s) =>
      s.id !== null && (s.kind === 'household' || s.kind === 'group') ? [`${s.kind}:${s.id}`] : [],
    )
    .join(',');
  const loader = useCallback(
    async (signal: AbortSignal): Promise<string[]> => {
      if (!key) return [];
      const groups = await Promise.all(
        key.split(',').map(async (pair) => {
          const [kind, id] = pair.split(':') as ['household' | 'group', string];
          try {
            const subject = await api.getSubject(kind, id, signal);
            return subject.relations
              .filter((r) => r.type === 'member_of' && r.to.id === id && r.from.kind === 'person')
              .map((r) => r.from.id);
          } catch {
            return [];
          }
        }),
      );
      return [...new Set(groups.flat())];
    },
    [key],
  );
  return useApiData(loader).data ?? [];
}

const GOAL_FORM_ID = 'goal';
const GOAL_FIELDS = ['subjectId', 'domain', 'text', 'targetScore', 'dueDate'] as const;

/** Doel toevoegen: for whom, on which domain (only those the user may write), what, a target and a date. */
function GoalForm({
  detail,
  domains,
  onCreated,
}: {
  detail: CaseDetail;
  domains: readonly LifeDomain[];
  onCreated: (goal: Goal) => void;
}) {
  const members = useMembers(detail);
  const memberNames = usePersonNames(members);
  const subjects = [
    ...detail.subjects.flatMap((s) =>
      s.id === null
        ? []
        : [{ value: s.id, label: `${subjectKindLabel(s.kind)}: ${s.label ?? 'naam afgeschermd'}` }],
    ),
    // The members of a household or group in the case may have goals of their own in its plan.
    ...members.flatMap((id) => {
      const name = memberNames.get(id);
      return name && !detail.subjects.some((s) => s.id === id)
        ? [{ value: id, label: `${detail.type === 'group' ? 'Groepslid' : 'Gezinslid'}: ${name}` }]
        : [];
    }),
  ];
  const onlySubject = subjects.length === 1 ? (subjects[0]?.value ?? '') : '';
  const initial = { subjectId: onlySubject, domain: '', text: '', targetScore: '', dueDate: '' };
  const form = useForm(GOAL_FORM_ID, GOAL_FIELDS, initial);
  const [open, setOpen] = useState(false);

  if (subjects.length === 0) {
    return (
      <Paragraph className="wr-muted">
        Een doel hoort bij een betrokkene van de casus; deze casus heeft er geen die je kunt kiezen.
      </Paragraph>
    );
  }
  if (domains.length === 0) {
    return (
      <Alert type="info">
        Jouw organisatie mag op geen enkel leefgebied schrijven, dus je kunt geen doel toevoegen.
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button
        id={`${GOAL_FORM_ID}-open`}
        appearance="secondary-action"
        aria-expanded={false}
        onClick={() => {
          setOpen(true);
          requestAnimationFrame(() =>
            document.getElementById(`${GOAL_FORM_ID}-${onlySubject ? 'domain' : 'subjectId'}`)?.focus(),
          );
        }}
      >
        Doel toevoegen
      </Button>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { subjectId, domain, text, targetScore, dueDate } = form.values;
    const parsed = createGoalSchema.safeParse({
      subjectId,
      domain,
      text,
      ...(targetScore ? { targetScore: Number(targetScore) } : {}),
      ...(dueDate ? { dueDate } : {}),
    });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (subjectId === '') found.subjectId = 'Kies voor wie het doel is';
    if (domain === '') found.domain = 'Kies een leefgebied';
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(async () => {
      const goal = await api.createGoal(detail.id, parsed.data);
      form.setValues(initial);
      onCreated(goal);
    });
  }

  return (
    <div className="wr-inset wr-goal-form">
      <Heading level={4} id={`${GOAL_FORM_ID}-heading`}>
        Doel toevoegen
      </Heading>
      <SubmitForm id={GOAL_FORM_ID} error={form.formError} onSubmit={onSubmit}>
        <SelectField
          {...form.field('subjectId')}
          label="Voor wie"
          placeholder={onlySubject ? undefined : 'Kies een betrokkene'}
          options={subjects}
        />
        <SelectField
          {...form.field('domain')}
          label="Leefgebied"
          description="Alleen de leefgebieden waarop jouw organisatie mag schrijven"
          placeholder="Kies een leefgebied"
          options={keyedOptions(domains)}
        />
        <GoalFields field={form.field} />
        <div className="utrecht-button-group">
          <SubmitButton busy={form.busy}>Doel toevoegen</SubmitButton>
          <Button
            appearance="subtle"
            disabled={form.busy}
            onClick={() => {
              setOpen(false);
              focusSoon(`${GOAL_FORM_ID}-open`);
            }}
          >
            Annuleren
          </Button>
        </div>
      </SubmitForm>
    </div>
  );
}

/** The latest score per domain of each person of the plan (the case's persons, and in a household plan its members). */
function LatestScores({
  plan,
  name,
  labels,
}: {
  plan: Plan;
  name: (subjectId: string | null) => string;
  labels: ReadonlyMap<string, string>;
}) {
  if (plan.latestScores.length === 0) {
    return <Paragraph>Er zijn nog geen scores (op leefgebieden die je mag zien).</Paragraph>;
  }
  const subjects = [...new Set(plan.latestScores.map((s) => s.subjectId))];
  return (
    <>
      {subjects.map((subjectId) => (
        <ScoreProfile
          key={subjectId ?? 'afgeschermd'}
          caption={`Laatste scores van ${name(subjectId)}`}
          rows={plan.latestScores.filter((s) => s.subjectId === subjectId)}
          labels={labels}
        />
      ))}
    </>
  );
}

/** The household plan: the members' own cases (the person approach) with their goals. */
function HouseholdPlan({
  plan,
  labels,
  name,
}: {
  plan: Plan;
  labels: ReadonlyMap<string, string>;
  name: (subjectId: string | null) => string;
}) {
  return (
    <>
      <Heading level={3} id="household-plan-heading">
        Gezinsplan: de eigen aanpak van gezinsleden
      </Heading>
      {plan.linkedCases.length === 0 ? (
        <Paragraph>Er zijn geen casussen van gezinsleden die je mag zien.</Paragraph>
      ) : (
        <ul className="wr-plain-list wr-household-plan" aria-labelledby="household-plan-heading">
          {plan.linkedCases.map((linked) => {
            const goals = plan.linkedGoals.filter((g) => g.caseId === linked.id);
            return (
              <li key={linked.id} className="wr-household-plan__case">
                <TextLink to={`/casussen/${linked.id}`}>Casus {linked.reference}</TextLink>
                {linked.subjectId && <> van {name(linked.subjectId)}</>}
                {goals.length === 0 ? (
                  <Paragraph className="wr-muted">Geen doelen (die je mag zien).</Paragraph>
                ) : (
                  <ul>
                    {goals.map((g) => (
                      <li key={g.id}>
                        {goalLabel(g, labels)}{' '}
                        <span className="wr-muted">
                          — {GOAL_STATUS_LABELS[g.status]}
                          {g.targetScore ? `, streefscore ${scoreText(g.targetScore)}` : ''}
                          {g.dueDate ? `, termijn ${formatDate(g.dueDate)}` : ''}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function EvaluationList({
  evaluations,
  goals,
  labels,
}: {
  evaluations: readonly Evaluation[];
  goals: readonly Goal[];
  labels: ReadonlyMap<string, string>;
}) {
  if (evaluations.length === 0) return <Paragraph>Er is nog niet geëvalueerd.</Paragraph>;
  const goalById = new Map(goals.map((g) => [g.id, g]));
  const newestFirst = [...evaluations].reverse();
  return (
    <ol className="wr-plain-list wr-evaluations" aria-labelledby="evaluations-heading">
      {newestFirst.map((e) => (
        <li key={e.id}>
          <article className="wr-evaluation" aria-labelledby={`evaluation-${e.id}`}>
            <Heading level={4} id={`evaluation-${e.id}`}>
              Evaluatie van {formatDate(e.date)}
            </Heading>
            {e.authorName && <Paragraph className="wr-muted">Door {e.authorName}</Paragraph>}
            <div className="wr-evaluation__text">{e.text}</div>
            {e.goalStatuses.length > 0 && (
              <ul>
                {e.goalStatuses.map((s) => {
                  const goal = goalById.get(s.goalId);
                  return (
                    <li key={s.goalId}>
                      {goal ? goalLabel(goal, labels) : 'Doel'}:{' '}
                      <strong>{GOAL_STATUS_LABELS[s.status]}</strong>
                    </li>
                  );
                })}
              </ul>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}

const EVALUATION_FORM_ID = 'evaluation';
const EVALUATION_FIELDS = ['date', 'text', 'goalStatuses'] as const;

/**
 * Evaluatie vastleggen: the date, how things stand, and per goal its status at this moment — the goals on
 * domains the user's partner may write (the others it reads, but does not judge).
 */
function EvaluationForm({
  caseId,
  goals,
  labels,
  onCreated,
}: {
  caseId: string;
  goals: readonly Goal[];
  labels: ReadonlyMap<string, string>;
  onCreated: (evaluation: Evaluation) => void;
}) {
  const form = useFormSubmit(EVALUATION_FORM_ID, EVALUATION_FIELDS);
  const [date, setDate] = useState(todayIso);
  const [text, setText] = useState('');
  const [statuses, setStatuses] = useState<Record<string, GoalStatus>>({});
  const statusOf = (goal: Goal) => statuses[goal.id] ?? goal.status;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createEvaluationSchema.safeParse({
      date,
      text,
      ...(goals.length > 0
        ? { goalStatuses: goals.map((g) => ({ goalId: g.id, status: statusOf(g) })) }
        : {}),
    });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (date === '') found.date = 'Vul de datum van de evaluatie in';
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(async () => {
      const evaluation = await api.createEvaluation(caseId, parsed.data);
      setText('');
      setStatuses({});
      onCreated(evaluation);
    });
  }

  return (
    <div className="wr-inset wr-evaluation-form">
      <Heading level={4} id={`${EVALUATION_FORM_ID}-heading`}>
        Evaluatie vastleggen
      </Heading>
      <SubmitForm id={EVALUATION_FORM_ID} error={form.formError} onSubmit={onSubmit}>
        <DateField
          id={`${EVALUATION_FORM_ID}-date`}
          label="Datum"
          value={date}
          error={form.errors.date}
          onValue={setDate}
        />
        <TextareaField
          id={`${EVALUATION_FORM_ID}-text`}
          label="Stand van zaken"
          description="Wat is er bereikt, wat loopt er nog, wat verandert er in de aanpak?"
          rows={4}
          value={text}
          error={form.errors.text}
          onValue={setText}
        />
        {goals.map((goal) => (
          <SelectField
            key={goal.id}
            id={`${EVALUATION_FORM_ID}-goal-${goal.id}`}
            label={`Status: ${goalLabel(goal, labels)}`}
            options={STATUS_OPTIONS}
            value={statusOf(goal)}
            onValue={(value) => setStatuses((current) => ({ ...current, [goal.id]: value as GoalStatus }))}
          />
        ))}
        <SubmitButton busy={form.busy}>Evaluatie vastleggen</SubmitButton>
      </SubmitForm>
    </div>
  );
}

import {
  type Assessment,
  type CaseSummary,
  createAssessmentSchema,
  hasPermission,
  LIFE_DOMAIN_GROUP_LABELS,
  LIFE_DOMAIN_GROUPS,
  type LifeDomain,
  NOT_DISCUSSED_LABEL,
} from '@wijkregie/shared';
import type { ChartConfiguration } from 'chart.js';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, ErrorAlert } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { ChartCanvas } from '../../components/Chart.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { DateField, SelectField, TextField } from '../../components/fields.tsx';
import { Heading, Paragraph } from '../../components/Heading.tsx';
import { latestOf, ScoreCell, ScoreProfile } from '../../components/Scores.tsx';
import { Section } from '../../components/Section.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { todayIso } from '../../lib/dates.ts';
import { formatDate } from '../../lib/format.ts';
import { domainLabel, SCORE_OPTIONS, scoreText, useLifeDomains, writableDomains } from '../../lib/plans.ts';
import { useMyAccess } from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';

const shortDate = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "3 mrt 2026": a column of the trend. */
function formatShortDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : shortDate.format(date).replace('.', '');
}

export interface AssessmentsSectionProps {
  personId: string;
  personName: string;
  /** The cases of the person the user sees; scores are given within one of them. */
  cases: readonly CaseSummary[];
  onSaved: (message: string) => void;
}

/**
 * Zelfredzaamheid (ZRM): the latest score per domain as a profile, the trend as a domains × dates grid
 * and a small chart per domain, and a form to record scores on the domains the user's partner may write.
 * Only the domains the partner may read are in the answer at all.
 */
export function AssessmentsSection({ personId, personName, cases, onSaved }: AssessmentsSectionProps) {
  const user = useUser();
  const loader = useCallback((signal: AbortSignal) => api.listAssessments(personId, signal), [personId]);
  const assessments = useApiData(loader);
  const domains = useLifeDomains();
  const access = useMyAccess();
  const items = assessments.data?.items ?? [];
  const trendDomains = scoredDomains(items, domains.labels);
  const openCases = cases.filter((c) => c.status !== 'closed');
  const writable = writableDomains(domains.data?.items ?? [], access.data?.cells ?? []);
  const mayAssess = hasPermission(user, 'cases.write');

  return (
    <Section id="zelfredzaamheid" title="Zelfredzaamheid" className="wr-card wr-assessments">
      <ErrorAlert message={assessments.error ?? domains.error} />
      {assessments.loading && !assessments.data && <Paragraph>De scores worden geladen…</Paragraph>}
      {assessments.data && domains.data && (
        <>
          {items.length === 0 ? (
            <Paragraph>Er zijn nog geen scores op de leefgebieden die je mag zien.</Paragraph>
          ) : (
            <>
              <Heading level={3} id="profile-heading">
                Laatste scores
              </Heading>
              <ScoreProfile
                caption={`Laatste score per leefgebied van ${personName}`}
                rows={latestOf(items)}
                labels={domains.labels}
              />
              <TrendGrid assessments={items} domains={trendDomains} />
              <TrendCharts assessments={items} domains={trendDomains} />
            </>
          )}
          {mayAssess && (
            <AssessmentForm
              personId={personId}
              cases={openCases}
              domains={writable}
              accessLoaded={access.data !== null}
              onSaved={(assessment) => {
                assessments.reload();
                onSaved(
                  `De scores van ${formatDate(assessment.date)} zijn vastgelegd (${assessment.scores.length} ${
                    assessment.scores.length === 1 ? 'leefgebied' : 'leefgebieden'
                  }).`,
                );
              }}
            />
          )}
        </>
      )}
    </Section>
  );
}

interface ScoredDomain {
  key: string;
  label: string;
}

/** The domains that have a score in any of the assessments, in the municipality's order. */
function scoredDomains(
  assessments: readonly Assessment[],
  labels: ReadonlyMap<string, string>,
): ScoredDomain[] {
  const scored = new Set(assessments.flatMap((a) => a.scores.map((s) => s.domain)));
  const known = [...labels.keys()].filter((key) => scored.has(key));
  return [...known, ...[...scored].filter((key) => !labels.has(key))].map((key) => ({
    key,
    label: domainLabel(labels, key),
  }));
}

/** What the trend grid and the trend charts show: the assessments, oldest first, and their domains. */
interface TrendProps {
  assessments: readonly Assessment[];
  domains: readonly ScoredDomain[];
}

/**
 * The trend: a row per domain, a column per assessment (oldest left), each cell the score and its level
 * on the level's colour. At phone width the grid scrolls sideways with the domain column kept in view.
 */
function TrendGrid({ assessments, domains }: TrendProps) {
  return (
    <>
      <Heading level={3} id="trend-heading">
        Verloop
      </Heading>
      <Paragraph className="wr-muted">
        Per leefgebied de score op elke datum, de oudste links. 1 is acute problematiek, 5 volledig
        zelfredzaam.
      </Paragraph>
      {/* A region with a name and a tab stop: keyboard users can scroll the grid sideways. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
      <section className="wr-trend" aria-labelledby="trend-caption" tabIndex={0}>
        <table className="wr-table wr-trend__table">
          <caption id="trend-caption" className="utrecht-table__caption">
            Scores per leefgebied en datum
          </caption>
          <thead>
            <tr>
              <th scope="col" className="wr-trend__corner">
                Leefgebied
              </th>
              {assessments.map((a) => (
                <th key={a.id} scope="col" className="wr-trend__date">
                  <time dateTime={a.date}>{formatShortDate(a.date)}</time>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {domains.map((domain) => (
              <tr key={domain.key}>
                <th scope="row" className="wr-trend__domain">
                  {domain.label}
                </th>
                {assessments.map((a) => {
                  const score = a.scores.find((s) => s.domain === domain.key);
                  return (
                    <td key={a.id} className="wr-trend__cell">
                      {score ? (
                        <ScoreCell score={score.score} />
                      ) : (
                        <span className="wr-muted">
                          <span aria-hidden="true">–</span>
                          <VisuallyHidden>{NOT_DISCUSSED_LABEL}</VisuallyHidden>
                        </span>
                      )}
                      {score?.note && <span className="wr-trend__note">{score.note}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** A small line chart per domain with at least one score: the same numbers as the grid, as a picture. */
function TrendCharts({ assessments, domains }: TrendProps) {
  return (
    <>
      <Heading level={3} id="trend-charts-heading">
        Verloop per leefgebied
      </Heading>
      <ul className="wr-tiles wr-trend-charts" aria-labelledby="trend-charts-heading">
        {domains.map((domain) => (
          <li key={domain.key}>
            <DomainChart domain={domain.key} label={domain.label} assessments={assessments} />
          </li>
        ))}
      </ul>
    </>
  );
}

function DomainChart({
  domain,
  label,
  assessments,
}: {
  domain: string;
  label: string;
  assessments: readonly Assessment[];
}) {
  const points = useMemo(
    () =>
      assessments.flatMap((a) => {
        const score = a.scores.find((s) => s.domain === domain);
        return score ? [{ date: a.date, score: score.score }] : [];
      }),
    [assessments, domain],
  );
  const config = useMemo(
    (): ChartConfiguration<'line'> => ({
      type: 'line',
      data: {
        labels: points.map((p) => formatShortDate(p.date)),
        datasets: [
          {
            label,
            data: points.map((p) => p.score),
            borderColor: 'hsl(211 60% 22%)',
            backgroundColor: 'hsl(211 60% 22%)',
            pointRadius: 4,
            tension: 0,
            // Points on 1 and 5 are drawn whole, past the edge of the plot.
            clip: 8,
          },
        ],
      },
      options: {
        layout: { padding: { top: 6, right: 6 } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => scoreText(Number(item.raw)) } },
        },
        scales: {
          y: { min: 1, max: 5, ticks: { stepSize: 1 } },
          x: { ticks: { maxRotation: 0, autoSkip: true } },
        },
      },
    }),
    [points, label],
  );
  const first = points[0];
  const last = points.at(-1);
  const summary =
    first && last && points.length > 1
      ? `${label}: van ${scoreText(first.score)} op ${formatDate(first.date)} naar ${scoreText(last.score)} op ${formatDate(last.date)}, ${points.length} scores.`
      : first
        ? `${label}: één score, ${scoreText(first.score)} op ${formatDate(first.date)}.`
        : `${label}: geen scores.`;
  return (
    <figure className="wr-trend-chart">
      <figcaption className="wr-trend-chart__caption">{label}</figcaption>
      <ChartCanvas config={config} label={summary} height="9rem" />
    </figure>
  );
}

const FORM_ID = 'assessment';
const FIELDS = ['caseId', 'date', 'scores'] as const;

interface AssessmentFormProps {
  personId: string;
  /** The open cases of the person that the user sees. */
  cases: readonly CaseSummary[];
  /** Only the domains the user's partner may write. */
  domains: readonly LifeDomain[];
  accessLoaded: boolean;
  onSaved: (assessment: Assessment) => void;
}

/** Scores vastleggen: a case, a date, and per domain a score 1–5 or "niet besproken" with a note. */
function AssessmentForm({ personId, cases, domains, accessLoaded, onSaved }: AssessmentFormProps) {
  const form = useFormSubmit(FORM_ID, FIELDS, { leaf: false });
  const onlyCase = cases.length === 1 ? (cases[0]?.id ?? '') : '';
  const [caseId, setCaseId] = useState(onlyCase);
  const [date, setDate] = useState(todayIso);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});

  if (!accessLoaded) return null;
  const heading = (
    <Heading level={3} id={`${FORM_ID}-heading`}>
      Scores vastleggen
    </Heading>
  );
  if (cases.length === 0) {
    return (
      <div className="wr-inset">
        {heading}
        <Paragraph>
          Scores horen bij een lopende casus van deze persoon; die is er niet (die je mag zien).
        </Paragraph>
      </div>
    );
  }
  if (domains.length === 0) {
    return (
      <div className="wr-inset">
        {heading}
        <Alert type="info">
          Jouw organisatie mag op geen enkel leefgebied scoren: de autorisatiematrix geeft haar geen
          schrijfrecht op hun categorieën.
        </Alert>
      </div>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = domains.flatMap((d) => {
      const score = scores[d.key] ?? '';
      if (score === '') return [];
      const note = (notes[d.key] ?? '').trim();
      return [{ domain: d.key, score: Number(score), ...(note ? { note } : {}) }];
    });
    const parsed = createAssessmentSchema.safeParse({ caseId, date, scores: chosen });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (caseId === '') found.caseId = 'Kies de casus waarin je scoort';
    if (date === '') found.date = 'Vul de datum van het gesprek in';
    if (chosen.length === 0) found.scores = 'Geef op minstens één leefgebied een score';
    if (!form.validate(found) || !parsed.success) {
      // The group has no text input to take the focus: its first select does.
      if (found.caseId === undefined && found.date === undefined && found.scores !== undefined) {
        document.getElementById(`${FORM_ID}-score-${domains[0]?.key ?? ''}`)?.focus();
      }
      return;
    }
    await form.submit(async () => {
      const saved = await api.createAssessment(personId, parsed.data);
      setScores({});
      setNotes({});
      onSaved(saved);
    });
  }

  const groups = LIFE_DOMAIN_GROUPS.map((group) => ({
    group,
    items: domains.filter((d) => d.group === group),
  })).filter((g) => g.items.length > 0);

  return (
    <div className="wr-inset wr-assessment-form">
      {heading}
      <SubmitForm id={FORM_ID} error={form.formError} onSubmit={onSubmit}>
        <SelectField
          id={`${FORM_ID}-caseId`}
          label="Casus"
          placeholder={onlyCase ? undefined : 'Kies een casus'}
          options={cases.map((c) => ({ value: c.id, label: `${c.reference} ${c.title}` }))}
          value={caseId}
          error={form.errors.caseId}
          onValue={setCaseId}
        />
        <DateField
          id={`${FORM_ID}-date`}
          label="Datum"
          value={date}
          error={form.errors.date}
          onValue={setDate}
        />
        <Fieldset
          id={`${FORM_ID}-scores`}
          legend="Scores"
          description="Alleen de leefgebieden waarop jouw organisatie mag schrijven. Laat een leefgebied op „Niet besproken” als het niet aan bod kwam."
          error={form.errors.scores}
        >
          {groups.map(({ group, items }) => (
            <fieldset key={group} className="wr-score-group">
              <legend className="wr-score-group__legend">{LIFE_DOMAIN_GROUP_LABELS[group]}</legend>
              {items.map((domain) => {
                const score = scores[domain.key] ?? '';
                return (
                  <div key={domain.key} className="wr-score-row">
                    <SelectField
                      id={`${FORM_ID}-score-${domain.key}`}
                      label={domain.label}
                      placeholder={NOT_DISCUSSED_LABEL}
                      options={SCORE_OPTIONS}
                      value={score}
                      onValue={(value) => setScores((current) => ({ ...current, [domain.key]: value }))}
                    />
                    {score !== '' && (
                      <TextField
                        id={`${FORM_ID}-note-${domain.key}`}
                        label={`Toelichting ${domain.label} (optioneel)`}
                        value={notes[domain.key] ?? ''}
                        autoComplete="off"
                        onValue={(value) => setNotes((current) => ({ ...current, [domain.key]: value }))}
                      />
                    )}
                  </div>
                );
              })}
            </fieldset>
          ))}
        </Fieldset>
        <SubmitButton busy={form.busy}>Scores vastleggen</SubmitButton>
      </SubmitForm>
    </div>
  );
}

import { formatDate } from '../lib/format.ts';
import { domainLabel, scoreLevel } from '../lib/plans.ts';
import { DataTable } from './Table.tsx';

/**
 * A ZRM score as the number and its level, on the colour of the level (1 red … 5 green). The text says
 * it all; the colour only helps to see the pattern.
 */
export function ScoreCell({ score }: { score: number }) {
  return (
    <span className={`wr-score wr-score--${score}`}>
      <span className="wr-score__number">{score}</span>{' '}
      <span className="wr-score__level">{scoreLevel(score)}</span>
    </span>
  );
}

export interface ProfileRow {
  domain: string;
  score: number;
  date: string;
}

export interface ScoreProfileProps {
  caption: string;
  rows: readonly ProfileRow[];
  /** The domains' names by key; their order is the order of the rows. */
  labels: ReadonlyMap<string, string>;
  empty?: string;
}

/** The latest score per domain: domain, score with its level, and the date it was given. */
export function ScoreProfile({ caption, rows, labels, empty = 'Nog geen scores.' }: ScoreProfileProps) {
  const order = [...labels.keys()];
  const position = (key: string) => {
    const at = order.indexOf(key);
    return at === -1 ? order.length : at;
  };
  const sorted = [...rows].sort((a, b) => position(a.domain) - position(b.domain));
  return (
    <DataTable
      caption={caption}
      rows={sorted}
      rowKey={(r) => r.domain}
      empty={empty}
      columns={[
        { header: 'Leefgebied', cell: (r) => domainLabel(labels, r.domain) },
        { header: 'Score', cell: (r) => <ScoreCell score={r.score} /> },
        { header: 'Datum', cell: (r) => <span className="wr-nowrap">{formatDate(r.date)}</span> },
      ]}
    />
  );
}

/** The latest score of every domain from assessments given oldest first. */
export function latestOf(
  assessments: readonly { date: string; scores: readonly { domain: string; score: number }[] }[],
): ProfileRow[] {
  const latest = new Map<string, ProfileRow>();
  for (const assessment of assessments) {
    for (const s of assessment.scores) {
      const current = latest.get(s.domain);
      if (!current || current.date <= assessment.date) {
        latest.set(s.domain, { domain: s.domain, score: s.score, date: assessment.date });
      }
    }
  }
  return [...latest.values()];
}

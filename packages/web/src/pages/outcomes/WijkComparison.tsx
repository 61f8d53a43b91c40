import type { Outcomes, OutcomesQuery } from '@wijkregie/shared';
import type { ChartConfiguration } from 'chart.js';
import { useCallback, useMemo } from 'react';
import { api } from '../../api/endpoints.ts';
import { ChartCanvas } from '../../components/Chart.tsx';
import { CsvTable } from '../../components/CsvTable.tsx';
import { Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Section } from '../../components/Section.tsx';
import { useApiData } from '../../lib/useApiData.ts';

/** The colours of improved, same and worsened: the same in every chart of the results page. */
export const OUTCOME_COLOURS = {
  improved: 'hsl(140 55% 28%)',
  same: 'hsl(210 8% 55%)',
  worsened: 'hsl(4 70% 45%)',
} as const;

interface Wijk {
  id: string;
  name: string;
}

interface WijkRow {
  id: string;
  name: string;
  /** Person × domain pairs with two or more scores in the period. */
  scored: number;
  improved: number;
  same: number;
  worsened: number;
  closed: number;
}

function rowOf(wijk: Wijk, o: Outcomes): WijkRow {
  const sum = (pick: (d: Outcomes['domains'][number]) => number) =>
    o.domains.reduce((n, d) => n + pick(d), 0);
  return {
    id: wijk.id,
    name: wijk.name,
    scored: sum((d) => d.persons),
    improved: sum((d) => d.improved),
    same: sum((d) => d.same),
    worsened: sum((d) => d.worsened),
    closed: o.closedCases.reduce((n, c) => n + c.count, 0),
  };
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/**
 * The wijken side by side for the same period: per wijk, how often a person's score on a domain went up,
 * stayed or went down (the same rule as above, counted over all domains), and how many cases closed. One
 * request a wijk, all at once; the API is the same `GET /outcomes?areaId=` as for one wijk.
 */
export function WijkComparison({
  filter,
  wijken,
  fileSuffix,
}: {
  filter: Pick<OutcomesQuery, 'from' | 'to'>;
  wijken: readonly Wijk[];
  fileSuffix: string;
}) {
  const key = `${filter.from ?? ''}|${filter.to ?? ''}|${wijken.map((w) => w.id).join(',')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the period and the wijken (their key) are the whole input.
  const loader = useCallback(
    async (signal: AbortSignal) =>
      Promise.all(
        wijken.map(async (w) => rowOf(w, await api.getOutcomes({ ...filter, areaId: w.id }, signal))),
      ),
    [key],
  );
  const data = useApiData(loader);
  if (wijken.length < 2) return null;
  return (
    <Section id="outcomes-wijken" title="De wijken naast elkaar">
      <Loaded data={data} loading="De wijken worden geladen…">
        {(rows) => <Comparison rows={rows} fileSuffix={fileSuffix} />}
      </Loaded>
    </Section>
  );
}

function Comparison({ rows, fileSuffix }: { rows: readonly WijkRow[]; fileSuffix: string }) {
  const config = useMemo(
    (): ChartConfiguration<'bar'> => ({
      type: 'bar',
      data: {
        labels: rows.map((r) => r.name),
        datasets: [
          {
            label: 'Verbeterd',
            data: rows.map((r) => percent(r.improved, r.scored)),
            backgroundColor: OUTCOME_COLOURS.improved,
          },
          {
            label: 'Gelijk',
            data: rows.map((r) => percent(r.same, r.scored)),
            backgroundColor: OUTCOME_COLOURS.same,
          },
          {
            label: 'Verslechterd',
            data: rows.map((r) => percent(r.worsened, r.scored)),
            backgroundColor: OUTCOME_COLOURS.worsened,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { position: 'top', align: 'start' } },
        scales: {
          x: { stacked: true, max: 100, title: { display: true, text: 'Procent van de scores' } },
          y: { stacked: true },
        },
      },
    }),
    [rows],
  );
  const scoredRows = rows.filter((r) => r.scored > 0);
  const best = [...scoredRows].sort((a, b) => b.improved / b.scored - a.improved / a.scored)[0];
  return (
    <>
      <Paragraph>
        Per wijk hoe vaak de score van een persoon op een leefgebied vooruit of achteruit ging in dezelfde
        periode, over alle leefgebieden samen, als deel van alle scores in die wijk.
      </Paragraph>
      {scoredRows.length > 0 && (
        <figure className="wr-chart">
          <ChartCanvas
            config={config}
            label="Gestapeld staafdiagram per wijk: procent verbeterd, gelijk en verslechterd. De samenvatting staat eronder, de cijfers in de tabel."
            height={`${Math.max(8, rows.length * 2.25 + 5)}rem`}
          />
          <figcaption className="wr-muted">
            {best
              ? `Naar verhouding het vaakst verbeterd: ${best.name} (${percent(best.improved, best.scored)} procent van de scores).`
              : ''}{' '}
            De cijfers staan in de tabel hieronder.
          </figcaption>
        </figure>
      )}
      <CsvTable
        csvLink="Exporteer CSV van de wijken"
        csvFilename={`resultaten-wijken${fileSuffix ? `-${fileSuffix}` : ''}.csv`}
        caption="Per wijk: scores verbeterd, gelijk of verslechterd, en afgesloten casussen"
        rows={rows}
        columns={[
          { header: 'Wijk', cell: (r) => r.name, csv: (r) => r.name },
          {
            header: 'Scores',
            csvHeader: 'Scores (persoon × leefgebied)',
            cell: (r) => r.scored.toLocaleString('nl-NL'),
            csv: (r) => r.scored,
          },
          {
            header: 'Verbeterd',
            cell: (r) => `${r.improved.toLocaleString('nl-NL')} (${percent(r.improved, r.scored)}%)`,
            csv: (r) => r.improved,
          },
          {
            header: 'Gelijk',
            cell: (r) => `${r.same.toLocaleString('nl-NL')} (${percent(r.same, r.scored)}%)`,
            csv: (r) => r.same,
          },
          {
            header: 'Verslechterd',
            cell: (r) => `${r.worsened.toLocaleString('nl-NL')} (${percent(r.worsened, r.scored)}%)`,
            csv: (r) => r.worsened,
          },
          {
            header: 'Afgesloten casussen',
            cell: (r) => r.closed.toLocaleString('nl-NL'),
            csv: (r) => r.closed,
          },
        ]}
      />
    </>
  );
}

import {
  CASE_OUTCOME_LABELS,
  CASE_OUTCOMES,
  type DomainOutcome,
  type Outcomes,
  type OutcomesQuery,
} from '@wijkregie/shared';
import type { ChartConfiguration } from 'chart.js';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { ChartCanvas } from '../../components/Chart.tsx';
import { DownloadLink } from '../../components/DownloadLink.tsx';
import { ChoiceForm, PeriodFields, usePeriodFields } from '../../components/FilterBar.tsx';
import { SelectField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { areaFromParams, areaGroups, wijkOptions } from '../../lib/areas.ts';
import { csvDecimal, spreadsheetCsv } from '../../lib/csv.ts';
import { periodFromParams } from '../../lib/dates.ts';
import { formatDate, plural } from '../../lib/format.ts';
import { domainLabel, useLifeDomains } from '../../lib/plans.ts';
import { useAreas } from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { chosenParams } from '../../lib/usePaging.ts';
import { OUTCOME_COLOURS, WijkComparison } from './WijkComparison.tsx';

export function OutcomesPage() {
  return (
    <Permitted permission="outcomes.read" title="Resultaten">
      <OutcomesView />
    </Permitted>
  );
}

/** The filter of the URL: ?van=&tot=&gebied= (wrong values are left out). */
function filterFromParams(params: URLSearchParams): OutcomesQuery {
  return { ...periodFromParams(params), ...areaFromParams(params) };
}

/**
 * Resultaten (the regisseur): per life domain how many persons improved, stayed the same or worsened
 * between their first and last score in the period, in a wijk or buurt or everywhere; the closed cases
 * by outcome. A chart, the same numbers in a table, and both tables as CSV made here from the same data.
 */
function OutcomesView() {
  usePageTitle('Resultaten');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const chosen = usePeriodFields(filter);
  const [areaId, setAreaId] = useState(filter.areaId ?? '');
  const key = `${filter.from ?? ''}|${filter.to ?? ''}|${filter.areaId ?? ''}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter (its key) is the whole input.
  const loader = useCallback((signal: AbortSignal) => api.getOutcomes(filter, signal), [key]);
  const outcomes = useApiData(loader);
  const domains = useLifeDomains();
  const areas = useAreas();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(chosenParams([...chosen.params, ['gebied', areaId]]));
  }

  const period =
    filter.from || filter.to
      ? `${filter.from ? `vanaf ${formatDate(filter.from)}` : ''}${filter.from && filter.to ? ' ' : ''}${
          filter.to ? `tot en met ${formatDate(filter.to)}` : ''
        }`
      : 'de twaalf maanden tot vandaag';
  const where = filter.areaId ? (areas.names.get(filter.areaId) ?? 'het gekozen gebied') : 'de hele gemeente';

  return (
    <>
      <PageHeading>Resultaten</PageHeading>
      <Paragraph>
        Per leefgebied: hoeveel personen vooruit of achteruit gingen tussen hun eerste en laatste score in de
        periode (alleen wie er minstens twee heeft), en hoe de afgesloten casussen eindigden. Zonder periode:
        de twaalf maanden tot vandaag.
      </Paragraph>
      <ChoiceForm label="Periode en gebied kiezen" submitLabel="Toon resultaten" onSubmit={onSubmit}>
        <PeriodFields id="outcomes" {...chosen.fields} />
        <SelectField
          id="outcomes-area"
          label="Wijk of buurt"
          name="gebied"
          placeholder="Hele gemeente"
          options={[]}
          groups={areaGroups(areas.data?.items)}
          value={areaId}
          onValue={setAreaId}
        />
      </ChoiceForm>
      <Loaded data={outcomes} loading="De resultaten worden geladen…">
        {(data) => (
          <OutcomesResult
            data={data}
            labels={domains.labels}
            description={`${period}, ${where}`}
            fileSuffix={[filter.from, filter.to].filter(Boolean).join('_')}
          />
        )}
      </Loaded>
      {!filter.areaId && (
        <WijkComparison
          filter={{ ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) }}
          wijken={wijkOptions(areas.data?.items).map((o) => ({ id: o.value, name: o.label }))}
          fileSuffix={[filter.from, filter.to].filter(Boolean).join('_')}
        />
      )}
    </>
  );
}

function OutcomesResult({
  data,
  labels,
  description,
  fileSuffix,
}: {
  data: Outcomes;
  labels: ReadonlyMap<string, string>;
  description: string;
  fileSuffix: string;
}) {
  const rows = data.domains.filter((d) => d.persons > 0);
  const closed = CASE_OUTCOMES.map((outcome) => ({
    outcome,
    count: data.closedCases.find((c) => c.outcome === outcome)?.count ?? 0,
  }));
  const totalClosed = closed.reduce((n, c) => n + c.count, 0);
  const suffix = fileSuffix ? `-${fileSuffix}` : '';

  const domainsCsv = spreadsheetCsv(
    [
      'Leefgebied',
      'Personen',
      'Verbeterd',
      'Gelijk',
      'Verslechterd',
      'Gemiddelde eerste score',
      'Gemiddelde laatste score',
    ],
    rows.map((d) => [
      domainLabel(labels, d.domain),
      d.persons,
      d.improved,
      d.same,
      d.worsened,
      csvDecimal(d.averageFirst),
      csvDecimal(d.averageLast),
    ]),
  );
  const closedCsv = spreadsheetCsv(
    ['Uitkomst', 'Aantal casussen'],
    closed.map((c) => [CASE_OUTCOME_LABELS[c.outcome], c.count]),
  );

  return (
    <>
      <Paragraph className="wr-muted">Getoond: {description}.</Paragraph>
      <Section id="outcomes-domains" title="Verandering per leefgebied">
        {rows.length === 0 ? (
          <Paragraph>
            Geen personen met twee of meer scores op een leefgebied in deze periode en dit gebied.
          </Paragraph>
        ) : (
          <>
            <OutcomesChart rows={rows} labels={labels} />
            <Paragraph>
              <DownloadLink text={domainsCsv} filename={`resultaten-leefgebieden${suffix}.csv`}>
                Exporteer CSV van de leefgebieden
              </DownloadLink>
            </Paragraph>
          </>
        )}
        <DataTable
          caption="Personen per leefgebied: verbeterd, gelijk of verslechterd tussen eerste en laatste score"
          rows={rows}
          rowKey={(d) => d.domain}
          empty="Geen gegevens in deze periode."
          columns={[
            { header: 'Leefgebied', cell: (d) => domainLabel(labels, d.domain) },
            { header: 'Personen', cell: (d) => d.persons.toLocaleString('nl-NL') },
            { header: 'Verbeterd', cell: (d) => d.improved.toLocaleString('nl-NL') },
            { header: 'Gelijk', cell: (d) => d.same.toLocaleString('nl-NL') },
            { header: 'Verslechterd', cell: (d) => d.worsened.toLocaleString('nl-NL') },
            { header: 'Gemiddeld eerst', cell: (d) => average(d.averageFirst) },
            { header: 'Gemiddeld laatst', cell: (d) => average(d.averageLast) },
          ]}
        />
      </Section>
      <Section id="outcomes-closed" title="Afgesloten casussen per uitkomst">
        <Paragraph>
          {plural(totalClosed, 'casus', 'casussen')} afgesloten in deze periode.{' '}
          <DownloadLink text={closedCsv} filename={`resultaten-casussen${suffix}.csv`}>
            Exporteer CSV van de afgesloten casussen
          </DownloadLink>
        </Paragraph>
        <DataTable
          caption="Afgesloten casussen per uitkomst"
          rows={closed}
          rowKey={(c) => c.outcome}
          columns={[
            { header: 'Uitkomst', cell: (c) => CASE_OUTCOME_LABELS[c.outcome] },
            { header: 'Aantal', cell: (c) => c.count.toLocaleString('nl-NL') },
          ]}
        />
      </Section>
    </>
  );
}

function average(value: number | null): string {
  return value === null
    ? '–'
    : value.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Stacked bars per domain: improved, same, worsened. The table below holds the same numbers. */
function OutcomesChart({
  rows,
  labels,
}: {
  rows: readonly DomainOutcome[];
  labels: ReadonlyMap<string, string>;
}) {
  const config = useMemo(
    (): ChartConfiguration<'bar'> => ({
      type: 'bar',
      data: {
        labels: rows.map((d) => domainLabel(labels, d.domain)),
        datasets: [
          {
            label: 'Verbeterd',
            data: rows.map((d) => d.improved),
            backgroundColor: OUTCOME_COLOURS.improved,
          },
          { label: 'Gelijk', data: rows.map((d) => d.same), backgroundColor: OUTCOME_COLOURS.same },
          {
            label: 'Verslechterd',
            data: rows.map((d) => d.worsened),
            backgroundColor: OUTCOME_COLOURS.worsened,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { position: 'top', align: 'start' } },
        scales: {
          x: { stacked: true, title: { display: true, text: 'Personen' }, ticks: { precision: 0 } },
          y: { stacked: true },
        },
      },
    }),
    [rows, labels],
  );
  const improved = rows.reduce((n, d) => n + d.improved, 0);
  const worsened = rows.reduce((n, d) => n + d.worsened, 0);
  const same = rows.reduce((n, d) => n + d.same, 0);
  const best = [...rows].sort((a, b) => b.improved / b.persons - a.improved / a.persons)[0];
  const summary = `Gestapeld staafdiagram per leefgebied: ${improved} keer verbeterd, ${same} keer gelijk, ${worsened} keer verslechterd${
    best ? `; naar verhouding het vaakst verbeterd: ${domainLabel(labels, best.domain)}` : ''
  }. De cijfers staan in de tabel hieronder.`;
  return (
    <figure className="wr-chart">
      <ChartCanvas
        config={config}
        label="Gestapeld staafdiagram: verbeterd, gelijk en verslechterd per leefgebied. De samenvatting staat eronder, de cijfers in de tabel."
        height={`${Math.max(10, rows.length * 2.25 + 5)}rem`}
      />
      <figcaption className="wr-muted">{summary}</figcaption>
    </figure>
  );
}

import { CREDITOR_TYPE_LABELS, type MonitorRow } from '@wijkregie/shared';
import type { ChartConfiguration } from 'chart.js';
import { type FormEvent, useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, monitorCsvUrl } from '../../api/endpoints.ts';
import { ChartCanvas } from '../../components/Chart.tsx';
import { ChoiceForm, PeriodFields, usePeriodFields } from '../../components/FilterBar.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { periodFromParams } from '../../lib/dates.ts';
import { formatMonth } from '../../lib/signals.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { chosenParams } from '../../lib/usePaging.ts';
import { SignalsNav } from './SignalParts.tsx';

export function MonitorPage() {
  return (
    <Permitted permission="signals.read" title="Monitor vroegsignalering">
      <Monitor />
    </Permitted>
  );
}

function Monitor() {
  usePageTitle('Monitor vroegsignalering');
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  const chosen = usePeriodFields(period);
  const key = `${period.from ?? ''}|${period.to ?? ''}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the period is the whole input.
  const loader = useCallback((signal: AbortSignal) => api.monitor(period, signal), [key]);
  const monitor = useApiData(loader);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(chosenParams(chosen.params));
  }

  const rows = [...(monitor.data?.items ?? [])].sort(
    (a, b) => a.month.localeCompare(b.month) || a.creditorType.localeCompare(b.creditorType),
  );
  return (
    <>
      <SignalsNav />
      <PageHeading>Monitor vroegsignalering</PageHeading>
      <Paragraph>
        De trechter van de vroegsignalering (Wet gemeentelijke schuldhulpverlening) per maand en soort
        schuldeiser: hoeveel signalen en huishoudens, met hoeveel er contact was, hoeveel hulp accepteerden en
        hoeveel er zijn doorverwezen. Zonder periode: de laatste twaalf maanden.
      </Paragraph>
      <ChoiceForm label="Periode kiezen" submitLabel="Toon periode" onSubmit={onSubmit}>
        <PeriodFields id="monitor" {...chosen.fields} />
      </ChoiceForm>
      <Loaded data={monitor} loading="De cijfers worden geladen…">
        {() => (
          <>
            <Paragraph>
              <a className="utrecht-link utrecht-link--html-a" href={monitorCsvUrl(period)} download>
                Exporteer CSV<span className="wr-visually-hidden"> van de monitor</span>
              </a>
            </Paragraph>
            <Section id="monitor-chart" title="Per maand">
              <FunnelChart rows={rows} />
            </Section>
            <DataTable
              caption="Trechter per maand en soort schuldeiser"
              rows={rows}
              rowKey={(r) => `${r.month}-${r.creditorType}`}
              empty="Geen vroegsignalen in deze periode."
              columns={[
                { header: 'Maand', cell: (r) => <span className="wr-nowrap">{formatMonth(r.month)}</span> },
                {
                  header: 'Schuldeiser',
                  cell: (r) => CREDITOR_TYPE_LABELS[r.creditorType] ?? r.creditorType,
                },
                { header: 'Signalen', cell: (r) => r.signals.toLocaleString('nl-NL') },
                { header: 'Huishoudens', cell: (r) => r.households.toLocaleString('nl-NL') },
                { header: 'Contact', cell: (r) => r.contacted.toLocaleString('nl-NL') },
                { header: 'Hulp geaccepteerd', cell: (r) => r.helpAccepted.toLocaleString('nl-NL') },
                { header: 'Doorverwezen', cell: (r) => r.referred.toLocaleString('nl-NL') },
              ]}
            />
          </>
        )}
      </Loaded>
    </>
  );
}

const SERIES = [
  { key: 'signals', label: 'Signalen', colour: 'hsl(211 60% 22%)' },
  { key: 'contacted', label: 'Contact', colour: 'hsl(190 70% 32%)' },
  { key: 'helpAccepted', label: 'Hulp geaccepteerd', colour: 'hsl(30 90% 40%)' },
] as const;

/**
 * Bars per month (all creditor types together): signals, contact, help accepted, drawn by Chart.js. The
 * chart is a picture of the table below, which holds the numbers for screen readers and for copying.
 */
function FunnelChart({ rows }: { rows: readonly MonitorRow[] }) {
  const totals = useMemo(() => {
    const months = [...new Set(rows.map((r) => r.month))].sort();
    return months.map((month) => {
      const of = rows.filter((r) => r.month === month);
      return {
        month,
        signals: of.reduce((n, r) => n + r.signals, 0),
        contacted: of.reduce((n, r) => n + r.contacted, 0),
        helpAccepted: of.reduce((n, r) => n + r.helpAccepted, 0),
      };
    });
  }, [rows]);
  const config = useMemo(
    (): ChartConfiguration<'bar'> => ({
      type: 'bar',
      data: {
        labels: totals.map((t) => formatMonth(t.month)),
        datasets: SERIES.map((s) => ({
          label: s.label,
          data: totals.map((t) => t[s.key]),
          backgroundColor: s.colour,
        })),
      },
      options: {
        plugins: { legend: { position: 'top', align: 'start' } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
    [totals],
  );
  if (totals.length === 0) return <Paragraph>Geen gegevens om te tonen.</Paragraph>;
  const total = totals.reduce((n, t) => n + t.signals, 0);
  return (
    <figure className="wr-chart">
      <ChartCanvas
        config={config}
        label={`Staafdiagram van signalen, contact en hulp geaccepteerd per maand; ${total} signalen in totaal. De cijfers staan in de tabel hieronder.`}
        height="16rem"
      />
    </figure>
  );
}

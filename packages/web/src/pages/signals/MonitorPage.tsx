import { CREDITOR_TYPE_LABELS, type MonitorRow } from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, monitorCsvUrl } from '../../api/endpoints.ts';
import { Button } from '../../components/Button.tsx';
import { DateField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { DATE_PATTERN } from '../../lib/dates.ts';
import { formatMonth } from '../../lib/signals.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignalsNav } from './SignalParts.tsx';

export function MonitorPage() {
  return (
    <Permitted permission="signals.read" title="Monitor vroegsignalering">
      <Monitor />
    </Permitted>
  );
}

function periodFromParams(params: URLSearchParams): { from?: string; to?: string } {
  const from = params.get('van') ?? '';
  const to = params.get('tot') ?? '';
  return {
    ...(DATE_PATTERN.test(from) ? { from } : {}),
    ...(DATE_PATTERN.test(to) ? { to } : {}),
  };
}

function Monitor() {
  usePageTitle('Monitor vroegsignalering');
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  const [from, setFrom] = useState(period.from ?? '');
  const [to, setTo] = useState(period.to ?? '');
  const key = `${period.from ?? ''}|${period.to ?? ''}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the period is the whole input.
  const loader = useCallback((signal: AbortSignal) => api.monitor(period, signal), [key]);
  const monitor = useApiData(loader);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (from) next.set('van', from);
    if (to) next.set('tot', to);
    setParams(next);
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
      <form className="wr-card wr-filters" aria-label="Periode kiezen" onSubmit={onSubmit}>
        <div className="wr-field-row">
          <DateField id="monitor-from" label="Vanaf" name="van" value={from} onValue={setFrom} />
          <DateField id="monitor-to" label="Tot en met" name="tot" value={to} onValue={setTo} />
        </div>
        <div>
          <Button type="submit" appearance="primary-action">
            Toon periode
          </Button>
        </div>
      </form>
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
  { key: 'signals', label: 'Signalen', className: 'wr-chart__bar--signals' },
  { key: 'contacted', label: 'Contact', className: 'wr-chart__bar--contacted' },
  { key: 'helpAccepted', label: 'Hulp geaccepteerd', className: 'wr-chart__bar--accepted' },
] as const;

/**
 * Bars per month (all creditor types together): signals, contact, help accepted. The chart is a picture
 * of the table below, which holds the numbers for screen readers and for copying.
 */
function FunnelChart({ rows }: { rows: readonly MonitorRow[] }) {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  if (months.length === 0) return <Paragraph>Geen gegevens om te tonen.</Paragraph>;
  const totals = months.map((month) => {
    const of = rows.filter((r) => r.month === month);
    return {
      month,
      signals: of.reduce((n, r) => n + r.signals, 0),
      contacted: of.reduce((n, r) => n + r.contacted, 0),
      helpAccepted: of.reduce((n, r) => n + r.helpAccepted, 0),
    };
  });
  const max = Math.max(1, ...totals.map((t) => t.signals), ...totals.map((t) => t.contacted));
  const barWidth = 14;
  const groupWidth = SERIES.length * barWidth + 18;
  const chartHeight = 160;
  const width = Math.max(240, months.length * groupWidth + 10);
  const total = totals.reduce((n, t) => n + t.signals, 0);
  return (
    <figure className="wr-chart">
      <svg
        role="img"
        aria-label={`Staafdiagram van signalen, contact en hulp geaccepteerd per maand; ${total} signalen in totaal. De cijfers staan in de tabel hieronder.`}
        viewBox={`0 0 ${width} ${chartHeight + 40}`}
        className="wr-chart__svg"
        style={{ maxInlineSize: `${width * 1.6}px` }}
      >
        <line x1="0" y1={chartHeight} x2={width} y2={chartHeight} className="wr-chart__axis" />
        {totals.map((t, i) => {
          const x0 = 10 + i * groupWidth;
          return (
            <g key={t.month}>
              {SERIES.map((s, j) => {
                const value = t[s.key];
                const h = (value / max) * (chartHeight - 20);
                return (
                  <rect
                    key={s.key}
                    x={x0 + j * barWidth}
                    y={chartHeight - h}
                    width={barWidth - 2}
                    height={h}
                    className={`wr-chart__bar ${s.className}`}
                  />
                );
              })}
              <text
                x={x0 + (SERIES.length * barWidth) / 2}
                y={chartHeight + 16}
                textAnchor="middle"
                className="wr-chart__label"
              >
                {t.month.slice(5)}-{t.month.slice(2, 4)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="wr-chart__legend">
          {SERIES.map((s) => (
            <li key={s.key}>
              <span className={`wr-chart__swatch ${s.className}`} aria-hidden="true" /> {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

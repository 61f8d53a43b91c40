import { type Area, type AreaPicture, hasPermission, type PictureQuery } from '@wijkregie/shared';
import type { ChartConfiguration } from 'chart.js';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, areaReportUrl } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { AreaPictureMap, type IncidentClass, incidentClasses } from '../../components/AreaPictureMap.tsx';
import { ChartCanvas } from '../../components/Chart.tsx';
import { CsvTable } from '../../components/CsvTable.tsx';
import { ChoiceForm, PeriodFields } from '../../components/FilterBar.tsx';
import { SelectField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { PrimaryLink, TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { areaAt } from '../../lib/area-geometry.ts';
import { areaFromParams, areaGroups } from '../../lib/areas.ts';
import { periodFromParams } from '../../lib/dates.ts';
import { formatDate, keyedOptions, plural } from '../../lib/format.ts';
import { useAreas } from '../../lib/reference.ts';
import { formatMonth, formatPoint } from '../../lib/signals.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { chosenParams } from '../../lib/usePaging.ts';
import './NeighbourhoodPage.css';

export function NeighbourhoodPage() {
  return (
    <Permitted permission="areas.read" title="Wijkbeeld">
      <NeighbourhoodView />
    </Permitted>
  );
}

/** The form of a key of an incident category (migration 018). */
const CATEGORY_KEY = /^[a-z][a-z0-9_]{1,59}$/;

/** The choice of the URL: ?gebied=&van=&tot=&soort= (wrong values are left out). */
function choiceFromParams(params: URLSearchParams): PictureQuery & { areaId?: string } {
  const category = params.get('soort') ?? '';
  return {
    ...periodFromParams(params),
    ...areaFromParams(params),
    ...(CATEGORY_KEY.test(category) ? { category } : {}),
  };
}

const loadIncidentCategories = (signal: AbortSignal) => api.listIncidentCategories(signal);

/** A count about people: `null` (under five, withheld by the server) is "<5". */
const personCount = (n: number | null) => (n === null ? '<5' : n.toLocaleString('nl-NL'));
const exact = (n: number) => n.toLocaleString('nl-NL');

/**
 * Wijkbeeld: the picture of a wijk or buurt over a period — the map (buurten shaded by incidents, the
 * hotspots), and the same numbers in tables (per buurt, per month, per kind, the hotspots), a trend chart
 * and CSV. The choice of area and period lives in the URL. Counts about people under five are "<5".
 */
function NeighbourhoodView() {
  usePageTitle('Wijkbeeld');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const choice = choiceFromParams(params);
  const areas = useAreas();
  const items = areas.data?.items;
  // The chosen area, or else the first wijk (the list has the wijken first).
  const area = useMemo(
    () => items?.find((a) => a.id === choice.areaId) ?? items?.find((a) => a.kind === 'wijk') ?? items?.[0],
    [items, choice.areaId],
  );
  const pictureAreaId = area?.id;
  const { from: periodFrom, to: periodTo, category: pictureCategory } = choice;
  const loader = useCallback(
    (signal: AbortSignal) =>
      pictureAreaId
        ? api.getAreaPicture(
            pictureAreaId,
            {
              ...(periodFrom ? { from: periodFrom } : {}),
              ...(periodTo ? { to: periodTo } : {}),
              ...(pictureCategory ? { category: pictureCategory } : {}),
            },
            signal,
          )
        : Promise.resolve(null),
    [pictureAreaId, periodFrom, periodTo, pictureCategory],
  );
  const picture = useApiData(loader);
  const categories = useApiData(loadIncidentCategories);
  const categoryLabels = useMemo(
    () => new Map((categories.data?.items ?? []).map((c) => [c.key, c.label])),
    [categories.data],
  );

  // The fields start from the URL, or else from what is shown (the first wijk, the API's twelve months).
  const [areaId, setAreaId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const shown = picture.data;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(
      chosenParams([
        ['gebied', areaId ?? area?.id ?? ''],
        ['van', from ?? choice.from ?? shown?.from ?? ''],
        ['tot', to ?? choice.to ?? shown?.to ?? ''],
        ['soort', category ?? choice.category ?? ''],
      ]),
    );
  }

  return (
    <>
      <PageHeading>Wijkbeeld</PageHeading>
      <Paragraph>
        Wat er speelt in een wijk of buurt: incidenten (gebeurtenissen op een plek), signalen en casussen per
        maand en per buurt, en waar incidenten zich ophopen. Zonder periode: de twaalf maanden tot vandaag.
      </Paragraph>
      <Paragraph>
        <TextLink to="/wijkbeeld/bewonersgroepen">Bewonersgroepen</TextLink>: buurtpreventie,
        bewonerscommissies, de wijkraad en WhatsApp-groepen, met hun meldingen.
      </Paragraph>
      <Paragraph>
        <TextLink to="/wijkbeeld/enquetes">Bewonersenquêtes</TextLink>: hoe bewoners de veiligheid en de
        samenhang in hun buurt ervaren, per buurt.
      </Paragraph>
      {hasPermission(user, 'incidents.write') && (
        <>
          <PrimaryLink to="/wijkbeeld/incidenten/nieuw">Incident vastleggen</PrimaryLink>
          <Paragraph>
            <TextLink to="/wijkbeeld/incidenten/import">Incidenten importeren</TextLink> uit de export van een
            partner (CSV)
          </Paragraph>
        </>
      )}
      <Loaded data={areas} loading="De wijken en buurten worden geladen…">
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>
              Er zijn nog geen wijken of buurten ingelezen. De functioneel beheerder doet dat.
            </Paragraph>
          ) : (
            <>
              <ChoiceForm
                label="Gebied, periode en soort incident kiezen"
                submitLabel="Toon wijkbeeld"
                onSubmit={onSubmit}
              >
                <SelectField
                  id="picture-area"
                  label="Wijk of buurt"
                  name="gebied"
                  options={[]}
                  groups={areaGroups(list.items)}
                  value={areaId ?? area?.id ?? ''}
                  onValue={setAreaId}
                />
                <PeriodFields
                  id="picture"
                  from={from ?? choice.from ?? shown?.from ?? ''}
                  to={to ?? choice.to ?? shown?.to ?? ''}
                  onFrom={setFrom}
                  onTo={setTo}
                />
                <SelectField
                  id="picture-category"
                  label="Soort incident"
                  name="soort"
                  placeholder="Alle soorten"
                  options={keyedOptions(categories.data?.items)}
                  value={category ?? choice.category ?? ''}
                  onValue={setCategory}
                />
              </ChoiceForm>
              <Loaded data={picture} loading="Het wijkbeeld wordt geladen…" busy>
                {(data) => (
                  <PictureView
                    data={data}
                    areas={list.items}
                    areaName={areas.names.get(data.area.id) ?? data.area.name}
                    categoryLabels={categoryLabels}
                    category={pictureCategory}
                  />
                )}
              </Loaded>
            </>
          )
        }
      </Loaded>
    </>
  );
}

function PictureView({
  data,
  areas,
  areaName,
  categoryLabels,
  category,
}: {
  data: AreaPicture;
  areas: readonly Area[];
  areaName: string;
  categoryLabels: ReadonlyMap<string, string>;
  /** The kind of incident the incident counts are restricted to, if one was chosen. */
  category: string | undefined;
}) {
  const totalIncidents = data.months.reduce((n, m) => n + m.incidents, 0);
  const suffix = `${data.area.code}-${data.from}_${data.to}`;
  const classes = useMemo(() => incidentClasses(data.buurten.map((b) => b.incidents)), [data.buurten]);

  const hotspots = data.hotspots.slice(0, 10).map((h, i) => ({
    ...h,
    rank: i + 1,
    buurt: areaAt(areas, h)?.name ?? 'buiten de buurten',
  }));

  return (
    <>
      <Paragraph className="wr-muted">
        Getoond: {areaName}, {formatDate(data.from)} tot en met {formatDate(data.to)};{' '}
        {plural(totalIncidents, 'incident', 'incidenten')}
        {category ? ` van de soort ${categoryLabels.get(category) ?? category}` : ''}.
      </Paragraph>
      <Paragraph>
        <a
          className="utrecht-link utrecht-link--html-a"
          href={areaReportUrl(data.area.id, data.from, data.to)}
          download
        >
          Download het wijkbeeld als PDF
        </a>
      </Paragraph>
      <Paragraph>
        Aantallen over mensen (signalen en casussen) onder de vijf staan er als “&lt;5”: zo wijst het beeld
        van een kleine buurt nooit een huishouden aan. Incidenten gaan over plekken en zijn exact.
      </Paragraph>

      <Approaches areaId={data.area.id} />

      <Section id="wijkbeeld-kaart" title="Kaart">
        <PictureMapFigure
          data={data}
          areas={areas}
          areaName={areaName}
          classes={classes}
          hotspots={hotspots}
        />
      </Section>

      <Section id="wijkbeeld-buurten" title="Per buurt">
        <CsvTable
          csvLink="Exporteer CSV van de buurten"
          csvFilename={`wijkbeeld-buurten-${suffix}.csv`}
          caption="Per buurt: incidenten en signalen in de periode, casussen die nu open zijn"
          rows={data.buurten}
          empty="Geen buurten in dit gebied."
          columns={[
            { header: 'Buurt', cell: (b) => b.name, csv: (b) => b.name },
            { header: 'Incidenten', cell: (b) => exact(b.incidents), csv: (b) => b.incidents },
            { header: 'Signalen', cell: (b) => personCount(b.signals), csv: (b) => personCount(b.signals) },
            {
              header: 'Open casussen',
              cell: (b) => personCount(b.openCases),
              csv: (b) => personCount(b.openCases),
            },
          ]}
        />
      </Section>

      <Section id="wijkbeeld-maanden" title="Per maand">
        <TrendChart months={data.months} />
        <CsvTable
          csvLink="Exporteer CSV van de maanden"
          csvFilename={`wijkbeeld-maanden-${suffix}.csv`}
          caption="Per maand: incidenten, signalen, geopende en gesloten casussen"
          rows={data.months}
          rowKey={(m) => m.month}
          columns={[
            {
              header: 'Maand',
              cell: (m) => <span className="wr-nowrap">{formatMonth(m.month)}</span>,
              csv: (m) => m.month,
            },
            { header: 'Incidenten', cell: (m) => exact(m.incidents), csv: (m) => m.incidents },
            { header: 'Signalen', cell: (m) => personCount(m.signals), csv: (m) => personCount(m.signals) },
            {
              header: 'Casussen geopend',
              cell: (m) => personCount(m.casesOpened),
              csv: (m) => personCount(m.casesOpened),
            },
            {
              header: 'Casussen gesloten',
              cell: (m) => personCount(m.casesClosed),
              csv: (m) => personCount(m.casesClosed),
            },
          ]}
        />
      </Section>

      <Section id="wijkbeeld-soorten" title="Incidenten per soort">
        <DataTable
          caption="Incidenten per soort in de periode"
          rows={data.byCategory}
          rowKey={(c) => c.category}
          empty="Geen incidenten in deze periode."
          columns={[
            { header: 'Soort', cell: (c) => categoryLabels.get(c.category) ?? c.category },
            { header: 'Incidenten', cell: (c) => exact(c.count) },
          ]}
        />
      </Section>

      <Section id="wijkbeeld-brandpunten" title="Brandpunten">
        <Paragraph>
          Plekken waar incidenten zich ophopen: vakken van ongeveer 200 bij 200 meter, het drukste eerst (de
          tien drukste). Op de kaart zijn het de paarse cirkels.
        </Paragraph>
        <DataTable
          caption="Brandpunten: incidenten per plek van ongeveer 200 bij 200 meter"
          rows={hotspots}
          rowKey={(h) => `${h.lat},${h.lng}`}
          empty="Geen incidenten met een plek in deze periode."
          columns={[
            { header: 'Nr.', cell: (h) => h.rank },
            { header: 'Buurt', cell: (h) => h.buurt },
            { header: 'Plek (ongeveer)', cell: (h) => formatPoint(h.lat, h.lng) },
            { header: 'Incidenten', cell: (h) => exact(h.count) },
          ]}
        />
      </Section>
    </>
  );
}

/** The area approaches of the area (and of the wijk or buurten around it), each a link to its page. */
function Approaches({ areaId }: { areaId: string }) {
  const loader = useCallback((signal: AbortSignal) => api.listApproaches(areaId, signal), [areaId]);
  const approaches = useApiData(loader);
  return (
    <Section id="wijkbeeld-aanpak" title="Wijkaanpak">
      <Loaded data={approaches} loading="De wijkaanpakken worden geladen…">
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>Voor dit gebied loopt geen wijkaanpak.</Paragraph>
          ) : (
            <ul className="wr-plain-list">
              {list.items.map((a) => (
                <li key={a.id}>
                  <TextLink to={`/wijkbeeld/aanpak/${a.id}`}>{a.title}</TextLink>{' '}
                  <span className="wr-muted">
                    ({a.areaName}, {formatDate(a.startDate)}
                    {a.endDate ? ` tot en met ${formatDate(a.endDate)}` : ', zonder einddatum'})
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Section>
  );
}

function PictureMapFigure({
  data,
  areas,
  areaName,
  classes,
  hotspots,
}: {
  data: AreaPicture;
  areas: readonly Area[];
  areaName: string;
  classes: readonly IncidentClass[];
  hotspots: readonly { lat: number; lng: number; count: number; buurt: string }[];
}) {
  const busiest = [...data.buurten].sort((a, b) => b.incidents - a.incidents)[0];
  const top = hotspots[0];
  const summary = [
    `De buurten van ${areaName} zijn gekleurd naar het aantal incidenten in de periode (zie de legenda), de rand van het gebied is donkerblauw en de brandpunten zijn paarse cirkels: hoe groter, hoe meer incidenten.`,
    busiest && busiest.incidents > 0
      ? `De meeste incidenten: ${busiest.name} (${exact(busiest.incidents)}).`
      : 'Geen incidenten in deze periode.',
    top ? `Het drukste brandpunt ligt in ${top.buurt}: ${plural(top.count, 'incident', 'incidenten')}.` : '',
    'Alle cijfers staan in de tabellen hieronder. Met het toetsenbord: de pijltjestoetsen verschuiven de kaart, + en − zoomen, Tab gaat verder.',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <figure className="wr-picture-map">
      <AreaPictureMap
        areas={areas}
        areaId={data.area.id}
        buurten={data.buurten}
        classes={classes}
        hotspots={data.hotspots}
        label={`Kaart van ${areaName}`}
        describedBy="wijkbeeld-kaart-samenvatting"
      />
      <ul className="wr-legend" aria-label="Legenda van de kaart">
        {classes.map((c) => (
          <li key={c.from} className="wr-legend__item">
            <span className="wr-legend__swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" />
            {c.from === c.to ? exact(c.from) : `${exact(c.from)}–${exact(c.to)}`}{' '}
            {c.to === 1 ? 'incident' : 'incidenten'}
          </li>
        ))}
        <li className="wr-legend__item">
          <span className="wr-legend__dot" aria-hidden="true" />
          brandpunt
        </li>
      </ul>
      <figcaption id="wijkbeeld-kaart-samenvatting" className="wr-muted">
        {summary}
      </figcaption>
    </figure>
  );
}

const MONTH_SHORT = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', month: 'short', year: '2-digit' });

/** Lines per month: incidents, signals and opened cases (a month under five is a gap). */
function TrendChart({ months }: { months: AreaPicture['months'] }) {
  const config = useMemo(
    (): ChartConfiguration<'line'> => ({
      type: 'line',
      data: {
        labels: months.map((m) => MONTH_SHORT.format(new Date(`${m.month}-01T00:00:00Z`))),
        datasets: [
          {
            label: 'Incidenten',
            data: months.map((m) => m.incidents),
            borderColor: 'hsl(211 60% 35%)',
            backgroundColor: 'hsl(211 60% 35%)',
          },
          {
            label: 'Signalen',
            data: months.map((m) => m.signals),
            borderColor: 'hsl(28 90% 40%)',
            backgroundColor: 'hsl(28 90% 40%)',
            borderDash: [6, 4],
          },
          {
            label: 'Casussen geopend',
            data: months.map((m) => m.casesOpened),
            borderColor: 'hsl(145 60% 25%)',
            backgroundColor: 'hsl(145 60% 25%)',
            borderDash: [2, 3],
          },
        ],
      },
      options: {
        plugins: { legend: { position: 'top', align: 'start' } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
    [months],
  );
  const incidents = months.reduce((n, m) => n + m.incidents, 0);
  const peak = [...months].sort((a, b) => b.incidents - a.incidents)[0];
  const summary = `Lijndiagram per maand: ${plural(incidents, 'incident', 'incidenten')} in totaal${
    peak && peak.incidents > 0 ? `, de meeste in ${formatMonth(peak.month)} (${exact(peak.incidents)})` : ''
  }. Maanden met minder dan vijf signalen of casussen zijn in die lijnen open gelaten. De cijfers staan in de tabel hieronder.`;
  return (
    <figure className="wr-chart">
      <ChartCanvas
        config={config}
        label="Lijndiagram: incidenten, signalen en geopende casussen per maand. De samenvatting staat eronder, de cijfers in de tabel."
        height="16rem"
      />
      <figcaption className="wr-muted">{summary}</figcaption>
    </figure>
  );
}

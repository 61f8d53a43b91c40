import {
  type Area,
  type AreaGeometry,
  type AreaImportResult,
  areaImportSchema,
  createAreaSchema,
} from '@wijkregie/shared';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { StatusMessage } from '../../components/Alert.tsx';
import { AreaDrawMap } from '../../components/AreaDrawMap.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { ImportFileField, SelectField, TextareaField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { ImportResult } from '../../components/ImportResult.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { describeOutline, isWgs84, readOutline } from '../../lib/area-outline.ts';
import { wijkOptions } from '../../lib/areas.ts';
import { plural } from '../../lib/format.ts';
import { sortedByName } from '../../lib/sort.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useForm, useFormSubmit } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';
import './AreasPage.css';

const TITLE = 'Wijken en buurten';
const KIND_LABELS = { wijk: 'Wijk', buurt: 'Buurt' } as const;
const KIND_OPTIONS = [
  { value: 'wijk', label: 'Wijk' },
  { value: 'buurt', label: 'Buurt' },
];

const loadAreas = (signal: AbortSignal) => api.listAreas(signal);

export function AreasPage() {
  return (
    <Permitted permission="areas.write" title={TITLE}>
      <Areas />
    </Permitted>
  );
}

/** Every wijk (by name) followed by its buurten (by name); buurten whose wijk is unknown come last. */
function inWijkOrder(areas: readonly Area[]): Area[] {
  const wijken = sortedByName(areas.filter((a) => a.kind === 'wijk'));
  const buurten = sortedByName(areas.filter((a) => a.kind === 'buurt'));
  const wijkIds = new Set(wijken.map((w) => w.id));
  return [
    ...wijken.flatMap((w) => [w, ...buurten.filter((b) => b.parentId === w.id)]),
    ...buurten.filter((b) => !b.parentId || !wijkIds.has(b.parentId)),
  ];
}

/**
 * Beheer › Wijken en buurten: the municipality's own wijken and buurten (issue 13), which give every
 * signal, incident and location its buurt. The functioneel beheerder reads in the CBS Wijk- en Buurtkaart
 * or draws and names an area; the table shows the result at once.
 */
function Areas() {
  usePageTitle(TITLE);
  const areas = useApiData(loadAreas);
  const [status, setStatus] = useState<string | null>(null);
  const items = useMemo(() => areas.data?.items ?? [], [areas.data]);
  const rows = useMemo(() => inWijkOrder(items), [items]);
  const names = useMemo(() => new Map(items.map((a) => [a.id, a.name])), [items]);
  const wijken = items.filter((a) => a.kind === 'wijk').length;

  return (
    <>
      <PageHeading>{TITLE}</PageHeading>
      <Paragraph>
        De wijken en buurten van de gemeente, met hun grenzen. Wijkregie geeft elk signaal, incident en elke
        locatie de buurt waarin het punt ligt; het wijkbeeld, de routering en de resultaten per wijk rekenen
        daarmee. Verander je hier de kaart, dan krijgt elk punt meteen opnieuw zijn buurt.
      </Paragraph>
      <StatusMessage message={status} />
      <Loaded data={areas} loading="De wijken en buurten worden geladen…">
        {() => (
          <Section
            id="areas-table"
            title={`${plural(wijken, 'wijk', 'wijken')}, ${plural(items.length - wijken, 'buurt', 'buurten')}`}
          >
            <DataTable
              caption="Wijken en buurten, elke buurt onder de wijk waarin hij ligt"
              rows={rows}
              empty="Er zijn nog geen wijken en buurten. Lees de CBS Wijk- en Buurtkaart in of teken een gebied."
              columns={[
                {
                  header: 'Naam',
                  cell: (a) =>
                    a.kind === 'buurt' ? (
                      <span className="wr-areas__buurt">{a.name}</span>
                    ) : (
                      <span className="wr-strong">{a.name}</span>
                    ),
                },
                { header: 'Soort', cell: (a) => KIND_LABELS[a.kind] },
                { header: 'CBS-code', cell: (a) => <code className="wr-code">{a.code}</code> },
                {
                  header: 'Ligt in wijk',
                  cell: (a) =>
                    a.parentId ? (
                      (names.get(a.parentId) ?? 'Onbekende wijk')
                    ) : (
                      <span className="wr-muted">–</span>
                    ),
                },
              ]}
            />
          </Section>
        )}
      </Loaded>
      <ImportForm
        onStart={() => setStatus(null)}
        onImported={(result) => {
          areas.reload();
          setStatus(
            `De kaart is ingelezen: ${result.created} nieuw, ${result.updated} bijgewerkt, ${result.rejected.length} afgewezen. De tabel is bijgewerkt.`,
          );
        }}
      />
      <DrawForm
        areas={items}
        loaded={areas.data !== null}
        onStart={() => setStatus(null)}
        onCreated={(area) => {
          areas.setData((current) =>
            current ? { ...current, items: [...current.items, area], total: current.total + 1 } : current,
          );
          setStatus(
            `De ${area.kind} „${area.name}” (code ${area.code}) is opgeslagen en staat in de tabel. Signalen, incidenten en locaties binnen de grenzen horen er nu bij.`,
          );
        }}
      />
    </>
  );
}

/** The largest file the server takes (routes.ts of the areas module: 50 MiB). */
const MAX_BYTES = 50 * 1024 * 1024;
const IMPORT_FORM_ID = 'area-import';

/**
 * The CBS Wijk- en Buurtkaart read in: a GeoJSON file, sent as JSON; the counts and every feature that
 * was not loaded, with its number in the file and why.
 */
function ImportForm({
  onStart,
  onImported,
}: {
  onStart: () => void;
  onImported: (result: AreaImportResult) => void;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [result, setResult] = useState<AreaImportResult | null>(null);
  // A problem with the file's outer shape (the server's `type` or `features`) is shown at the file.
  const form = useFormSubmit(IMPORT_FORM_ID, ['file'], { aliases: { type: 'file', features: 'file' } });

  // A new result takes focus, so that it is read out and the keyboard continues from there.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      form.validate({ file: 'Kies het GeoJSON-bestand van de Wijk- en Buurtkaart' });
      return;
    }
    if (file.size > MAX_BYTES) {
      form.validate({
        file: 'Het bestand is groter dan 50 MB; neem alleen de wijken en buurten van je gemeente',
      });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      form.validate({ file: `„${file.name}” is geen GeoJSON: de inhoud is geen JSON` });
      return;
    }
    const parsed = areaImportSchema.safeParse(json);
    if (!parsed.success) {
      // Too many features is said as the schema says it; anything else is not a FeatureCollection at all.
      const tooMany = parsed.error.issues.find((i) => i.code === 'too_big' && i.path[0] === 'features');
      form.validate({
        file:
          tooMany?.message ??
          `„${file.name}” is geen GeoJSON FeatureCollection (een verzameling features, zoals de Wijk- en Buurtkaart)`,
      });
      return;
    }
    form.validate({});
    setResult(null);
    await form.submit(async () => {
      const answer = await api.importAreas(parsed.data);
      setResult(answer);
      onImported(answer);
    });
  }

  return (
    <>
      <FormCard
        id={IMPORT_FORM_ID}
        title="CBS Wijk- en Buurtkaart inlezen"
        error={form.formError}
        onSubmit={onSubmit}
      >
        <Paragraph>
          Het CBS publiceert elk jaar de Wijk- en Buurtkaart met de grenzen en codes van alle wijken en
          buurten, ook via PDOK (de dienst ‘CBS Wijken en Buurten’). Sla de wijken en buurten van je gemeente
          op als GeoJSON en lees dat bestand hier in. Coördinaten in RD New (het Rijksdriehoeksstelsel,
          EPSG:28992, zoals het CBS ze levert) worden omgerekend; WGS84 (lengte- en breedtegraden) kan ook.
        </Paragraph>
        <Paragraph>
          Wijkregie leest per feature de <code className="wr-code">wijkcode</code> en{' '}
          <code className="wr-code">wijknaam</code>, of de <code className="wr-code">buurtcode</code>,{' '}
          <code className="wr-code">buurtnaam</code> en de <code className="wr-code">wijkcode</code> van de
          wijk waarin de buurt ligt. Een gebied met een code die al bestaat, wordt bijgewerkt. Lees de wijken
          eerst in, of in hetzelfde bestand als de buurten.
        </Paragraph>
        <ImportFileField
          id={`${IMPORT_FORM_ID}-file`}
          label="GeoJSON-bestand"
          description="Een GeoJSON FeatureCollection (.geojson of .json), hoogstens 50 MB"
          error={form.errors.file}
          inputRef={fileRef}
          accept=".geojson,.json,application/geo+json,application/json"
        />
        <SubmitButton busy={form.busy}>Kaart inlezen</SubmitButton>
      </FormCard>
      <div role="status" className="wr-status">
        {form.busy && (
          <Paragraph>De kaart wordt ingelezen… Bij een grote gemeente kan dat even duren.</Paragraph>
        )}
      </div>
      {result && (
        <ImportResult
          id={IMPORT_FORM_ID}
          title="Resultaat van het inlezen"
          headingRef={resultRef}
          counts={[
            { label: 'Nieuw', value: plural(result.created, 'gebied', 'gebieden') },
            { label: 'Bijgewerkt', value: plural(result.updated, 'gebied', 'gebieden') },
            { label: 'Afgewezen', value: plural(result.rejected.length, 'feature', 'features') },
          ]}
          rejected={result.rejected}
          rejectedCaption="Afgewezen features"
          where={{ header: 'Feature (nummer in het bestand)', cell: (r) => r.feature, key: (r) => r.feature }}
        />
      )}
    </>
  );
}

const DRAW_FORM_ID = 'area';
const DRAW_FIELDS = ['name', 'kind', 'code', 'parentId', 'geometry'] as const;
const EMPTY = { name: '', kind: '', code: '', parentId: '', geometry: '' };

/**
 * A wijk or buurt drawn on the map (Geoman) or pasted as GeoJSON, named, with an optional code and, for
 * a buurt, its wijk. The drawing fills the text field, and a valid outline pasted there shows on the map,
 * so both ways lead to the same field.
 */
function DrawForm({
  areas,
  loaded,
  onStart,
  onCreated,
}: {
  areas: readonly Area[];
  loaded: boolean;
  onStart: () => void;
  onCreated: (area: Area) => void;
}) {
  const form = useForm(DRAW_FORM_ID, DRAW_FIELDS, EMPTY);
  const { values, setValues, field } = form;
  const [drawn, setDrawn] = useState<string | null>(null);
  const reading = useMemo(() => readOutline(values.geometry), [values.geometry]);
  const outline = 'geometry' in reading ? reading.geometry : null;
  const onMap = outline && isWgs84(outline) ? outline : null;

  function onDraw(geometry: AreaGeometry | null) {
    setValues((current) => ({ ...current, geometry: geometry ? JSON.stringify(geometry) : '' }));
    setDrawn(
      geometry
        ? `De getekende grens staat in het veld ‘Of plak de grenzen als GeoJSON’: ${describeOutline(geometry)}.`
        : 'De tekening is weggehaald.',
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const kind = values.kind;
    const parsed = createAreaSchema.safeParse({
      name: values.name,
      kind,
      code: values.code.trim() || undefined,
      parentId: kind === 'buurt' ? values.parentId || null : undefined,
      geometry: outline ?? undefined,
    });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (kind === 'buurt' && !values.parentId) found.parentId = 'Kies de wijk waarin de buurt ligt';
    if ('error' in reading) found.geometry = reading.error;
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(async () => {
      const area = await api.createArea(parsed.data);
      setValues(EMPTY);
      setDrawn(null);
      onCreated(area);
    });
  }

  return (
    <FormCard id={DRAW_FORM_ID} title="Gebied tekenen" error={form.formError} onSubmit={onSubmit}>
      <Paragraph>
        Staat een wijk of buurt niet in de Wijk- en Buurtkaart, of werkt de gemeente met eigen gebieden? Geef
        het gebied een naam en teken de grens op de kaart.
      </Paragraph>
      <TextField {...field('name')} label="Naam" autoComplete="off" />
      <SelectField {...field('kind')} label="Soort" placeholder="Kies wijk of buurt" options={KIND_OPTIONS} />
      {values.kind === 'buurt' && (
        <SelectField
          {...field('parentId')}
          label="Ligt in wijk"
          description="Een buurt ligt altijd in één wijk"
          placeholder="Kies de wijk"
          options={wijkOptions(areas)}
        />
      )}
      <TextField
        {...field('code')}
        label="CBS-code (niet verplicht)"
        description="Zoals in de Wijk- en Buurtkaart, bijvoorbeeld WK036301 voor een wijk of BU03630101 voor een buurt. Zonder code maakt Wijkregie er een."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      {loaded && <AreaDrawMap areas={areas} value={onMap} onDraw={onDraw} />}
      <div role="status" className="wr-status">
        {drawn && <Paragraph>{drawn}</Paragraph>}
      </div>
      <TextareaField
        {...field('geometry')}
        label="Of plak de grenzen als GeoJSON"
        description={
          <>
            Zonder muis, of uit een GIS-programma: een GeoJSON-geometrie van het type Polygon of MultiPolygon,
            of een Feature daarmee, bijvoorbeeld{' '}
            <code className="wr-code wr-areas__example">
              {'{"type":"Polygon","coordinates":[[[5.1,52.1],[5.2,52.1],[5.2,52.2],[5.1,52.1]]]}'}
            </code>
            . Elk punt is [lengte, breedte] in WGS84, of in RD New (wordt omgerekend). Wat je op de kaart
            tekent, komt hier te staan.
          </>
        }
        rows={6}
        spellCheck={false}
        className="wr-areas__geojson"
      />
      {outline && !onMap && (
        <Paragraph className="wr-muted">
          Deze coördinaten zijn geen WGS84 (vermoedelijk RD New): de kaart toont ze niet, de server rekent ze
          bij het opslaan om.
        </Paragraph>
      )}
      <SubmitButton busy={form.busy}>Gebied opslaan</SubmitButton>
    </FormCard>
  );
}

import {
  type Approach,
  type Area,
  canWrite,
  createMeasurementSchema,
  createObservationSchema,
  hasPermission,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_SOURCE_LABELS,
  type Indicator,
  OBSERVATION_KIND_LABELS,
  OBSERVATION_KINDS,
  type Observation,
  type User,
} from '@wijkregie/shared';
import type { ChartConfiguration } from 'chart.js';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { AreaMap, type Point } from '../../components/AreaMap.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { ChartCanvas } from '../../components/Chart.tsx';
import { DataList } from '../../components/DataList.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { DateField, NumberField, SelectField, TextareaField, TextField } from '../../components/fields.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb, TextLink } from '../../components/Links.tsx';
import { DetailLoading, Loaded } from '../../components/Loaded.tsx';
import { PermittedById } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { todayIso } from '../../lib/dates.ts';
import { codeOptions, formatDate, keyedOptions } from '../../lib/format.ts';
import { type Names, useAreas, useCategories, useMyAccess } from '../../lib/reference.ts';
import { formatMonth } from '../../lib/signals.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useDetail } from '../../lib/useDetail.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { type Form, useForm } from '../../lib/useFormSubmit.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';
import { ApproachLinks } from './ApproachLinks.tsx';
import './ApproachPage.css';

export function ApproachPage() {
  return <PermittedById permission="areas.read" title="Wijkaanpak" page={ApproachView} />;
}

/** "48%", "16 incidenten": a value with its unit, in Dutch. */
function withUnit(value: number, unit: string): string {
  const n = value.toLocaleString('nl-NL');
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** "60% van de weg naar het doel": how far the latest value is from the baseline to the target. */
function progressText(progress: number): string {
  return `${Math.round(progress * 100)}% van de weg naar het doel`;
}

/** A point of a series: a month for an indicator counted per month from the incidents, else its date. */
function pointDate(date: string, monthly: boolean): string {
  return monthly ? formatMonth(date.slice(0, 7)) : formatDate(date);
}

/** A regisseur, or a professional of a partner in the approach (the rule of POST /indicators/:id/measurements). */
function mayMeasure(user: User, approach: Approach): boolean {
  if (!hasPermission(user, 'approaches.measure')) return false;
  return user.roles.includes('regisseur') || approach.partners.some((p) => p.partnerId === user.partnerId);
}

/**
 * The page of an area approach (wijkaanpak): the area and the period, the joint goal, what each partner
 * does, the indicators with their progress toward the target (a progress bar, a line chart and the same
 * numbers in a table), a form to add a measurement for the partners, and the field notes of the area.
 */
function ApproachView({ id }: { id: string }) {
  const user = useUser();
  const [message, setMessage] = useFlashMessage();
  const loader = useCallback((signal: AbortSignal) => api.getApproach(id, signal), [id]);
  const approach = useDetail(loader, 'Wijkaanpak', (a) => `Wijkaanpak ${a.title}`);
  const a = approach.data;
  const manual = (a?.indicators ?? []).filter((i) => i.source === 'manual');

  return (
    <>
      <Breadcrumb to={a ? `/wijkbeeld?gebied=${encodeURIComponent(a.areaId)}` : '/wijkbeeld'}>
        Wijkbeeld
      </Breadcrumb>
      {a && <p className="utrecht-pre-heading wr-section__name">Wijkaanpak</p>}
      <PageHeading>{a ? a.title : approach.placeholder}</PageHeading>
      <StatusMessage message={message} />
      <DetailLoading data={approach} loading="De wijkaanpak wordt geladen…" />
      {a && (
        <>
          <DataList
            items={[
              { key: 'Gebied', value: a.areaName },
              { key: 'Start', value: formatDate(a.startDate) },
              { key: 'Einde', value: a.endDate ? formatDate(a.endDate) : 'Geen einddatum' },
              { key: 'Regie', value: a.coordinatorName },
            ]}
          />
          <Section id="approach-goal" title="Gezamenlijk doel" className="wr-card">
            <Paragraph className="wr-approach__goal">{a.jointGoal}</Paragraph>
          </Section>
          <Section id="approach-partners" title="Wat elke partner doet">
            {a.partners.length === 0 ? (
              <Paragraph>Er doen nog geen partners mee.</Paragraph>
            ) : (
              <DataList
                items={a.partners.map((p) => ({
                  key: p.name,
                  value: p.commitment ?? 'Nog niet beschreven',
                }))}
              />
            )}
          </Section>
          <Section id="approach-indicators" title="Indicatoren">
            {a.indicators.length === 0 ? (
              <Paragraph>Deze aanpak heeft nog geen indicatoren.</Paragraph>
            ) : (
              <ul className="wr-indicators">
                {a.indicators.map((indicator) => (
                  <li key={indicator.id}>
                    <IndicatorView indicator={indicator} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {manual.length > 0 && mayMeasure(user, a) && (
            <MeasurementForm
              indicators={manual}
              onSaved={(saved, date) => {
                approach.setData((current) =>
                  current
                    ? {
                        ...current,
                        indicators: current.indicators.map((i) => (i.id === saved.id ? saved : i)),
                      }
                    : current,
                );
                const value = saved.series.find((p) => p.date === date)?.value;
                setMessage(
                  `De meting van ${formatDate(date)} is vastgelegd${
                    value === undefined ? '' : `: ${saved.name} ${withUnit(value, saved.unit)}`
                  }.`,
                );
              }}
            />
          )}
          <ApproachLinks
            approach={a}
            mayEdit={hasPermission(user, 'approaches.write')}
            onChanged={(updated, text) => {
              approach.setData(updated);
              setMessage(text);
            }}
          />
          <FieldNotes approach={a} onSaved={setMessage} />
        </>
      )}
    </>
  );
}

/** One indicator: its numbers, how far along the way to the target it is, and its series as chart and table. */
function IndicatorView({ indicator: i }: { indicator: Indicator }) {
  const monthly = i.source === 'incidents';
  const progressLabelId = `indicator-${i.id}-progress`;
  return (
    <section aria-labelledby={`indicator-${i.id}-heading`} className="wr-card wr-indicator">
      <Heading level={3} id={`indicator-${i.id}-heading`}>
        {i.name}
      </Heading>
      <DataList
        compact
        items={[
          { key: 'Beginwaarde', value: withUnit(i.baseline, i.unit) },
          { key: 'Streefwaarde', value: withUnit(i.target, i.unit) },
          { key: 'Richting', value: INDICATOR_DIRECTION_LABELS[i.direction] },
          { key: 'Nu', value: i.latest === null ? 'Nog geen meting' : withUnit(i.latest, i.unit) },
          { key: 'Bron', value: INDICATOR_SOURCE_LABELS[i.source] },
        ]}
      />
      {i.progress === null ? (
        <Paragraph>Voortgang: nog geen meting.</Paragraph>
      ) : (
        <div className="wr-indicator__progress">
          <span id={progressLabelId}>Voortgang</span>
          <progress
            className="wr-indicator__bar"
            max={100}
            value={Math.round(i.progress * 100)}
            aria-labelledby={`${progressLabelId} indicator-${i.id}-heading`}
            aria-valuetext={progressText(i.progress)}
          />
          <span>{progressText(i.progress)}</span>
        </div>
      )}
      {i.series.length === 0 ? (
        <Paragraph>Er zijn nog geen metingen.</Paragraph>
      ) : (
        <>
          <SeriesChart indicator={i} monthly={monthly} />
          <DataTable
            caption={`Metingen van „${i.name}”`}
            rows={i.series}
            rowKey={(p) => p.date}
            columns={[
              {
                header: monthly ? 'Maand' : 'Datum',
                cell: (p) => <span className="wr-nowrap">{pointDate(p.date, monthly)}</span>,
              },
              { header: 'Waarde', cell: (p) => withUnit(p.value, i.unit) },
            ]}
          />
        </>
      )}
    </section>
  );
}

/** The series as a line, with the target as a dashed line; the numbers are in the table beside it. */
function SeriesChart({ indicator: i, monthly }: { indicator: Indicator; monthly: boolean }) {
  const when = (date: string) => pointDate(date, monthly);
  const config = useMemo(
    (): ChartConfiguration<'line'> => ({
      type: 'line',
      data: {
        labels: i.series.map((p) => pointDate(p.date, monthly)),
        datasets: [
          {
            label: i.name,
            data: i.series.map((p) => p.value),
            borderColor: 'hsl(211 60% 35%)',
            backgroundColor: 'hsl(211 60% 35%)',
            tension: 0,
          },
          {
            label: 'Streefwaarde',
            data: i.series.map(() => i.target),
            borderColor: 'hsl(145 60% 25%)',
            backgroundColor: 'hsl(145 60% 25%)',
            borderDash: [6, 4],
            pointRadius: 0,
          },
        ],
      },
      options: {
        plugins: { legend: { position: 'top', align: 'start' } },
        scales: { y: { beginAtZero: true }, x: { ticks: { maxRotation: 0, autoSkip: true } } },
      },
    }),
    [i, monthly],
  );
  const first = i.series[0];
  const last = i.series.at(-1);
  const summary =
    first && last
      ? `Lijndiagram van ${i.name}: van ${withUnit(first.value, i.unit)} (${when(first.date)}) naar ${withUnit(
          last.value,
          i.unit,
        )} (${when(last.date)}); de streefwaarde is ${withUnit(i.target, i.unit)}. De cijfers staan in de tabel eronder.`
      : `Lijndiagram van ${i.name}.`;
  return (
    <figure className="wr-chart">
      <ChartCanvas config={config} label={summary} height="12rem" />
    </figure>
  );
}

const MEASUREMENT_FORM = 'measurement';
const MEASUREMENT_FIELDS = ['indicatorId', 'date', 'value'] as const;

/** Meting toevoegen: a value of a hand-measured indicator on a date. */
function MeasurementForm({
  indicators,
  onSaved,
}: {
  indicators: readonly Indicator[];
  onSaved: (indicator: Indicator, date: string) => void;
}) {
  const only = indicators.length === 1 ? (indicators[0]?.id ?? '') : '';
  const form = useForm(MEASUREMENT_FORM, MEASUREMENT_FIELDS, () => ({
    indicatorId: only,
    date: todayIso(),
    value: '',
  }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { indicatorId, date, value } = form.values;
    const number = value.trim() === '' ? Number.NaN : Number(value.replace(',', '.'));
    const parsed = createMeasurementSchema.safeParse({ date, value: number });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (indicatorId === '') found.indicatorId = 'Kies de indicator';
    if (date === '') found.date = 'Vul de datum van de meting in';
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(async () => {
      const saved = await api.createMeasurement(indicatorId, parsed.data);
      form.setValues((current) => ({ ...current, value: '' }));
      onSaved(saved, parsed.data.date);
    });
  }

  return (
    <FormCard id={MEASUREMENT_FORM} title="Meting toevoegen" error={form.formError} onSubmit={onSubmit}>
      <SelectField
        {...form.field('indicatorId')}
        label="Indicator"
        placeholder={only ? undefined : 'Kies een indicator'}
        options={indicators.map((i) => ({ value: i.id, label: `${i.name} (${i.unit})` }))}
      />
      <div className="wr-field-row">
        <DateField {...form.field('date')} label="Datum" max={todayIso()} />
        <NumberField {...form.field('value')} label="Waarde" step="any" inputMode="decimal" />
      </div>
      <SubmitButton busy={form.busy}>Meting toevoegen</SubmitButton>
    </FormCard>
  );
}

/** The field notes of the approach's area (a wijk: with its buurten), newest first, and a form to add one. */
function FieldNotes({ approach, onSaved }: { approach: Approach; onSaved: (message: string) => void }) {
  const user = useUser();
  const areaId = approach.areaId;
  const loader = useCallback((signal: AbortSignal) => api.listObservations(areaId, signal), [areaId]);
  const notes = useApiData(loader);
  const areas = useAreas();
  const categories = useCategories();
  // The approach's area and, for a wijk, its buurten: where a note may be about.
  const places = (areas.data?.items ?? []).filter((x) => x.id === areaId || x.parentId === areaId);

  return (
    <>
      <Section id="approach-notes" title="Veldnotities">
        <Paragraph className="wr-muted">
          Wat partners zagen en hoorden in {approach.areaName}: straatgesprekken, huisbezoeken, schouwen en
          bijeenkomsten. Zonder namen.
        </Paragraph>
        <Loaded data={notes} loading="De veldnotities worden geladen…">
          {(list) =>
            list.items.length === 0 ? (
              <Paragraph>Er zijn nog geen veldnotities.</Paragraph>
            ) : (
              <ul className="wr-notes">
                {list.items.map((note) => (
                  <li key={note.id}>
                    <FieldNote
                      note={note}
                      areaName={areas.names.get(note.areaId)}
                      categoryNames={categories.names}
                    />
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </Section>
      {hasPermission(user, 'observations.write') && places.length > 0 && (
        <FieldNoteForm
          areaId={areaId}
          places={places}
          onSaved={(note) => {
            notes.setData((current) => (current ? { ...current, items: [note, ...current.items] } : current));
            onSaved(`De veldnotitie (${OBSERVATION_KIND_LABELS[note.kind].toLowerCase()}) is toegevoegd.`);
          }}
        />
      )}
    </>
  );
}

function FieldNote({
  note,
  areaName,
  categoryNames,
}: {
  note: Observation;
  areaName: string | undefined;
  categoryNames: Names;
}) {
  const headingId = `note-${note.id}-heading`;
  const by = [note.authorName, note.partnerName].filter(Boolean).join(', ');
  return (
    <article aria-labelledby={headingId} className="wr-card wr-note">
      <Heading level={3} id={headingId} className="wr-note__heading">
        {OBSERVATION_KIND_LABELS[note.kind]}, {formatDate(note.date)}
      </Heading>
      <DataList
        compact
        items={[
          ...(areaName ? [{ key: 'Waar', value: areaName }] : []),
          { key: 'Onderwerpen', value: note.topics.length ? note.topics.join(', ') : 'Geen' },
          ...(by ? [{ key: 'Door', value: by }] : []),
          ...(note.caseId
            ? [
                {
                  key: 'Bij casus',
                  value: (
                    <>
                      <TextLink to={`/casussen/${note.caseId}`}>{note.caseReference}</TextLink>
                      {note.category && ` (${categoryNames.get(note.category) ?? note.category})`}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Paragraph className="wr-note__text">{note.text}</Paragraph>
      {note.followUp && (
        <Paragraph>
          <strong>Vervolg:</strong> {note.followUp}
        </Paragraph>
      )}
    </article>
  );
}

const NOTE_FORM = 'observation';
type NoteValues = Record<Exclude<(typeof NOTE_FIELDS)[number], 'lat' | 'lng'>, string>;
const NOTE_FIELDS = [
  'areaId',
  'date',
  'kind',
  'topics',
  'text',
  'followUp',
  'lat',
  'lng',
  'caseId',
  'category',
] as const;
const KIND_OPTIONS = codeOptions(OBSERVATION_KINDS, OBSERVATION_KIND_LABELS);

/** Veldnotitie toevoegen: where, when, what kind of contact, the topics, what was seen, and what follows. */
function FieldNoteForm({
  areaId,
  places,
  onSaved,
}: {
  areaId: string;
  places: readonly Area[];
  onSaved: (note: Observation) => void;
}) {
  const user = useUser();
  const empty = () => ({
    areaId,
    date: todayIso(),
    kind: '',
    topics: '',
    text: '',
    followUp: '',
    caseId: '',
    category: '',
  });
  const form = useForm(NOTE_FORM, NOTE_FIELDS, empty);
  const [point, setPoint] = useState<Point | null>(null);
  // Attaching a note to a case is for who works on cases; the matrix then decides who reads it.
  const onCases = hasPermission(user, 'cases.read');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = form.values;
    const followUp = v.followUp.trim();
    const parsed = createObservationSchema.safeParse({
      areaId: v.areaId,
      date: v.date,
      kind: v.kind,
      topics: v.topics
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      text: v.text,
      ...(followUp ? { followUp } : {}),
      ...(point ?? {}),
      ...(v.caseId ? { caseId: v.caseId } : {}),
      ...(v.category ? { category: v.category } : {}),
    });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (v.date === '') found.date = 'Vul de datum in';
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(async () => {
      const note = await api.createObservation(parsed.data);
      form.setValues(empty());
      setPoint(null);
      onSaved(note);
    });
  }

  return (
    <FormCard id={NOTE_FORM} title="Veldnotitie toevoegen" error={form.formError} onSubmit={onSubmit}>
      <div className="wr-field-row">
        <SelectField
          {...form.field('areaId')}
          label="Wijk of buurt"
          options={places.map((p) => ({
            value: p.id,
            label: p.id === areaId && p.kind === 'wijk' ? `${p.name} (hele wijk)` : p.name,
          }))}
        />
        <DateField {...form.field('date')} label="Datum" max={todayIso()} />
        <SelectField
          {...form.field('kind')}
          label="Soort"
          placeholder="Kies het soort waarneming"
          options={KIND_OPTIONS}
        />
      </div>
      <TextField
        {...form.field('topics')}
        label="Onderwerpen"
        description="Gescheiden door komma's, bijvoorbeeld: jongeren, verlichting"
        autoComplete="off"
      />
      <TextareaField
        {...form.field('text')}
        label="Waarneming"
        description="Wat je zag en hoorde. Geen namen van bewoners."
      />
      <TextareaField {...form.field('followUp')} label="Vervolg (optioneel)" rows={2} />
      <Fieldset
        id={`${NOTE_FORM}-place`}
        legend="Plek op de kaart (optioneel)"
        description="Waar het was; de speld moet in de gekozen wijk of buurt liggen."
        error={form.errors.lat ?? form.errors.lng}
      >
        <AreaMap areas={places} value={point} onChange={setPoint} />
      </Fieldset>
      {onCases && <NoteCaseFields form={form} areaId={areaId} />}
      <SubmitButton busy={form.busy}>Veldnotitie toevoegen</SubmitButton>
    </FormCard>
  );
}

const loadAreaCases = (areaId: string) => (signal: AbortSignal) =>
  api.listCases({ areaId }, { limit: 100, offset: 0 }, signal);

/**
 * "Bij een casus (optioneel)": a note about a household or person belongs in its case, under an
 * information category the user's organisation may write; then the matrix decides who reads it, and
 * only then may it name people.
 */
function NoteCaseFields({ form, areaId }: { form: Form<NoteValues>; areaId: string }) {
  const loader = useMemo(() => loadAreaCases(areaId), [areaId]);
  const cases = useApiData(loader);
  const categories = useCategories();
  const access = useMyAccess();
  const writable = new Set(
    (access.data?.cells ?? []).filter((c) => canWrite(c.access)).map((c) => c.category),
  );
  return (
    <Fieldset
      id={`${NOTE_FORM}-case`}
      legend="Bij een casus (optioneel)"
      description="Alleen wie deze categorie in de casus mag lezen, ziet de notitie. Alleen met een casus mogen er namen in."
    >
      <div className="wr-field-row">
        <SelectField
          {...form.field('caseId')}
          label="Casus"
          placeholder="Geen casus"
          options={(cases.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.reference} · ${c.title}`,
          }))}
        />
        <SelectField
          {...form.field('category')}
          label="Informatiecategorie"
          placeholder="Geen categorie"
          options={keyedOptions(categories.data?.items.filter((c) => writable.has(c.key)))}
        />
      </div>
    </Fieldset>
  );
}

import {
  hasPermission,
  SURVEY_STATUS_LABELS,
  type SurveyIndicators,
  type SurveyResults,
} from '@wijkregie/shared';
import { useCallback } from 'react';
import { surveyApi } from '../../api/surveys.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { DataList } from '../../components/DataList.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PermittedById } from '../../components/Permitted.tsx';
import { QrCode } from '../../components/QrCode.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { surveyLink } from './SurveysPage.tsx';

export function SurveyResultsPage() {
  return <PermittedById permission="areas.read" title="Resultaten bewonersenquête" page={Results} />;
}

type Row = SurveyResults['buurten'][number];
type Key = Exclude<keyof SurveyIndicators, 'n'>;

const number = (v: number) => v.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
const SUPPRESSED = '<10 reacties';

/** A value, or "<10 reacties" when the buurt had too few responses to show it. */
function shown(r: SurveyIndicators, key: Key, unit = ''): string {
  const v = r[key];
  if (v === null) return r.n < 10 ? SUPPRESSED : '–';
  return `${number(v)}${unit}`;
}

/** A value with the previous survey's value beside it ("40% (was 55%)"). */
function compared(r: Row, key: Key, unit = ''): string {
  const now = shown(r, key, unit);
  const before = r.previous?.[key];
  return before === null || before === undefined ? now : `${now} (was ${number(before)}${unit})`;
}

function willingText(r: SurveyIndicators, rule: number): string {
  if (r.willingToActPct === null) return shown(r, 'willingToActPct');
  const verdict =
    r.willingToActPct >= rule ? `boven de vuistregel van ${rule}%` : `onder de vuistregel van ${rule}%`;
  return `${number(r.willingToActPct)}% — ${verdict}`;
}

function Results({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => surveyApi.getResults(id, signal), [id]);
  const loadSurvey = useCallback((signal: AbortSignal) => surveyApi.getSurvey(id, signal), [id]);
  const results = useApiData(load);
  const survey = useApiData(loadSurvey);
  const user = useUser();
  usePageTitle(results.data ? `Resultaten: ${results.data.title}` : 'Resultaten bewonersenquête');
  return (
    <>
      <Breadcrumb to="/wijkbeeld/enquetes">Bewonersenquêtes</Breadcrumb>
      <Loaded data={results} loading="De resultaten worden geladen…">
        {(r) => (
          <>
            <PageHeading>{r.title}</PageHeading>
            <DataList
              items={[
                { key: 'Stand', value: SURVEY_STATUS_LABELS[r.status] },
                { key: 'Sluit', value: formatDateTime(r.closesAt) },
                { key: 'Reacties in totaal', value: r.total.n.toLocaleString('nl-NL') },
                ...(survey.data
                  ? [{ key: 'Link voor bewoners', value: surveyLink(survey.data.publicCode) }]
                  : []),
              ]}
            />
            {survey.data && r.status !== 'closed' && (
              <QrCode
                text={surveyLink(survey.data.publicCode)}
                label={`QR-code naar de enquête ${r.title}`}
                fileName={`enquete-${survey.data.publicCode}.svg`}
              />
            )}
            <Paragraph>
              Per buurt het aantal reacties en de uitkomsten; tussen haakjes de vorige enquête in die buurt.
              Een buurt met minder dan {r.minResponses} reacties toont geen cijfers ({SUPPRESSED}), zodat
              niemand herkenbaar is. Onveilig: voelt zich soms of vaak onveilig in de eigen buurt. Samenhang
              en ingrijpen: 0 tot 10. Wil meedoen: het deel dat &lsquo;ja&rsquo; zei; bij ongeveer{' '}
              {r.willingToActRulePct}% heeft een buurt genoeg bewoners die samen iets willen doen.
            </Paragraph>
            <Section id="buurten" title="Per buurt">
              <DataTable<Row>
                caption="Uitkomsten per buurt, met de vorige enquête tussen haakjes"
                rows={r.buurten}
                empty="Deze enquête heeft geen buurten."
                columns={[
                  { header: 'Buurt', cell: (b) => b.name },
                  { header: 'Reacties', cell: (b) => b.n.toLocaleString('nl-NL') },
                  {
                    header: 'Voelt zich wel eens onveilig',
                    cell: (b) => compared(b, 'unsafeSometimesPct', '%'),
                  },
                  { header: 'Cijfer veiligheid', cell: (b) => compared(b, 'safetyMark') },
                  { header: 'Cijfer leefbaarheid', cell: (b) => compared(b, 'liveabilityMark') },
                  { header: 'Samenhang', cell: (b) => compared(b, 'cohesionScore') },
                  { header: 'Buren grijpen in', cell: (b) => compared(b, 'efficacyScore') },
                  { header: 'Wil meedoen', cell: (b) => willingText(b, r.willingToActRulePct) },
                ]}
              />
            </Section>
            <Section id="totaal" title="Hele enquête">
              <DataList
                items={[
                  { key: 'Reacties', value: r.total.n.toLocaleString('nl-NL') },
                  { key: 'Voelt zich wel eens onveilig', value: shown(r.total, 'unsafeSometimesPct', '%') },
                  { key: 'Cijfer veiligheid', value: shown(r.total, 'safetyMark') },
                  { key: 'Cijfer leefbaarheid', value: shown(r.total, 'liveabilityMark') },
                  { key: 'Samenhang', value: shown(r.total, 'cohesionScore') },
                  { key: 'Buren grijpen in', value: shown(r.total, 'efficacyScore') },
                  { key: 'Wil meedoen', value: willingText(r.total, r.willingToActRulePct) },
                ]}
              />
            </Section>
            {hasPermission(user, 'surveys.contacts') && <Contacts id={id} />}
          </>
        )}
      </Loaded>
    </>
  );
}

/** The regisseur's list of residents who want to help: emails only, linked to no answer. */
function Contacts({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => surveyApi.listContacts(id, signal), [id]);
  const contacts = useApiData(load);
  return (
    <Section id="contacten" title="Bewoners die willen meedoen">
      <Paragraph>
        Deze bewoners lieten een e-mailadres achter om mee te doen in de buurt. De adressen staan los van de
        antwoorden: niemand kan zien wie wat heeft ingevuld. Gebruik ze alleen om hen te benaderen voor de
        buurt.
      </Paragraph>
      <Loaded data={contacts} loading="De contactadressen worden geladen…">
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>Nog niemand heeft een e-mailadres achtergelaten.</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list">
              {list.items.map((c) => (
                <li key={c.email} className="utrecht-unordered-list__item">
                  {c.email}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Section>
  );
}

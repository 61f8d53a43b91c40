import { hasPermission, type OtherSubjectKind, type SubjectDetail } from '@wijkregie/shared';
import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { ErrorAlert } from '../../components/Alert.tsx';
import { DataList, type DataListItem } from '../../components/DataList.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { type AddressLike, formatAddress, formatDateTime } from '../../lib/format.ts';
import { useAreas } from '../../lib/reference.ts';
import { subjectKindLabel } from '../../lib/subjects.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { RelationsSection, SubjectCasesSection } from './SubjectParts.tsx';

const CLASSIFICATION_LABELS: Record<string, string> = {
  hinderlijk: 'Hinderlijk',
  overlastgevend: 'Overlastgevend',
  crimineel: 'Crimineel',
};

function details(subject: SubjectDetail, areaNames: ReadonlyMap<string, string>): DataListItem[] {
  const d = subject.details;
  const address = (d.address ?? null) as AddressLike | null;
  const items: DataListItem[] = [{ key: 'Naam', value: subject.name }];
  if (subject.kind === 'household') {
    items.push({ key: 'Adres', value: formatAddress(address) });
    if (typeof d.contactPersonId === 'string') {
      items.push({
        key: 'Contactpersoon',
        value: <TextLink to={`/personen/${d.contactPersonId}`}>Bekijk contactpersoon</TextLink>,
      });
    }
  }
  if (subject.kind === 'group') {
    const c = String(d.classification ?? '');
    items.push({ key: 'Classificatie', value: CLASSIFICATION_LABELS[c] ?? (c || '–') });
  }
  if (subject.kind === 'location') {
    items.push({ key: 'Adres', value: formatAddress(address) });
    if (typeof d.lat === 'number' && typeof d.lng === 'number') {
      items.push({ key: 'Coördinaten', value: `${d.lat.toFixed(5)}, ${d.lng.toFixed(5)}` });
    }
    if (typeof d.areaId === 'string') items.push({ key: 'Gebied', value: areaNames.get(d.areaId) ?? '–' });
  }
  items.push({ key: 'Geregistreerd', value: formatDateTime(subject.createdAt) });
  return items;
}

/** The page of a household, group or location. */
export function SubjectPage({ kind }: { kind: OtherSubjectKind }) {
  const user = useUser();
  const { id = '' } = useParams();
  const loader = useCallback((signal: AbortSignal) => api.getSubject(kind, id, signal), [kind, id]);
  const subject = useApiData(loader);
  const areas = useAreas();
  const s = subject.data;
  const kindLabel = subjectKindLabel(kind);
  const notFound = subject.error !== null && !s;
  usePageTitle(s ? `${kindLabel} ${s.name}` : notFound ? `${kindLabel} niet gevonden` : kindLabel);

  if (!hasPermission(user, 'subjects.read')) return <NoAccessPage title={kindLabel} />;

  return (
    <>
      <p className="utrecht-pre-heading wr-section__name">{kindLabel}</p>
      <PageHeading>{s ? s.name : notFound ? `${kindLabel} niet gevonden` : kindLabel}</PageHeading>
      {subject.loading && !s && <Paragraph>De gegevens worden geladen…</Paragraph>}
      <ErrorAlert message={subject.error} />
      {s && (
        <div className="wr-subject">
          <Section id="subject-data" title="Gegevens" className="wr-card">
            <DataList items={details(s, areas.names)} />
          </Section>
          <RelationsSection self={{ kind, id: s.id }} relations={s.relations} />
          <SubjectCasesSection cases={s.cases} />
        </div>
      )}
    </>
  );
}

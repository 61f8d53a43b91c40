import { hasPermission, type OtherSubjectKind, type SubjectDetail } from '@wijkregie/shared';
import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { DataList, type DataListItem } from '../../components/DataList.tsx';
import { PageHeading } from '../../components/Heading.tsx';
import { Breadcrumb, TextLink } from '../../components/Links.tsx';
import { DetailLoading } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { type AddressLike, formatAddress, formatDateTime } from '../../lib/format.ts';
import { useAreas } from '../../lib/reference.ts';
import { subjectKindLabel } from '../../lib/subjects.ts';
import { useDetail } from '../../lib/useDetail.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { SubjectDataSection } from './SubjectEditing.tsx';
import { SubjectForm } from './SubjectForm.tsx';
import { HistorySection } from './SubjectHistory.tsx';
import { RelationsSection, SubjectCasesSection, useSubjectNames } from './SubjectParts.tsx';
import { useBasisWrite } from './useBasisWrite.ts';

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
    items.push({ key: 'Classificatie', value: CLASSIFICATION_LABELS[c] ?? (c || 'Nog niet bepaald') });
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

const WHAT: Record<OtherSubjectKind, string> = {
  household: 'de gegevens van dit huishouden',
  group: 'de gegevens van deze groep',
  location: 'de gegevens van deze locatie',
};

/**
 * The page of a household, group or location, for the roles that work with subjects; anyone else
 * reads why not (and loads nothing).
 */
export function SubjectPage({ kind }: { kind: OtherSubjectKind }) {
  const { id = '' } = useParams();
  return (
    <Permitted permission="subjects.read" title={subjectKindLabel(kind)}>
      <SubjectView key={`${kind}/${id}`} kind={kind} id={id} />
    </Permitted>
  );
}

function SubjectView({ kind, id }: { kind: OtherSubjectKind; id: string }) {
  const user = useUser();
  const [message, setMessage] = useFlashMessage();
  const loader = useCallback((signal: AbortSignal) => api.getSubject(kind, id, signal), [kind, id]);
  const kindLabel = subjectKindLabel(kind);
  const subject = useDetail(loader, kindLabel, (s) => `${kindLabel} ${s.name}`);
  const areas = useAreas();
  const canEdit = useBasisWrite();
  const s = subject.data;
  const memberRefs = (s?.relations ?? [])
    .filter((r) => r.type === 'member_of' && r.from.kind === 'person')
    .map((r) => r.from);
  const memberNames = useSubjectNames(kind === 'household' ? memberRefs : []);

  const changed = (text: string) => {
    setMessage(text);
    subject.reload();
  };
  const members = memberRefs.flatMap((m) => {
    const name = memberNames.get(m.id);
    return name ? [{ id: m.id, name }] : [];
  });

  return (
    <>
      <Breadcrumb to="/personen">Personen en betrokkenen</Breadcrumb>
      <p className="utrecht-pre-heading wr-section__name">{kindLabel}</p>
      <PageHeading>{s ? s.name : subject.placeholder}</PageHeading>
      <StatusMessage message={message} />
      <DetailLoading data={subject} loading="De gegevens worden geladen…" />
      {s && (
        <div className="wr-subject">
          <SubjectDataSection
            id="subject-data"
            canEdit={hasPermission(user, 'subjects.write') ? canEdit : null}
            what={WHAT[kind]}
            view={<DataList items={details(s, areas.names)} />}
            form={(actions) => (
              <SubjectForm kind={kind} subject={s} members={members} submitLabel="Opslaan" {...actions} />
            )}
            onChanged={changed}
          />
          <RelationsSection
            self={{ kind, id: s.id }}
            relations={s.relations}
            endedRelations={s.endedRelations}
            canEdit={canEdit === true}
            onChanged={changed}
          />
          <SubjectCasesSection cases={s.cases} />
          <HistorySection history={s.history} />
        </div>
      )}
    </>
  );
}

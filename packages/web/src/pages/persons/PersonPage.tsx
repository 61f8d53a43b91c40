import { hasPermission } from '@wijkregie/shared';
import { useCallback } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { DataList } from '../../components/DataList.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb, TextLink } from '../../components/Links.tsx';
import { DetailLoading } from '../../components/Loaded.tsx';
import { PermittedById } from '../../components/Permitted.tsx';
import { formatAddress, formatDate, formatDateTime } from '../../lib/format.ts';
import { personName } from '../../lib/subjects.ts';
import { useDetail } from '../../lib/useDetail.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { AssessmentsSection } from './Assessments.tsx';
import { PersonEditForm } from './PersonEditForm.tsx';
import { SubjectDataSection } from './SubjectEditing.tsx';
import { HistorySection } from './SubjectHistory.tsx';
import { RelationsSection, SubjectCasesSection } from './SubjectParts.tsx';
import { useBasisWrite } from './useBasisWrite.ts';

/** A person's page, for the roles that work with subjects; anyone else reads why not (and loads nothing). */
export function PersonPage() {
  return <PermittedById permission="subjects.read" title="Persoon" page={PersonView} />;
}

function PersonView({ id }: { id: string }) {
  const user = useUser();
  const [message, setMessage] = useFlashMessage();
  const loader = useCallback((signal: AbortSignal) => api.getPerson(id, signal), [id]);
  const person = useDetail(loader, 'Persoon', personName);
  const canEdit = useBasisWrite();
  const p = person.data;
  const name = p ? personName(p) : null;

  /** After a change: the page shows the new state (history included) and says what happened. */
  const changed = (text: string) => {
    setMessage(text);
    person.reload();
  };

  return (
    <>
      <Breadcrumb to="/personen">Personen</Breadcrumb>
      <PageHeading>{name ?? person.placeholder}</PageHeading>
      <StatusMessage message={message} />
      {hasPermission(user, 'persons.accessreport') && (
        <Paragraph>
          <TextLink to={`/personen/${id}/inzage`}>Inzageoverzicht (AVG)</TextLink>
        </Paragraph>
      )}
      <DetailLoading data={person} loading="De gegevens worden geladen…" />
      {p && (
        <div className="wr-subject">
          <SubjectDataSection
            id="person-data"
            canEdit={hasPermission(user, 'subjects.write') ? canEdit : null}
            what="de gegevens van deze persoon"
            view={
              <DataList
                items={[
                  { key: 'Voornaam', value: p.firstName },
                  { key: 'Achternaam', value: p.lastName },
                  { key: 'Geboortedatum', value: formatDate(p.birthDate) },
                  { key: 'BSN', value: p.bsn ?? '–' },
                  { key: 'Adres', value: formatAddress(p.address) },
                  { key: 'Geregistreerd', value: formatDateTime(p.createdAt) },
                ]}
              />
            }
            form={(actions) => <PersonEditForm person={p} {...actions} />}
            onChanged={changed}
          />
          <RelationsSection
            self={{ kind: 'person', id: p.id }}
            relations={p.relations}
            endedRelations={p.endedRelations}
            canEdit={canEdit === true}
            onChanged={changed}
          />
          <SubjectCasesSection cases={p.cases} />
          {hasPermission(user, 'cases.read') && (
            <AssessmentsSection
              personId={p.id}
              personName={name ?? ''}
              cases={p.cases}
              onSaved={setMessage}
            />
          )}
          <HistorySection history={p.history} />
        </div>
      )}
    </>
  );
}

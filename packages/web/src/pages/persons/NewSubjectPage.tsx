import type { OtherSubjectKind } from '@wijkregie/shared';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb } from '../../components/Links.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { subjectKindLabel, subjectPath } from '../../lib/subjects.ts';
import { useNavigateWithMessage } from '../../lib/useFlashMessage.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SubjectForm } from './SubjectForm.tsx';

const INTRO: Record<OtherSubjectKind, string> = {
  household:
    'Registreer het huishouden met een naam en eventueel het adres. Leden en de contactpersoon voeg je daarna toe op de pagina van het huishouden.',
  group:
    'Registreer de groep met een naam. De classificatie kan later, als die bekend is. Leden en ontmoetingsplekken voeg je daarna toe.',
  location: 'Registreer de locatie met een naam en een adres, een plek op de kaart, of allebei.',
};

/** Registers a household, group or location, then opens its page. */
export function NewSubjectPage({ kind }: { kind: OtherSubjectKind }) {
  const title = `${subjectKindLabel(kind)} registreren`;
  return (
    <Permitted permission="subjects.write" title={title}>
      <NewSubject kind={kind} title={title} />
    </Permitted>
  );
}

function NewSubject({ kind, title }: { kind: OtherSubjectKind; title: string }) {
  usePageTitle(title);
  const navigateWithMessage = useNavigateWithMessage();
  return (
    <>
      <Breadcrumb to="/personen">Personen en betrokkenen</Breadcrumb>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{INTRO[kind]}</Paragraph>
      <div className="wr-card">
        <SubjectForm
          kind={kind}
          submitLabel={title}
          keepBusyOnSuccess
          onSaved={(subject) =>
            navigateWithMessage(
              subjectPath(subject) ?? '/personen',
              `${subjectKindLabel(kind)} ${subject.name} is geregistreerd.`,
            )
          }
        />
      </div>
    </>
  );
}

import { PageHeading, Paragraph } from '../components/Heading.tsx';
import { TextLink } from '../components/Links.tsx';
import { usePageTitle } from '../lib/usePageTitle.ts';

export function NotFoundPage() {
  usePageTitle('Pagina niet gevonden');
  return (
    <>
      <PageHeading>Pagina niet gevonden</PageHeading>
      <Paragraph>
        Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar het overzicht.
      </Paragraph>
      <Paragraph>
        <TextLink to="/">Naar het overzicht</TextLink>
      </Paragraph>
    </>
  );
}

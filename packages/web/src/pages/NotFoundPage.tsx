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

export function NoAccessPage({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        Je hebt geen toegang tot deze pagina. Neem contact op met de functioneel beheerder als je die wel
        nodig hebt.
      </Paragraph>
    </>
  );
}

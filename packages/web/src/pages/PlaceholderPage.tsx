import { Alert } from '../components/Alert.tsx';
import { PageHeading, Paragraph } from '../components/Heading.tsx';
import { usePageTitle } from '../lib/usePageTitle.ts';

export interface PlaceholderPageProps {
  title: string;
  intro: string;
}

/** A part of Wijkregie that is not built yet; says so plainly. */
export function PlaceholderPage({ title, intro }: PlaceholderPageProps) {
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph lead>{intro}</Paragraph>
      <Alert type="info">Dit onderdeel wordt in een volgende versie toegevoegd.</Alert>
    </>
  );
}

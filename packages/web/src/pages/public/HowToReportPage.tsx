import type { HowToReport } from '@wijkregie/shared';
import { api } from '../../api/endpoints.ts';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Section } from '../../components/Section.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { usePublicTitle } from './PublicLayout.tsx';

const loadText = (signal: AbortSignal) => api.publicHowToReport(signal);

/** /hoe-melden: what to report where (112, police, Meld Misdaad Anoniem, the report form), in the municipality's words. */
export function HowToReportPage() {
  usePublicTitle('Wat meld ik waar?');
  const text = useApiData(loadText);
  return (
    <>
      <PageHeading>Wat meld ik waar?</PageHeading>
      <Loaded data={text} loading="De uitleg wordt geladen…">
        {(t) => <HowToReportText text={t} />}
      </Loaded>
      <Paragraph>
        <TextLink to="/melden">Naar het meldformulier</TextLink>
      </Paragraph>
    </>
  );
}

function ChannelLink({ url, name }: { url: string; name: string }) {
  if (url.startsWith('/'))
    return <TextLink to={url}>{url === '/melden' ? 'Naar het meldformulier' : name}</TextLink>;
  return (
    <a className="utrecht-link utrecht-link--html-a" href={url} rel="noopener noreferrer">
      Website van {name}
    </a>
  );
}

function HowToReportText({ text }: { text: HowToReport }) {
  return (
    <>
      <Paragraph lead>{text.intro}</Paragraph>
      <Section id="how-channels" title="Waar meldt u wat?">
        {text.channels.map((c) => (
          <div key={c.name} className="wr-how-to-report__channel">
            <Heading level={3}>{c.name}</Heading>
            <Paragraph>{c.when}</Paragraph>
            <Paragraph>
              <strong>{c.contact}</strong>
            </Paragraph>
            {c.url && (
              <Paragraph>
                <ChannelLink url={c.url} name={c.name} />
              </Paragraph>
            )}
          </div>
        ))}
      </Section>
      <Section id="how-after" title="Wat gebeurt er met uw melding?">
        <Paragraph>{text.afterReport}</Paragraph>
      </Section>
      <Section id="how-take-part" title="Meedoen in uw buurt">
        <Paragraph>{text.takePart}</Paragraph>
      </Section>
    </>
  );
}

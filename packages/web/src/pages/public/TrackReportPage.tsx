import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { DataList } from '../../components/DataList.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePublicTitle } from './PublicLayout.tsx';

/** /melden/:code: the state of a report in plain words, and the messages about it. Never names. */
export function TrackReportPage() {
  const { code = '' } = useParams();
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.trackPublicReport(code, signal).catch((error: unknown) => {
        // Plain words for the answers a resident may get.
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
          throw new ApiError({
            ...error.problem,
            detail: 'Er is geen melding met deze code. Controleer de code.',
          });
        }
        if (error instanceof ApiError && error.status === 429) {
          throw new ApiError({
            ...error.problem,
            detail: 'U heeft de stand kort na elkaar vaak opgevraagd. Probeer het over een minuut opnieuw.',
          });
        }
        throw error;
      }),
    [code],
  );
  const report = useApiData(loader);
  usePublicTitle('Stand van uw melding');
  const r = report.data;

  return (
    <>
      <PageHeading>Stand van uw melding</PageHeading>
      <Paragraph>
        Code: <span className="wr-code">{code}</span>
      </Paragraph>
      {report.loading && !r && <Paragraph>De stand wordt opgehaald…</Paragraph>}
      <ErrorAlert message={report.error} />
      {r && (
        <>
          <DataList
            items={[
              { key: 'Status', value: <span className="wr-strong">{r.statusText}</span> },
              { key: 'Gemeld op', value: formatDateTime(r.createdAt) },
            ]}
          />
          <Section id="updates" title="Berichten">
            {r.updates.length === 0 ? (
              <Paragraph>Er zijn nog geen berichten.</Paragraph>
            ) : (
              <ol className="wr-history">
                {r.updates.map((u) => (
                  <li key={`${u.at}-${u.text}`} className="wr-history__item">
                    <p className="utrecht-paragraph wr-history__meta">{formatDateTime(u.at)}</p>
                    <p className="utrecht-paragraph wr-entry__text">{u.text}</p>
                  </li>
                ))}
              </ol>
            )}
          </Section>
        </>
      )}
      <Paragraph>
        <TextLink to="/melden">Nog een melding doen</TextLink>
      </Paragraph>
    </>
  );
}

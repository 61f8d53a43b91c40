import {
  SEARCH_KIND_LABELS,
  SEARCH_KINDS,
  SEARCH_MIN_LENGTH,
  type SearchItem,
  type SearchKind,
} from '@wijkregie/shared';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { maySearch } from '../../components/HeaderSearch.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { NoAccessPage } from '../../components/Permitted.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

/** Where each kind of hit opens. */
const PATHS: Record<SearchKind, string> = {
  person: '/personen',
  case: '/casussen',
  signal: '/signalen',
  meeting: '/overleggen',
  location: '/locaties',
};

const hitsText = (n: number) => (n === 1 ? '1 resultaat' : `${n} resultaten`);

/**
 * `/zoeken?q=`: what the header search found, grouped by kind (persons, cases, signals, meetings,
 * locations), each a link to its page. The server answers only what the user may open, the best hits of
 * each kind first.
 */
export function SearchPage() {
  const user = useUser();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const enough = q.length >= SEARCH_MIN_LENGTH;
  usePageTitle(enough ? `Zoeken: ${q}` : 'Zoeken');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query is the whole input.
  const loader = useCallback(
    (signal: AbortSignal) => (enough ? api.search(q, signal) : Promise.resolve({ items: [] })),
    [q],
  );
  const result = useApiData(loader, 'Het zoeken is mislukt. Probeer het opnieuw.');

  if (!maySearch(user))
    return (
      <NoAccessPage
        title="Zoeken"
        reason="Zoeken is voor wie personen, casussen, signalen of overleggen mag inzien."
      />
    );

  return (
    <>
      <PageHeading>Zoeken</PageHeading>
      {!enough ? (
        <Paragraph>
          Typ in het zoekveld bovenaan minstens {SEARCH_MIN_LENGTH} tekens: een naam, een casuskenmerk (zoals
          2025-0012), een titel of een adres.
        </Paragraph>
      ) : (
        <Loaded data={result} loading="Bezig met zoeken…" busy>
          {({ items }) => <Results q={q} items={items} />}
        </Loaded>
      )}
    </>
  );
}

function Results({ q, items }: { q: string; items: SearchItem[] }) {
  const groups = SEARCH_KINDS.map((kind) => ({ kind, hits: items.filter((i) => i.kind === kind) })).filter(
    (g) => g.hits.length > 0,
  );
  return (
    <div className="wr-search-results">
      <Paragraph role="status">
        {items.length === 0
          ? `Niets gevonden voor “${q}” dat je mag zien.`
          : `${hitsText(items.length)} voor “${q}”, de beste eerst per soort.`}
      </Paragraph>
      {groups.map(({ kind, hits }) => (
        <section key={kind} aria-labelledby={`zoeken-${kind}`}>
          <Heading level={2} id={`zoeken-${kind}`}>
            {SEARCH_KIND_LABELS[kind]} ({hits.length})
          </Heading>
          <ul className="wr-search-results__list">
            {hits.map((hit) => (
              <li key={hit.id}>
                <TextLink to={`${PATHS[kind]}/${hit.id}`}>{hit.label}</TextLink>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

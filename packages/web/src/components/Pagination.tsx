import { Button } from './Button.tsx';

export interface PaginationProps {
  /** The accessible name of the navigation, e.g. "Paginering casussen". */
  label: string;
  total: number;
  limit: number;
  offset: number;
  onPage: (offset: number) => void;
}

/**
 * "Vorige" and "Volgende" with the range shown. The buttons stay focusable at the ends (aria-disabled
 * rather than disabled), so keyboard focus is not lost when the last page is reached.
 */
export function Pagination({ label, total, limit, offset, onPage }: PaginationProps) {
  if (total <= limit && offset === 0) return null;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const hasPrevious = offset > 0;
  const hasNext = offset + limit < total;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav aria-label={label} className="wr-pagination">
      <Button
        appearance="secondary-action"
        aria-disabled={!hasPrevious || undefined}
        className={hasPrevious ? undefined : 'wr-button--inert'}
        onClick={() => hasPrevious && onPage(Math.max(0, offset - limit))}
      >
        Vorige<span className="wr-visually-hidden"> pagina</span>
      </Button>
      <p className="utrecht-paragraph wr-pagination__range" aria-live="polite">
        {first}–{last} van {total} (pagina {page} van {pages})
      </p>
      <Button
        appearance="secondary-action"
        aria-disabled={!hasNext || undefined}
        className={hasNext ? undefined : 'wr-button--inert'}
        onClick={() => hasNext && onPage(offset + limit)}
      >
        Volgende<span className="wr-visually-hidden"> pagina</span>
      </Button>
    </nav>
  );
}

import type { ReactNode } from 'react';

export interface DataListItem {
  key: string;
  value: ReactNode;
}

/**
 * Key–value pairs (a description list), laid out in two columns on wide screens; `compact` puts the pairs
 * side by side, each value under its key, as many on a line as fit.
 */
export function DataList({ items, compact = false }: { items: readonly DataListItem[]; compact?: boolean }) {
  return (
    <dl
      className={
        compact ? 'utrecht-data-list wr-data-list wr-data-list--compact' : 'utrecht-data-list wr-data-list'
      }
    >
      {items.map((item) => (
        <div key={item.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{item.key}</dt>
          <dd className="utrecht-data-list__item-value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

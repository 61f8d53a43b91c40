import type { ReactNode } from 'react';

export interface DataListItem {
  key: string;
  value: ReactNode;
}

/** Key–value pairs (a description list), laid out in two columns on wide screens. */
export function DataList({ items }: { items: readonly DataListItem[] }) {
  return (
    <dl className="utrecht-data-list wr-data-list">
      {items.map((item) => (
        <div key={item.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{item.key}</dt>
          <dd className="utrecht-data-list__item-value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

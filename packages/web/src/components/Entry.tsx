import type { Category } from '@wijkregie/shared';
import type { ReactNode } from 'react';
import { keyedOptions } from '../lib/format.ts';
import { type Names, partnerName } from '../lib/reference.ts';
import type { BoundField } from '../lib/useFormSubmit.ts';
import { DateTime } from './DateTime.tsx';
import { SelectField, TextareaField } from './fields.tsx';

interface EntryMeta {
  category: string;
  authorName: string;
  partnerId: string;
  createdAt: string;
}

export interface EntryHeaderProps {
  id: string;
  entry: EntryMeta;
  categoryLabel: string;
  partnerNames: Names;
  /** Shown first, e.g. whether it is minutes or a decision. */
  children?: ReactNode;
}

/** Category, author, organisation and time of a journal entry; it names the entry's article. */
export function EntryHeader({ id, entry, categoryLabel, partnerNames, children }: EntryHeaderProps) {
  return (
    <header className="wr-entry__header" id={id}>
      {children}
      <span className="wr-entry__category">{categoryLabel}</span>
      <span className="wr-entry__author">{entry.authorName}</span>
      <span className="wr-entry__partner">{partnerName(partnerNames, entry.partnerId)}</span>
      <DateTime value={entry.createdAt} className="wr-entry__time" />
    </header>
  );
}

/** The category (only those the user's organisation may write) and the text of a new entry. */
export function EntryFields({
  field,
  categories,
}: {
  field: (name: 'category' | 'text') => BoundField;
  categories: readonly Category[];
}) {
  return (
    <>
      <SelectField
        {...field('category')}
        label="Categorie"
        description="Alleen de categorieën waarin jouw organisatie mag schrijven"
        placeholder={categories.length === 1 ? undefined : 'Kies een categorie'}
        options={keyedOptions(categories)}
      />
      <TextareaField {...field('text')} label="Tekst" rows={5} />
    </>
  );
}

/** The key of the only category, or '' when there is a choice. */
export function onlyCategory(categories: readonly Category[]): string {
  return categories.length === 1 ? (categories[0]?.key ?? '') : '';
}

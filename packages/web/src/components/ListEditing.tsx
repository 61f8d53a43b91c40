import { useState } from 'react';
import { type ApiData, withItem, withReplaced } from '../lib/useApiData.ts';
import type { FormSubmit } from '../lib/useFormSubmit.ts';
import { Button } from './Button.tsx';
import type { Column } from './Table.tsx';

interface Named {
  id: string;
  name: string;
}

/**
 * A list of named things (partners, users) that the server sorts, edited one at a time in a form below it:
 * which one is open, the status message of the last change, and after a change the list is loaded again
 * so that the item goes to its place. `column` is the list's "Wijzigen" column that opens the form.
 */
export function useListEditing<T extends Named>(list: ApiData<{ items: T[]; total: number }>) {
  type L = { items: T[]; total: number };
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  function show(update: (current: L | null) => L | null, message: string) {
    list.setData(update);
    list.reload();
    setStatus(message);
  }

  const column: Column<T> = {
    header: 'Wijzigen',
    cell: (item) => (
      <Button
        appearance="subtle"
        aria-label={`${item.name} wijzigen`}
        onClick={() => {
          setStatus(null);
          setEditing(item.id);
        }}
      >
        Wijzigen
      </Button>
    ),
  };

  return {
    status,
    clearStatus: () => setStatus(null),
    edited: list.data?.items.find((item) => item.id === editing),
    close: () => setEditing(null),
    added: (item: T, message: string) => show((current) => withItem(current, item), message),
    changed: (item: T, message: string) =>
      show((current) => withReplaced(current, item, (x) => x.id), message),
    column,
  };
}

/**
 * How the form of an edited item saves a change: `update` is sent with the form busy, then the list shows
 * the item with `message(item)` and the form closes. A failure is the form's message (`submit`), so the
 * promise never rejects.
 */
export function itemSaver<T>(
  submit: FormSubmit['submit'],
  onChanged: (item: T, message: string) => void,
  onClose: () => void,
) {
  return (update: () => Promise<T>, message: (item: T) => string) =>
    submit(async () => {
      const item = await update();
      onChanged(item, message(item));
      onClose();
    });
}

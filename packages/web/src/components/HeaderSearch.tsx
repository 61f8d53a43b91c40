import { type Actor, hasPermission, type Permission, SEARCH_MIN_LENGTH } from '@wijkregie/shared';
import { useEffect, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Button } from './Button.tsx';
import { Textbox } from './Textbox.tsx';

/** What the search looks through needs one of these; a user with none of them is offered no search. */
const SEARCHABLE: readonly Permission[] = ['subjects.read', 'cases.read', 'signals.read', 'meetings.read'];

export const maySearch = (user: Pick<Actor, 'roles'>) => SEARCHABLE.some((p) => hasPermission(user, p));

/**
 * The one search in the header: persons, cases, signals, meetings and locations. It opens the results
 * page (`/zoeken?q=`), which keeps the query in its URL; on that page the field shows the query.
 */
export function HeaderSearch() {
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const current =
    location.pathname === '/zoeken' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);

  return (
    <search aria-label="Zoeken in Wijkregie">
      <form
        className="wr-header-search"
        onSubmit={(e) => {
          e.preventDefault();
          const text = q.trim();
          void navigate(text ? `/zoeken?q=${encodeURIComponent(text)}` : '/zoeken');
        }}
      >
        <label htmlFor={id} className="wr-visually-hidden">
          Zoek op naam, kenmerk, titel of adres
        </label>
        <Textbox
          id={id}
          type="search"
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Naam, kenmerk, titel of adres"
          minLength={SEARCH_MIN_LENGTH}
          maxLength={200}
          autoComplete="off"
        />
        <Button type="submit" appearance="primary-action">
          Zoeken
        </Button>
      </form>
    </search>
  );
}

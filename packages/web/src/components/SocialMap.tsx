import {
  SOCIAL_MAP_ROLE_LABELS,
  SOCIAL_MAP_ROLES,
  type SocialMapEntry,
  type SocialMapQuery,
} from '@wijkregie/shared';
import { type ReactNode, useCallback } from 'react';
import { api } from '../api/endpoints.ts';
import { useApiData } from '../lib/useApiData.ts';
import { DataList } from './DataList.tsx';
import { EmailAddress } from './EmailAddress.tsx';
import { TextLink } from './Links.tsx';
import { Loaded } from './Loaded.tsx';
import { Section } from './Section.tsx';
import { DataTable } from './Table.tsx';
import './SocialMap.css';

/** A phone number as a `tel:` link (digits and a leading +), the number as written. */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a className="utrecht-link utrecht-link--html-a" href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
      {phone}
    </a>
  );
}

export function MailLink({ email }: { email: string }) {
  return (
    <a className="utrecht-link utrecht-link--html-a" href={`mailto:${email}`}>
      <EmailAddress email={email} />
    </a>
  );
}

/** How to reach someone: phone, email and when, each line only when known. */
function reach(entry: SocialMapEntry) {
  return [
    ...(entry.phone ? [{ key: 'Telefoon', value: <PhoneLink phone={entry.phone} /> }] : []),
    ...(entry.email ? [{ key: 'E-mail', value: <MailLink email={entry.email} /> }] : []),
    ...(entry.availability ? [{ key: 'Bereikbaar', value: entry.availability }] : []),
  ];
}

/** The entries by role, in the order of the roles; roles without people are left out. */
export function byRole(items: readonly SocialMapEntry[]) {
  return SOCIAL_MAP_ROLES.map((role) => ({
    role,
    label: SOCIAL_MAP_ROLE_LABELS[role],
    people: items.filter((i) => i.role === role),
  })).filter((g) => g.people.length > 0);
}

export interface SocialMapCardsProps {
  items: readonly SocialMapEntry[];
  /** Buttons under a card (change, take off the map) for those who may keep the person current. */
  actions?: (entry: SocialMapEntry) => ReactNode;
}

/** The sociale kaart as cards, grouped by role, each group a section named by the role. */
export function SocialMapCards({ items, actions }: SocialMapCardsProps) {
  return (
    <div className="wr-social-map">
      {byRole(items).map((group) => (
        <Section
          key={group.role}
          id={`sociale-kaart-${group.role}`}
          title={`${group.label} (${group.people.length})`}
          className="wr-social-map__group"
        >
          <ul className="wr-tiles wr-social-map__cards">
            {group.people.map((p) => (
              <li key={p.id} className="wr-card wr-social-card">
                <p className="wr-social-card__name">{p.name}</p>
                <p className="wr-social-card__org">
                  {p.partnerName ?? ''}
                  {p.areas.length > 0 && <> · {p.areas.map((a) => a.name).join(', ')}</>}
                </p>
                <DataList items={reach(p)} />
                {actions?.(p)}
              </li>
            ))}
          </ul>
        </Section>
      ))}
    </div>
  );
}

export interface SocialMapPanelProps {
  /** The wijk or buurt of the record, or the meeting whose cases' wijken count. */
  query: Pick<SocialMapQuery, 'areaId' | 'meetingId'>;
}

/**
 * "Wie werkt hier nog meer?": the sociale kaart of the wijk of a case, signal or meeting, folded in — a
 * compact table once opened, and a link to the whole map of each area. Nothing when the record has no
 * area (a meeting: when none of the cases on its agenda that the user sees has one).
 */
export function SocialMapPanel({ query }: SocialMapPanelProps) {
  const { areaId, meetingId } = query;
  const loader = useCallback(
    (signal: AbortSignal) => api.listSocialMap({ areaId, meetingId }, signal),
    [areaId, meetingId],
  );
  const map = useApiData(loader, 'De sociale kaart kon niet worden geladen.');
  const areas = map.data?.areas ?? [];
  if (map.data && areas.length === 0) return null;
  const where = areas.map((a) => a.name).join(', ');
  return (
    <details className="wr-card wr-details wr-social-panel">
      <summary className="wr-details__summary">Wie werkt hier nog meer?</summary>
      <div>
        <Loaded data={map} loading="De sociale kaart wordt geladen…">
          {(m) => (
            <>
              <DataTable
                caption={`Sociale kaart van ${where} (${m.total})`}
                rows={m.items}
                empty="Er staat nog niemand op de sociale kaart voor dit gebied."
                columns={[
                  { header: 'Rol', cell: (p) => SOCIAL_MAP_ROLE_LABELS[p.role] },
                  { header: 'Naam', cell: (p) => p.name },
                  { header: 'Organisatie', cell: (p) => p.partnerName ?? '' },
                  {
                    header: 'Bereikbaar',
                    cell: (p) => (
                      <span className="wr-social-panel__reach">
                        {p.phone && <PhoneLink phone={p.phone} />}
                        {p.email && <MailLink email={p.email} />}
                        {p.availability && <span>{p.availability}</span>}
                      </span>
                    ),
                  },
                ]}
              />
              <ul className="wr-social-panel__links">
                {areas.map((a) => (
                  <li key={a.id}>
                    <TextLink
                      to={`/sociale-kaart?gebied=${a.id}`}
                    >{`De hele sociale kaart van ${a.name}`}</TextLink>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Loaded>
      </div>
    </details>
  );
}

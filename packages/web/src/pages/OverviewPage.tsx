import { hasPermission, type Permission, ROLE_LABELS } from '@wijkregie/shared';
import { api } from '../api/endpoints.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { PageHeading, Paragraph } from '../components/Heading.tsx';
import { TextLink } from '../components/Links.tsx';
import { Section } from '../components/Section.tsx';
import { useApiData } from '../lib/useApiData.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';

const loadPartners = (signal: AbortSignal) => api.listPartners(signal);

const NEXT_STEPS: { to: string; label: string; permission: Permission }[] = [
  { to: '/casussen', label: 'Bekijk de casussen die je mag zien', permission: 'cases.read' },
  { to: '/personen', label: 'Zoek een persoon', permission: 'subjects.read' },
  { to: '/beheer/matrix', label: 'Bekijk de autorisatiematrix', permission: 'matrix.read' },
  { to: '/audit', label: 'Bekijk de auditlog', permission: 'audit.read' },
  { to: '/beheer/partners', label: 'Bekijk de partners in de wijkaanpak', permission: 'partners.read' },
];

export function OverviewPage() {
  usePageTitle('Overzicht');
  const user = useUser();
  const partners = useApiData(loadPartners);
  const partner = partners.data?.items.find((p) => p.id === user.partnerId);
  const partnerName = partner?.name ?? (partners.loading ? 'wordt geladen…' : 'onbekend');

  return (
    <>
      <PageHeading>Welkom, {user.name}</PageHeading>
      <Paragraph lead>Wijkregie brengt signalen, casussen en overleggen van de wijkaanpak samen.</Paragraph>
      <Section id="account" title="Je account" className="wr-card">
        <dl className="utrecht-data-list wr-data-list">
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">Naam</dt>
            <dd className="utrecht-data-list__item-value">{user.name}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">E-mailadres</dt>
            <dd className="utrecht-data-list__item-value">{user.email}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">Organisatie</dt>
            <dd className="utrecht-data-list__item-value">{partnerName}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{user.roles.length === 1 ? 'Rol' : 'Rollen'}</dt>
            <dd className="utrecht-data-list__item-value">
              {user.roles.map((role) => ROLE_LABELS[role]).join(', ')}
            </dd>
          </div>
        </dl>
      </Section>
      <Section id="next" title="Aan de slag">
        <ul className="utrecht-link-list utrecht-link-list--html-ul wr-link-list">
          {NEXT_STEPS.filter((step) => hasPermission(user, step.permission)).map((step) => (
            <li key={step.to} className="utrecht-link-list__item">
              <TextLink to={step.to}>{step.label}</TextLink>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

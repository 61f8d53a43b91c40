import { hasPermission, PERMISSIONS, type Permission, ROLE_LABELS, type Role } from '@wijkregie/shared';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useUser } from '../auth/AuthContext.tsx';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { PageHeading, Paragraph } from './Heading.tsx';
import { TextLink } from './Links.tsx';

/** "regisseur en professional": role names in a sentence. */
function roleList(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_LABELS[r].toLowerCase());
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names.at(-1)}` : (names[0] ?? '');
}

/**
 * What a user sees on a page their roles do not allow (they came by URL or an old link; the menus offer
 * only what they may use): the page's title, why not, and what to do. The functioneel beheerder is not
 * sent to the functioneel beheerder: they are told whose work this page is and where roles are given.
 */
export function NoAccessPage({
  title,
  permission,
  reason,
}: {
  title: string;
  /** The permission the page needs, to name the roles that have it. */
  permission?: Permission;
  /** Why not, when it is not (only) the role, e.g. the user's organisation. */
  reason?: string;
}) {
  usePageTitle(title);
  const user = useUser();
  const allowed: readonly Role[] = permission ? PERMISSIONS[permission] : [];
  const why =
    reason ??
    (allowed.length > 0
      ? `Deze pagina is er voor de ${allowed.length > 1 ? 'rollen' : 'rol'} ${roleList(allowed)}; jij hebt de ${
          user.roles.length > 1 ? 'rollen' : 'rol'
        } ${roleList(user.roles)}.`
      : `Deze pagina hoort niet bij je ${user.roles.length > 1 ? 'rollen' : 'rol'} (${roleList(user.roles)}).`);
  const admin = user.roles.includes('admin');
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>Je hebt geen toegang tot deze pagina. {why}</Paragraph>
      {admin ? (
        <Paragraph>
          Als functioneel beheerder richt je Wijkregie in: partners, gebruikers, de autorisatiematrix en de
          routering. Het werk met signalen, personen, casussen en overleggen doen regisseurs en professionals;
          welke rol iemand heeft, stel je in bij{' '}
          {hasPermission(user, 'users.read') ? (
            <TextLink to="/beheer/gebruikers">Gebruikers</TextLink>
          ) : (
            'Gebruikers'
          )}
          .
        </Paragraph>
      ) : (
        <Paragraph>
          Heb je deze pagina nodig voor je werk? Vraag dan de functioneel beheerder van je gemeente of je rol
          daarvoor moet veranderen.
        </Paragraph>
      )}
      <Paragraph>
        <TextLink to="/">Naar het overzicht</TextLink>
      </Paragraph>
    </>
  );
}

/**
 * A page for the users with the permission; anyone else gets NoAccessPage with the page's title. The
 * page itself (its data hooks) is only mounted when it is allowed.
 */
export function Permitted({
  permission,
  title,
  children,
}: {
  permission: Permission;
  title: string;
  children: ReactNode;
}) {
  const user = useUser();
  if (!hasPermission(user, permission)) return <NoAccessPage title={title} permission={permission} />;
  return children;
}

/**
 * The page of one object, by the route's `:id`, for the users with the permission (see Permitted). Another
 * id (a link to a related object) starts the page with fresh state.
 */
export function PermittedById({
  permission,
  title,
  page: Page,
}: {
  permission: Permission;
  title: string;
  page: (props: { id: string }) => ReactNode;
}) {
  const { id = '' } = useParams();
  return (
    <Permitted permission={permission} title={title}>
      <Page key={id} id={id} />
    </Permitted>
  );
}

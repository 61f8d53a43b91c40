import { hasPermission, type Permission } from '@wijkregie/shared';
import type { ReactNode } from 'react';
import { useUser } from '../auth/AuthContext.tsx';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { PageHeading, Paragraph } from './Heading.tsx';

/** What a user sees on a page their roles do not allow: the page's title and who to ask. */
export function NoAccessPage({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        Je hebt geen toegang tot deze pagina. Neem contact op met de functioneel beheerder als je die wel
        nodig hebt.
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
  if (!hasPermission(user, permission)) return <NoAccessPage title={title} />;
  return children;
}

import { hasPermission } from '@wijkregie/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';

/**
 * Whether the user may change persons, households, groups and locations: the role, and then a
 * regisseur, or an organisation with write access to `basis` in the matrix (what the server checks).
 * `null` while the matrix row is being read.
 */
export function useBasisWrite(): boolean | null {
  const user = useUser();
  const regisseur = user.roles.includes('regisseur');
  const mayWrite = hasPermission(user, 'subjects.write');
  const [writes, setWrites] = useState<boolean | null>(regisseur ? true : mayWrite ? null : false);

  useEffect(() => {
    if (regisseur || !mayWrite) return undefined;
    const controller = new AbortController();
    api
      .myAccess(controller.signal)
      .then((row) => setWrites(row.cells.some((c) => c.category === 'basis' && c.access === 'write')))
      .catch(() => {
        // Without the row the buttons stay away; the server decides anyway.
        if (!controller.signal.aborted) setWrites(false);
      });
    return () => controller.abort();
  }, [regisseur, mayWrite]);
  return writes;
}

import { type Collection, hasPermission, type UserWithStatus } from '@wijkregie/shared';
import { useCallback, useMemo } from 'react';
import { api } from '../api/endpoints.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { type ApiData, useApiData } from './useApiData.ts';

const loadPartners = (signal: AbortSignal) => api.listPartners(signal);
const loadCategories = (signal: AbortSignal) => api.listCategories(signal);
const loadAreas = (signal: AbortSignal) => api.listAreas(signal);
const loadMyAccess = (signal: AbortSignal) => api.myAccess(signal);

/** Name by id, for the lists of partners, users, categories and areas. */
export type Names = ReadonlyMap<string, string>;

function namesOf<T>(items: readonly T[] | undefined, key: (t: T) => string, name: (t: T) => string): Names {
  return new Map((items ?? []).map((item) => [key(item), name(item)]));
}

/** The names by id of a loaded list of things with an id and a name, made again only when it changes. */
function useNamesById(items: readonly { id: string; name: string }[] | undefined): Names {
  return useMemo(
    () =>
      namesOf(
        items,
        (t) => t.id,
        (t) => t.name,
      ),
    [items],
  );
}

/**
 * A partner's name; while the names are still loading an ellipsis, never a stand-in that reads as a
 * fact ("Onbekende partner" beside the real names, fault 2 of issue 11).
 */
export function partnerName(partnerNames: Names, id: string): string {
  return partnerNames.get(id) ?? (partnerNames.size === 0 ? '…' : 'Onbekende partner');
}

export function usePartners() {
  const partners = useApiData(loadPartners);
  const names = useNamesById(partners.data?.items);
  return { ...partners, names };
}

/** The users of the municipality when the signed-in user may read them; otherwise `data` stays null. */
export function useUsers(): ApiData<Collection<UserWithStatus> | null> & { names: Names; allowed: boolean } {
  const user = useUser();
  const allowed = hasPermission(user, 'users.read');
  const loader = useCallback(
    (signal: AbortSignal) => (allowed ? api.listUsers(signal) : Promise.resolve(null)),
    [allowed],
  );
  const users = useApiData(loader);
  const names = useNamesById(users.data?.items);
  return { ...users, names, allowed };
}

export function useCategories() {
  const categories = useApiData(loadCategories);
  const names = useMemo(
    () =>
      namesOf(
        categories.data?.items,
        (c) => c.key,
        (c) => c.label,
      ),
    [categories.data],
  );
  return { ...categories, names };
}

export function useAreas() {
  const areas = useApiData(loadAreas);
  // A buurt is named with its wijk: "Binnenstad (Centrum)".
  const names = useMemo(() => {
    const items = areas.data?.items ?? [];
    const plain = new Map(items.map((a) => [a.id, a.name]));
    return namesOf(
      items,
      (a) => a.id,
      (a) => (a.parentId && plain.has(a.parentId) ? `${a.name} (${plain.get(a.parentId)})` : a.name),
    );
  }, [areas.data]);
  return { ...areas, names };
}

export function useMyAccess() {
  return useApiData(loadMyAccess);
}

const loadColleagues = (signal: AbortSignal) => api.listColleagues(signal);

/** The staff users with case access (chairs of meetings, assignees of actions), sorted by name. */
export function useColleagues() {
  const colleagues = useApiData(loadColleagues);
  const sorted = useMemo(
    () => [...(colleagues.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    [colleagues.data],
  );
  const names = useNamesById(colleagues.data?.items);
  return { ...colleagues, sorted, names };
}

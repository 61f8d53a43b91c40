import type { SelectOption, SelectOptionGroup } from '../components/Select.tsx';
import { UUID_PATTERN } from './validation.ts';

interface AreaLike {
  id: string;
  kind: 'wijk' | 'buurt';
  name: string;
  parentId: string | null;
}

/** The wijk or buurt in a URL, `?gebied=`; a value that is no id is left out. */
export function areaFromParams(params: URLSearchParams): { areaId?: string } {
  const areaId = params.get('gebied') ?? '';
  return UUID_PATTERN.test(areaId) ? { areaId } : {};
}

/** Wijken as option groups, each with the whole wijk first and then its buurten. */
export function areaGroups(areas: readonly AreaLike[] | undefined): SelectOptionGroup[] {
  const all = areas ?? [];
  return all
    .filter((a) => a.kind === 'wijk')
    .map((wijk) => ({
      label: `Wijk ${wijk.name}`,
      options: [
        { value: wijk.id, label: `${wijk.name} (hele wijk)` },
        ...all
          .filter((b) => b.kind === 'buurt' && b.parentId === wijk.id)
          .map((b) => ({ value: b.id, label: b.name })),
      ],
    }));
}

/** The wijken (not the buurten) as options. */
export function wijkOptions(areas: readonly AreaLike[] | undefined): SelectOption[] {
  return (areas ?? []).filter((a) => a.kind === 'wijk').map((a) => ({ value: a.id, label: a.name }));
}
